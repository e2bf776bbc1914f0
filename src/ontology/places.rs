//! The place gazetteer (`ontology/places.ttl`): where a meeting took place.
//! Places are read from the ontology's triples like the actors, and their
//! names compiled into one matcher over folded text.

use crate::ontology::vocab;
use crate::text::fold::{fold, on_word_boundaries};
use crate::text::sentences::Sentence;
use aho_corasick::{AhoCorasick, MatchKind};
use anyhow::{bail, Result};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet};

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub iri: NamedNode,
    pub pref_label: String,
    /// The place's class (`ag:City`, `ag:Country`, ...).
    pub class: NamedNode,
    /// `ag:country`, when given.
    pub country: Option<NamedNode>,
}

/// Places plus a matcher over all their names.
#[derive(Debug, Clone)]
pub struct Places {
    pub places: Vec<Place>,
    /// For each pattern of the matcher: the place, and whether the label
    /// starts in lower case ("the Iranian capital") so the text may too.
    names: Vec<(usize, bool)>,
    matcher: Option<AhoCorasick>,
}

/// A place named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMatch {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    /// Index into `Places::places`.
    pub place: usize,
}

impl Places {
    /// Reads the places from the ontology's triples: every subject typed
    /// `ag:Place` or a subclass of it (declared with `rdfs:subClassOf`, at
    /// any depth) that has a `skos:prefLabel`. No place at all is fine.
    pub fn from_quads(quads: &[Quad]) -> Result<Places> {
        let mut classes: BTreeSet<String> = BTreeSet::from([vocab::AG_PLACE.to_string()]);
        loop {
            let before = classes.len();
            for q in quads.iter().filter(|q| q.predicate.as_str() == vocab::RDFS_SUB_CLASS_OF) {
                if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o)) = (&q.subject, &q.object) {
                    if classes.contains(o.as_str()) {
                        classes.insert(s.as_str().to_string());
                    }
                }
            }
            if classes.len() == before {
                break;
            }
        }
        let mut by_subject: BTreeMap<&str, Vec<&Quad>> = BTreeMap::new();
        for q in quads {
            if let NamedOrBlankNode::NamedNode(s) = &q.subject {
                by_subject.entry(s.as_str()).or_default().push(q);
            }
        }
        let mut places = Vec::new();
        let mut labels: Vec<(String, bool, usize)> = Vec::new();
        for (subject, triples) in by_subject {
            let object = |p: &'static str| triples.iter().filter(move |q| q.predicate.as_str() == p).map(|q| &q.object);
            let Some(class) = object(vocab::RDF_TYPE).find_map(|o| match o {
                Term::NamedNode(n) if classes.contains(n.as_str()) => Some(n.clone()),
                _ => None,
            }) else {
                continue;
            };
            let literals = |p: &'static str| -> Vec<String> {
                object(p).filter_map(|o| if let Term::Literal(l) = o { Some(l.value().to_string()) } else { None }).collect()
            };
            let prefs = literals(vocab::SKOS_PREF_LABEL);
            let [pref] = prefs.as_slice() else {
                bail!("places: <{subject}> has {} skos:prefLabel values; give it exactly one", prefs.len());
            };
            let country = object(vocab::AG_COUNTRY).find_map(|o| if let Term::NamedNode(n) = o { Some(n.clone()) } else { None });
            let index = places.len();
            for label in std::iter::once(pref.clone()).chain(literals(vocab::SKOS_ALT_LABEL)) {
                let lower_ok = label.chars().next().is_some_and(char::is_lowercase);
                labels.push((fold(&label), lower_ok, index));
            }
            places.push(Place { iri: NamedNode::new_unchecked(subject), pref_label: pref.clone(), class, country });
        }
        let mut by_name: BTreeMap<String, (usize, bool)> = BTreeMap::new();
        for (name, lower_ok, place) in labels {
            if name.is_empty() {
                continue;
            }
            match by_name.get_mut(&name) {
                Some((other, _)) if *other != place => bail!(
                    "places: the label \"{name}\" names both <{}> and <{}>; a label may name one place only",
                    places[*other].iri.as_str(),
                    places[place].iri.as_str()
                ),
                Some((_, lower)) => *lower |= lower_ok,
                None => {
                    by_name.insert(name, (place, lower_ok));
                }
            }
        }
        let matcher = if by_name.is_empty() {
            None
        } else {
            Some(AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(by_name.keys())?)
        };
        Ok(Places { places, names: by_name.into_values().collect(), matcher })
    }

    /// The places named in `sentence` (of the document `doc`), leftmost
    /// longest, on token boundaries. A name spelt in lower case in the text
    /// ("tehran") is not taken unless the label itself starts in lower case.
    pub fn find(&self, sentence: &Sentence, doc: &str) -> Vec<PlaceMatch> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let text = &sentence.folded.text;
        let original = &doc[sentence.span.start..sentence.span.end];
        let mut out = Vec::new();
        for m in matcher.find_iter(text.as_str()) {
            let (s, e) = (m.start(), m.end());
            if !on_word_boundaries(text, s, e) {
                continue;
            }
            let (place, lower_ok) = self.names[m.pattern().as_usize()];
            let (os, _) = sentence.folded.original_range(s, e);
            if !lower_ok && !original[os..].chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let start = sentence.tokens.iter().position(|t| t.start == s);
            let end = sentence.tokens.iter().position(|t| t.end == e);
            if let (Some(start), Some(end)) = (start, end) {
                out.push(PlaceMatch { start, end: end + 1, place });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::Span;

    fn places() -> Places {
        crate::Ontology::builtin().unwrap().places
    }

    fn names(text: &str) -> Vec<String> {
        let p = places();
        let s = Sentence::new(text, Span { start: 0, end: text.len() });
        p.find(&s, text).into_iter().map(|m| p.places[m.place].pref_label.clone()).collect()
    }

    #[test]
    fn finds_names_and_descriptions() {
        assert_eq!(names("They met in Iran's Tehran."), ["Iran", "Tehran"]);
        assert_eq!(names("They met in Iran's capital on Sunday."), ["Tehran"]);
        assert_eq!(names("They met in the Iranian capital."), ["Tehran"]);
        assert_eq!(names("Fighting went on in the Panjshir Valley."), ["Panjshir Valley"]);
        assert!(names("the tehranian style").is_empty());
    }

    #[test]
    fn a_label_names_one_place() {
        let ttl = "@prefix ag: <https://w3id.org/actorgraph/ontology#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <x:a> a ag:City ; skos:prefLabel \"A\" ; skos:altLabel \"Same\" .
            <x:b> a ag:City ; skos:prefLabel \"B\" ; skos:altLabel \"same\" .
            ag:City <http://www.w3.org/2000/01/rdf-schema#subClassOf> ag:Place .";
        let quads: Vec<Quad> =
            oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle).for_slice(ttl.as_bytes()).map(|q| q.unwrap()).collect();
        let err = Places::from_quads(&quads).unwrap_err().to_string();
        assert!(err.contains("\"same\" names both <x:a> and <x:b>"), "{err}");
    }
}
