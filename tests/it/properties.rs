//! Properties over arbitrary text: the extractor never panics, and every
//! evidence span slices the document to exactly the quoted sentence.

use actorgraph::graph::rdf;
use actorgraph::ontology::vocab;
use actorgraph::text::document::Document;
use actorgraph::{Extractor, Ontology};
use oxigraph::model::Term;
use proptest::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;

fn ontology() -> &'static Ontology {
    static O: OnceLock<Ontology> = OnceLock::new();
    O.get_or_init(|| Ontology::builtin().unwrap())
}

/// Text made of names, relation words, multi-byte characters, invisible
/// characters, punctuation and line breaks, in any order.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Ahmad Massoud",
        "Massoud",
        "Amir Khan Muttaqi",
        "the Taliban",
        "NRF",
        "Ismail Khan",
        "Haqqani Network",
        " met ",
        " met with ",
        " rejected ",
        " the offer of ",
        "'s ",
        " leader of ",
        " is led by ",
        " and ",
        ", ",
        ". ",
        "\n",
        "\n\n",
        "“",
        "”",
        "’s ",
        "é",
        "ü",
        "—",
        "🇦🇫",
        "\u{200B}",
        "\u{202E}",
        "\u{0301}",
        "\u{00A0}",
        "Dr. ",
        " held talks with ",
        " delegation ",
        " who heads ",
        " said he ",
        "?",
        "!",
        "…",
        "ß",
        "İ",
        "\r\n",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(str::to_string), any::<String>()], 0..60).prop_map(|v| v.concat())
}

fn check_offsets(text: &str) {
    let o = ontology();
    let ex = Extractor::new(o).extract(text);
    let doc = Document { identifier: "p.txt".into(), path: "p.txt".into(), text: text.to_string(), ..Document::default() };
    let quads = rdf::document_quads(&doc, &ex, o);
    let mut by_subject: HashMap<String, HashMap<&str, String>> = HashMap::new();
    for q in &quads {
        let value = match &q.object {
            Term::Literal(l) => l.value().to_string(),
            other => other.to_string(),
        };
        by_subject.entry(q.subject.to_string()).or_default().insert(q.predicate.as_str(), value);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut spans = 0;
    for props in by_subject.values() {
        let (Some(b), Some(e), Some(anchor)) = (props.get(vocab::NIF_BEGIN), props.get(vocab::NIF_END), props.get(vocab::NIF_ANCHOR_OF))
        else {
            continue;
        };
        let (b, e): (usize, usize) = (b.parse().unwrap(), e.parse().unwrap());
        assert!(b < e && e <= chars.len(), "span {b}..{e} outside the text");
        assert_eq!(&chars[b..e].iter().collect::<String>(), anchor);
        spans += 1;
    }
    // Every fact has evidence.
    for f in &ex.facts {
        assert!(!f.evidence.is_empty());
    }
    assert!(spans > 0 || ex.facts.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn evidence_offsets_slice_the_text(text in newsy_text()) {
        check_offsets(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let _ = Extractor::new(ontology()).extract(&text);
    }

    #[test]
    fn html_extraction_never_panics_and_keeps_paragraph_text(
        markup in html_soup(),
        words in prop::collection::vec("[A-Za-z0-9,.']{1,12}", 1..20),
    ) {
        let _ = actorgraph::text::html::extract(&markup);
        let _ = actorgraph::text::html::normalize_date(&markup);
        // Any words in a paragraph come back, with white space collapsed.
        let paragraph = words.join(" \n  ");
        let page = actorgraph::text::html::extract(&format!("<div><p>{paragraph}</p></div>")).unwrap();
        prop_assert_eq!(page.text, words.join(" "));
    }
}

/// Tags (well-formed or not), attributes, entities, comments and text.
fn html_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<p>",
        "</p>",
        "<div class=\"comments\">",
        "</div>",
        "<article>",
        "</article>",
        "<br>",
        "<br/>",
        "<script>",
        "</script>",
        "<nav>",
        "<b>",
        "</i>",
        "<!--",
        "-->",
        "&amp;",
        "&#x1F1E6;",
        "&bogus",
        "<",
        ">",
        "\"",
        "<meta property=\"og:title\" content=\"",
        "<time datetime=\"",
        "2022-13-45",
        "January 31, 2022",
        "<title>",
        "</title>",
        "<h1>",
        "\n",
        " ",
        "Ahmad Massoud met Ismail Khan.",
        "é",
        "\u{0}",
        "\u{1}",
        "<![CDATA[",
        "]]>",
        "<svg><p>",
        "<table><td>",
        "<select><option>",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

#[test]
fn offsets_on_a_fixed_multibyte_text() {
    check_offsets("Ça — “Ahmad Massoud” met Amir Khan Muttaqi 🇦🇫 in Tehran.\n\nThe NRF is led by Ahmad Massoud.");
}

/// Inputs on which the fuzzer once found a panic (`tests/fuzz-regressions/`).
#[test]
fn fuzzer_findings_stay_fixed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(e.unwrap().path()).unwrap();
        if let Ok((text, _)) = actorgraph::text::document::decode(&bytes) {
            check_offsets(&text);
        }
        n += 1;
    }
    assert!(n > 0);
}
