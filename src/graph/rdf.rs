//! The RDF data contract: turns an extraction into the quads of the
//! document's named graph. Every auxiliary node gets an IRI minted from its
//! content (document, offsets, triple), never a blank node, so that the same
//! input always gives the same graph and byte-identical exports.

use crate::actors::discover::Actors;
use crate::extract::Extraction;
use crate::ontology::gazetteer::Class;
use crate::ontology::vocab::*;
use crate::ontology::Ontology;
use crate::relations::attribution::Source;
use crate::text::document::Document;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};

/// The IRI of a document: the base plus its percent-encoded identifier.
///
/// ```
/// assert_eq!(actorgraph::graph::rdf::document_iri("a b.txt").as_str(), "https://w3id.org/actorgraph/doc/a%20b.txt");
/// ```
pub fn document_iri(identifier: &str) -> NamedNode {
    let mut iri = String::from(DOC_BASE);
    for b in identifier.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            iri.push(b as char);
        } else {
            iri.push_str(&format!("%{b:02X}"));
        }
    }
    NamedNode::new_unchecked(iri)
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// Character (code point) offsets for byte offsets, computed in one pass.
struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl CharIndex<'_> {
    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// A character offset as `xsd:integer`. NIF's range is
/// `xsd:nonNegativeInteger`, but the store keeps every integer type as
/// `xsd:integer`, so that is the one form `extract`, the store and `export`
/// can all write (offsets are never negative).
fn offset_literal(n: usize) -> Literal {
    Literal::from(n as i64)
}

/// A confidence as `xsd:decimal` in the canonical form the store writes
/// back (two decimals at most, no trailing zeros: `0.9`, `0.85`, `1`), so
/// that `extract` and `export` give the same bytes.
///
/// ```
/// use actorgraph::graph::rdf::decimal_literal;
/// assert_eq!(decimal_literal(0.9).value(), "0.9");
/// assert_eq!(decimal_literal(0.849).value(), "0.85");
/// assert_eq!(decimal_literal(1.0).value(), "1");
/// assert_eq!(decimal_literal(0.0).value(), "0");
/// ```
pub fn decimal_literal(x: f64) -> Literal {
    let fixed = format!("{x:.2}");
    let canonical = fixed.trim_end_matches('0').trim_end_matches('.');
    let canonical = if canonical.is_empty() || canonical == "-" || canonical == "-0" { "0" } else { canonical };
    Literal::new_typed_literal(canonical, iri(XSD_DECIMAL))
}

/// The order `export` writes quads in (graph, subject, predicate, object,
/// as N-Quads terms), shared with `extract` so that both give the same
/// bytes for the same graph.
pub fn sort_key(q: &Quad) -> String {
    format!("{} {} {} {}", q.graph_name, q.subject, q.predicate, q.object)
}

/// Sorts quads in the order of [`sort_key`] and drops duplicates.
pub fn sort_quads(quads: Vec<Quad>) -> Vec<Quad> {
    let mut keyed: Vec<(String, Quad)> = quads.into_iter().map(|q| (sort_key(&q), q)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, q)| q).collect()
}

/// All quads of a document's graph.
pub fn document_quads(doc: &Document, ex: &Extraction, ontology: &Ontology) -> Vec<Quad> {
    let gaz = Actors { gazetteer: &ontology.gazetteer, discovered: &ex.discovered };
    let d = document_iri(&doc.identifier);
    let g = GraphName::NamedNode(d.clone());
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| out.push(Quad::new(s.clone(), iri(p), o, g.clone()));
    add(&d, RDF_TYPE, iri(AG_ARTICLE).into());
    add(&d, RDF_TYPE, iri(NIF_CONTEXT).into());
    add(&d, DCTERMS_IDENTIFIER, Literal::new_simple_literal(&doc.identifier).into());
    add(&d, NIF_IS_STRING, Literal::new_simple_literal(&doc.text).into());
    add(&d, AG_EXTRACTED_BY, Literal::new_simple_literal(concat!("actorgraph ", env!("CARGO_PKG_VERSION"))).into());
    if let Some(title) = doc.title.as_deref().or_else(|| headline(doc, ex)) {
        add(&d, DCTERMS_TITLE, Literal::new_simple_literal(title).into());
    }
    if let Some(url) = doc.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        add(&d, SCHEMA_URL, url.into());
    }
    if let Some(date) = &doc.published {
        add(&d, DCTERMS_ISSUED, Literal::new_simple_literal(date).into());
    }
    if let Some(source) = &doc.source {
        add(&d, DCTERMS_PUBLISHER, Literal::new_simple_literal(source).into());
    }
    for &e in &ex.mentioned {
        add(&d, SCHEMA_MENTIONS, gaz.get(e).iri.clone().into());
    }
    // A discovered actor is described where it was found.
    for e in &ex.discovered {
        let class = match e.class {
            Class::Person => AG_PERSON,
            Class::Organization => AG_ORGANIZATION,
        };
        add(&e.iri, RDF_TYPE, iri(class).into());
        add(&e.iri, SKOS_PREF_LABEL, Literal::new_simple_literal(&e.pref_label).into());
        // "the Republican People's Party (CHP)": the acronym the article gave.
        for alt in &e.alt_labels {
            add(&e.iri, SKOS_ALT_LABEL, Literal::new_simple_literal(alt).into());
        }
        add(&e.iri, AG_DISCOVERED, Literal::new_typed_literal("true", iri(XSD_BOOLEAN)).into());
    }
    let mut chars = CharIndex { text: &doc.text, byte: 0, chars: 0 };
    let mut sentence_iris: Vec<Option<NamedNode>> = vec![None; ex.sentences.len()];
    let reports = crate::events::meetings::document_reports(doc, ex, ontology);
    let mut used: Vec<usize> =
        ex.facts.iter().flat_map(|f| f.evidence.iter().copied()).chain(ex.roles.iter().flat_map(|r| r.evidence.iter().copied())).collect();
    used.extend(reports.iter().flat_map(|r| r.all_sentences()));
    used.sort_unstable();
    used.dedup();
    for si in used {
        let span = ex.sentences[si];
        let (b, e) = (chars.at(span.start), chars.at(span.end));
        let s = iri(&format!("{}#char={b},{e}", d.as_str()));
        add(&s, RDF_TYPE, iri(AG_SENTENCE).into());
        add(&s, RDF_TYPE, iri(NIF_SENTENCE).into());
        add(&s, NIF_REFERENCE_CONTEXT, d.clone().into());
        add(&s, NIF_BEGIN, offset_literal(b).into());
        add(&s, NIF_END, offset_literal(e).into());
        add(&s, NIF_ANCHOR_OF, Literal::new_simple_literal(&doc.text[span.start..span.end]).into());
        match ex.attributions.get(&si) {
            Some(Source::Actor(e)) => add(&s, AG_ATTRIBUTED_TO, gaz.get(*e).iri.clone().into()),
            Some(Source::Anonymous(text)) => add(&s, AG_ATTRIBUTION_TEXT, Literal::new_simple_literal(text).into()),
            None => {}
        }
        sentence_iris[si] = Some(s);
    }
    let mut fact_iris = Vec::with_capacity(ex.facts.len());
    for f in &ex.facts {
        let subject = gaz.get(f.subject).iri.clone();
        let object = gaz.get(f.object).iri.clone();
        let predicate = iri(&format!("{AG}{}", f.predicate.local_name()));
        out.push(Quad::new(subject.clone(), predicate.clone(), object.clone(), g.clone()));
        let hash = Sha256::digest(format!("{} {} {}", subject.as_str(), predicate.as_str(), object.as_str()).as_bytes());
        let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
        let fact = iri(&format!("{}#fact-{hex}", d.as_str()));
        fact_iris.push(fact.clone());
        let mut add = |p: &str, o: Term| out.push(Quad::new(fact.clone(), iri(p), o, g.clone()));
        add(RDF_TYPE, iri(AG_FACT).into());
        add(RDF_SUBJECT, subject.into());
        add(RDF_PREDICATE, predicate.into());
        add(RDF_OBJECT, object.into());
        add(AG_CONFIDENCE, decimal_literal(f.confidence).into());
        add(AG_KIND, Literal::new_simple_literal(if f.inferred { "inferred" } else { "explicit" }).into());
        for r in &f.rules {
            add(AG_RULE, Literal::new_simple_literal(*r).into());
        }
        for &si in &f.evidence {
            if let Some(s) = &sentence_iris[si] {
                add(AG_EVIDENCE, s.clone().into());
            }
        }
    }
    for r in &ex.roles {
        let person = gaz.get(r.person).iri.clone();
        let org = r.org.map(|o| gaz.get(o).iri.clone());
        let key = format!("{} {} {}", person.as_str(), r.role.to_lowercase(), org.as_ref().map_or("", |o| o.as_str()));
        let hash = Sha256::digest(key.as_bytes());
        let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
        let node = iri(&format!("{}#membership-{hex}", d.as_str()));
        let mut add = |p: &str, o: Term| out.push(Quad::new(node.clone(), iri(p), o, g.clone()));
        add(RDF_TYPE, iri(ORG_MEMBERSHIP).into());
        add(ORG_MEMBER, person.into());
        if let Some(org) = org {
            add(ORG_ORGANIZATION, org.into());
        }
        add(AG_MEMBERSHIP_ROLE, Literal::new_simple_literal(&r.role).into());
        if r.past {
            add(AG_PAST_ROLE, Literal::new_typed_literal("true", iri(XSD_BOOLEAN)).into());
        }
        add(AG_CONFIDENCE, decimal_literal(r.confidence).into());
        add(AG_KIND, Literal::new_simple_literal(if r.inferred { "inferred" } else { "explicit" }).into());
        for &si in &r.evidence {
            if let Some(s) = &sentence_iris[si] {
                add(AG_EVIDENCE, s.clone().into());
            }
        }
    }
    out.extend(crate::events::meetings::report_quads(&d, &reports, ontology, &gaz, &sentence_iris, &fact_iris));
    out
}

/// The first sentence when it stands on the document's first line and
/// reads as a headline (no final period).
fn headline<'a>(doc: &'a Document, ex: &Extraction) -> Option<&'a str> {
    let first = ex.sentences.first()?;
    let text = &doc.text[first.start..first.end];
    let first_line_end = doc.text[first.start..].find('\n').map_or(doc.text.len(), |i| first.start + i);
    (first.end <= first_line_end && !text.ends_with('.') && text.chars().count() <= 200).then_some(text)
}
