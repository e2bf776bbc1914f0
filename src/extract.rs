//! The extraction pipeline for one document: sentences, mentions, entities,
//! relations. No store is involved, so this is also the stateless mapper.

use crate::mentions::{self, Sentence};
use crate::ontology::Ontology;
use crate::relations::{self, Predicate};
use crate::resolve;
use crate::sentences::{self, Span};
use std::collections::{BTreeMap, BTreeSet};

/// A relation in one document with the sentences that state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub subject: usize,
    pub predicate: Predicate,
    pub object: usize,
    /// Indexes into `Extraction::sentences`, ascending.
    pub evidence: Vec<usize>,
    /// Rules that found it, sorted.
    pub rules: Vec<&'static str>,
    pub confidence: f64,
    /// True when every sentence needed a title or short name resolved.
    pub inferred: bool,
}

/// What one document yields.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub sentences: Vec<Span>,
    /// Entities named in the document (gazetteer indexes), titles excluded.
    pub mentioned: BTreeSet<usize>,
    /// Facts sorted by (predicate, subject IRI, object IRI).
    pub facts: Vec<Fact>,
}

/// Runs the pipeline with one ontology.
///
/// ```
/// let ontology = actorgraph::Ontology::builtin().unwrap();
/// let extractor = actorgraph::Extractor::new(&ontology);
/// let ex = extractor.extract("Ismail Khan and Ahmad Massoud met in Tehran on Monday.");
/// assert_eq!(ex.facts.len(), 1);
/// assert_eq!(ex.facts[0].predicate.local_name(), "metWith");
/// ```
pub struct Extractor<'a> {
    ontology: &'a Ontology,
}

impl<'a> Extractor<'a> {
    pub fn new(ontology: &'a Ontology) -> Extractor<'a> {
        Extractor { ontology }
    }

    pub fn ontology(&self) -> &Ontology {
        self.ontology
    }

    pub fn extract(&self, text: &str) -> Extraction {
        let gaz = &self.ontology.gazetteer;
        let pats = &self.ontology.patterns;
        let mut spans = sentences::split(text, pats);
        // A line break inside a name is not a sentence break.
        let mut k = 0;
        while k + 1 < spans.len() {
            let between = &text[spans[k].end..spans[k + 1].start];
            if between.matches('\n').count() == 1
                && between.trim().is_empty()
                && mentions::name_crosses(gaz, &text[spans[k].start..spans[k].end], &text[spans[k + 1].start..spans[k + 1].end])
            {
                spans[k].end = spans[k + 1].end;
                spans.remove(k + 1);
            } else {
                k += 1;
            }
        }
        let sents: Vec<Sentence> = spans.iter().map(|&s| Sentence::new(text, s)).collect();
        let matches: Vec<_> = sents.iter().map(|s| mentions::find(s, text, gaz)).collect();
        let (resolved, mentioned) = resolve::resolve(&sents, &matches, gaz, pats);
        let mut by_key: BTreeMap<(Predicate, String, String), Fact> = BTreeMap::new();
        for (si, (sentence, ms)) in sents.iter().zip(&resolved).enumerate() {
            // Every relation joins two different actors.
            if ms.iter().all(|m| m.entity == ms[0].entity) {
                continue;
            }
            for f in relations::extract(sentence, ms, gaz, pats) {
                let (mut s, mut o) = (f.subject, f.object);
                // metWith is symmetric: one triple, subject first by IRI.
                if f.predicate == Predicate::MetWith && gaz.entities[s].iri.as_str() > gaz.entities[o].iri.as_str() {
                    std::mem::swap(&mut s, &mut o);
                }
                let key = (f.predicate, gaz.entities[s].iri.as_str().to_string(), gaz.entities[o].iri.as_str().to_string());
                let fact = by_key.entry(key).or_insert_with(|| Fact {
                    subject: s,
                    predicate: f.predicate,
                    object: o,
                    evidence: Vec::new(),
                    rules: Vec::new(),
                    confidence: 0.0,
                    inferred: true,
                });
                if !fact.evidence.contains(&si) {
                    fact.evidence.push(si);
                }
                if !fact.rules.contains(&f.rule) {
                    fact.rules.push(f.rule);
                    fact.rules.sort_unstable();
                }
                fact.confidence = fact.confidence.max(f.confidence);
                fact.inferred &= f.inferred;
            }
        }
        Extraction { sentences: spans, mentioned, facts: by_key.into_values().collect() }
    }
}
