//! The extraction pipeline for one document: sentences, mentions, entities,
//! relations. No store is involved, so this is also the stateless mapper.

use crate::actors::discover::{self, Actors};
use crate::actors::mentions::{self, Sentence};
use crate::actors::nicknames;
use crate::actors::resolve;
use crate::ontology::gazetteer::{Entity, Gazetteer};
use crate::ontology::Ontology;
use crate::relations::attribution::{self, Source};
use crate::relations::discourse::Discourse;
use crate::relations::{self, Predicate};
use crate::text::sentences::{self, Span};
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

/// A role that the document gives a person, with the sentences that say so.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleFact {
    pub person: usize,
    pub org: Option<usize>,
    /// The role's words as the article writes them.
    pub role: String,
    /// A former role: recorded, but no membership now.
    pub past: bool,
    pub evidence: Vec<usize>,
    pub confidence: f64,
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
    /// Roles sorted by (person IRI, role).
    pub roles: Vec<RoleFact>,
    /// The source each evidence sentence attributes its content to.
    pub attributions: BTreeMap<usize, Source>,
    /// The sentences folded and tokenized, as the rules saw them (same
    /// indexes as `sentences`), so that later stages need not do it again.
    pub prepared: Vec<Sentence>,
    /// Actors the document introduced that the gazetteer does not list;
    /// entity index `gazetteer.entities.len() + i` is `discovered[i]`.
    pub discovered: Vec<Entity>,
}

impl Extraction {
    /// The entity of an index, listed or discovered.
    ///
    /// ```
    /// let ontology = actorgraph::Ontology::builtin().unwrap();
    /// let ex = actorgraph::Extractor::new(&ontology).extract("Taliban spokesman Qari Yusuf Ahmadi met Ismail Khan in Herat.");
    /// let met = ex.facts.iter().find(|f| f.predicate.local_name() == "metWith").unwrap();
    /// let names = [met.subject, met.object].map(|e| ex.entity(&ontology.gazetteer, e).pref_label.as_str());
    /// assert_eq!(names, ["Yusuf Ahmadi", "Ismail Khan"]);
    /// assert!(ex.discovered.iter().any(|e| e.pref_label == "Yusuf Ahmadi"));
    /// ```
    pub fn entity<'a>(&'a self, gazetteer: &'a Gazetteer, e: usize) -> &'a Entity {
        Actors { gazetteer, discovered: &self.discovered }.get(e)
    }
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
        let (mut resolved, mut mentioned) = resolve::resolve(&sents, &matches, gaz, pats);
        // What the document's own spelling says about its words, read once.
        let words = discover::DocumentWords::new(&sents);
        discover::stretch_listed_names(&sents, &words, text, &mut resolved, gaz, pats);
        // A surname that turned out to be another person's is no mention.
        mentioned.retain(|e| resolved.iter().flatten().any(|m| m.entity == *e && m.via != resolve::Via::Title));
        let discovered = discover::discover(&sents, &words, text, &resolved, gaz, pats);
        for (ms, extra) in resolved.iter_mut().zip(discovered.mentions) {
            if !extra.is_empty() {
                // "the African Union Commission": the body's name holds the
                // listed organization's, which is then no mention of its own.
                ms.retain(|m| !extra.iter().any(|x| x.start <= m.start && m.end <= x.end && (x.start, x.end) != (m.start, m.end)));
                mentioned.extend(extra.iter().map(|m| m.entity));
                ms.extend(extra);
                ms.sort_by_key(|m| (m.start, m.end));
            }
        }
        // "X, known as Y": Y is X here and wherever the article writes it.
        nicknames::add_nicknames(&sents, &mut resolved, pats);
        let actors = Actors { gazetteer: gaz, discovered: &discovered.entities };
        let gaz = &actors;
        let mut facts = Facts::default();
        let mut roles: BTreeMap<(String, String, String), RoleFact> = BTreeMap::new();
        let mut doc = Discourse::new();
        let mut rejected_talks: Vec<(usize, bool, usize)> = Vec::new();
        for (si, (sentence, ms)) in sents.iter().zip(&resolved).enumerate() {
            // Every relation joins two different actors; one actor may still get a role.
            let several = |ms: &[resolve::Mention]| ms.iter().any(|m| m.entity != ms[0].entity);
            // "... between the Taliban and their opponents" names one actor
            // and points back at the meeting just reported.
            // "The Taliban did not accept these demands": the other side is
            // a proposal an earlier sentence attributed.
            // "Taliban reject Kabul talks" names one actor; the other side
            // may come from the rest of the article.
            let refers_back = doc.last_meeting().is_some() || doc.knows_proposals() || pats.reject_verbs.occurs_in(&sentence.tokens);
            let mut out = relations::extract(sentence, ms, gaz, pats, &doc, several(ms) || refers_back);
            doc.learn_roles(&out);
            let pronouns = doc.pronoun_mentions(sentence, ms, gaz, pats);
            if !pronouns.is_empty() {
                let mut all = ms.clone();
                all.extend(pronouns);
                all.sort_by_key(|m| (m.start, m.end));
                out = relations::extract(sentence, &all, gaz, pats, &doc, several(&all) || refers_back);
            }
            doc.learn(sentence, ms, &out, pats);
            for f in &out.found {
                let evidence: Vec<usize> = std::iter::once(si).chain(f.context).collect();
                facts.add(gaz, f.subject, f.predicate, f.object, &evidence, f.rule, f.confidence, f.inferred);
                // A leader is a member too.
                if f.predicate == Predicate::Leads {
                    facts.add(gaz, f.subject, Predicate::MemberOf, f.object, &evidence, "member-as-leader", f.confidence, f.inferred);
                }
            }
            for r in &out.roles {
                let (a, b) = (sentence.tokens[r.words.0].start, sentence.tokens[r.words.1 - 1].end);
                let (a, b) = sentence.folded.original_range(a, b);
                let role = text[sentence.span.start + a..sentence.span.start + b].to_string();
                let org_iri = r.org.map_or(String::new(), |o| gaz.get(o).iri.as_str().to_string());
                let key = (gaz.get(r.person).iri.as_str().to_string(), role.to_lowercase(), org_iri);
                let entry = roles.entry(key).or_insert_with(|| RoleFact {
                    person: r.person,
                    org: r.org,
                    role,
                    past: r.past,
                    evidence: Vec::new(),
                    confidence: 0.0,
                    inferred: true,
                });
                if !entry.evidence.contains(&si) {
                    entry.evidence.push(si);
                }
                entry.confidence = entry.confidence.max(r.confidence);
                entry.inferred &= r.inferred;
                if let (Some(org), false) = (r.org, r.past) {
                    facts.add(gaz, r.person, Predicate::MemberOf, org, &[si], r.rule, r.confidence, r.inferred);
                }
            }
            rejected_talks.extend(out.rejected_talks.iter().map(|&(e, resolved)| (e, resolved, si)));
        }
        // "The Taliban rejects Panjshir talks": the other side is whoever
        // the document says the rejecting actor held talks with.
        for (subject, resolved, si) in rejected_talks {
            let partners: Vec<(usize, usize)> = facts
                .by_key
                .values()
                .filter(|f| f.predicate == Predicate::MetWith && (f.subject == subject || f.object == subject))
                .map(|f| (if f.subject == subject { f.object } else { f.subject }, f.evidence[0]))
                .filter(|&(o, _)| !doc.same_side(o, subject, gaz))
                .collect();
            for (other, meeting) in partners {
                let evidence = [si, meeting];
                facts.add(
                    gaz,
                    subject,
                    Predicate::Rejected,
                    other,
                    &evidence,
                    "reject-talks-counterpart",
                    0.6 - if resolved { 0.1 } else { 0.0 },
                    true,
                );
            }
        }
        let mut facts: Vec<Fact> = facts.by_key.into_values().collect();
        for f in &mut facts {
            f.evidence.sort_unstable();
        }
        let roles: Vec<RoleFact> = roles.into_values().collect();
        // Each evidence sentence once, whether or not it names a source.
        let evidence: BTreeSet<usize> =
            facts.iter().flat_map(|f| f.evidence.iter().copied()).chain(roles.iter().flat_map(|r| r.evidence.iter().copied())).collect();
        let attributions: BTreeMap<usize, Source> = evidence
            .into_iter()
            .filter_map(|si| {
                let s = &sents[si];
                attribution::find(s, &text[s.span.start..s.span.end], &resolved[si], pats).map(|source| (si, source))
            })
            .collect();
        Extraction { sentences: spans, mentioned, facts, roles, attributions, prepared: sents, discovered: discovered.entities }
    }
}

/// Facts of a document keyed by (predicate, subject IRI, object IRI), so
/// that a fact stated several times is one fact with all its evidence.
#[derive(Default)]
struct Facts {
    by_key: BTreeMap<(Predicate, String, String), Fact>,
}

impl Facts {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        gaz: &Actors,
        mut s: usize,
        predicate: Predicate,
        mut o: usize,
        evidence: &[usize],
        rule: &'static str,
        confidence: f64,
        inferred: bool,
    ) {
        if s == o {
            return;
        }
        // metWith is symmetric: one triple, subject first by IRI.
        if predicate == Predicate::MetWith && gaz.get(s).iri.as_str() > gaz.get(o).iri.as_str() {
            std::mem::swap(&mut s, &mut o);
        }
        let key = (predicate, gaz.get(s).iri.as_str().to_string(), gaz.get(o).iri.as_str().to_string());
        let fact = self.by_key.entry(key).or_insert_with(|| Fact {
            subject: s,
            predicate,
            object: o,
            evidence: Vec::new(),
            rules: Vec::new(),
            confidence: 0.0,
            inferred: true,
        });
        for &si in evidence {
            if !fact.evidence.contains(&si) {
                fact.evidence.push(si);
            }
        }
        if !fact.rules.contains(&rule) {
            fact.rules.push(rule);
            fact.rules.sort_unstable();
        }
        fact.confidence = fact.confidence.max(confidence);
        fact.inferred &= inferred;
    }
}
