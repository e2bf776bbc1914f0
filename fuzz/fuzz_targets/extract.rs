//! Bytes in, facts out: decoding, splitting, matching, resolution, rules
//! and the RDF of the document must never panic, and every evidence span
//! must lie on character boundaries inside the text.
#![no_main]

use actorgraph::text::document::{decode, Document};
use actorgraph::graph::rdf;
use actorgraph::{Extractor, Ontology};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn ontology() -> &'static Ontology {
    static O: OnceLock<Ontology> = OnceLock::new();
    O.get_or_init(|| Ontology::builtin().expect("built-in ontology"))
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = decode(data) else { return };
    let ex = Extractor::new(ontology()).extract(&text);
    for s in &ex.sentences {
        assert!(s.start <= s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    for f in &ex.facts {
        assert!(!f.evidence.is_empty() && f.subject != f.object);
    }
    let doc = Document { identifier: "fuzz.txt".into(), path: "fuzz".into(), text, ..Document::default() };
    let _ = rdf::document_quads(&doc, &ex, ontology());
});
