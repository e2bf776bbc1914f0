//! The gazetteer: entities and the names that refer to them, read from the
//! RDF of the ontology folder, and compiled into one Aho-Corasick automaton.

use crate::ontology::vocab;
use crate::text::fold::fold;
use aho_corasick::{AhoCorasick, MatchKind};
use anyhow::{bail, Result};
use oxigraph::model::{NamedNode, Quad, Term};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Whether an entity is a person or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Person,
    Organization,
}

/// One actor of the gazetteer.
#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: NamedNode,
    pub class: Class,
    pub pref_label: String,
    pub alt_labels: Vec<String>,
    pub short_labels: Vec<String>,
    /// Folded context cues.
    pub cues: Vec<String>,
    /// Generic nouns that may stand for it: "group", "front".
    pub generic_names: Vec<String>,
    /// Organizations the gazetteer says it belongs to (`ag:memberOf`), as
    /// indexes; they let a pronoun ("we", "their opponents") find its side.
    pub member_of: Vec<usize>,
}

/// What a folded name refers to.
#[derive(Debug, Clone, Default)]
pub struct NameEntry {
    /// The entity whose prefLabel or altLabel this is.
    pub full: Option<usize>,
    /// Entities that use this as a shared short label.
    pub short: Vec<usize>,
    /// All-capitals names match only in capitals.
    pub acronym: bool,
    /// Some label is written in lower case ("al-Qaeda"), so the text may be too.
    pub lower_ok: bool,
    /// A surname taken from a person's prefLabel, not given by the gazetteer:
    /// it names a person only where the document introduces exactly one
    /// person of that surname by a full name.
    pub derived: bool,
}

/// Entities plus a matcher over all their names.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    /// Generic nouns (folded words) and the organizations they may stand for.
    pub generic_names: Vec<(Vec<String>, Vec<usize>)>,
    pub names: Vec<NameEntry>,
    pub matcher: AhoCorasick,
    /// Every label's folded words, less name particles, with its entity:
    /// what discovery compares a new name with, computed once.
    pub label_words: Vec<(usize, Vec<String>)>,
}

impl Gazetteer {
    /// Builds the gazetteer from the triples of the ontology folder: every
    /// subject typed `ag:Person` or `ag:Organization` is an entity.
    pub fn from_quads(quads: &[Quad]) -> Result<Gazetteer> {
        Self::from_quads_with(quads, &[], &HashSet::new())
    }

    /// As [`Gazetteer::from_quads`], with two word lists of `patterns.toml`:
    /// `collectives`, so that a one-word plural organization name also
    /// matches as its singular before a collective noun (with "Houthis"
    /// listed, "the Houthi group" and "Houthi militias" are the Houthis; a
    /// name the gazetteer gives another entity is never taken), and the
    /// name `particles` ("al", "bin") that name comparisons leave out.
    pub fn from_quads_with(quads: &[Quad], collectives: &[String], particles: &HashSet<String>) -> Result<Gazetteer> {
        let mut by_subject: BTreeMap<String, Vec<&Quad>> = BTreeMap::new();
        for q in quads {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject {
                by_subject.entry(s.as_str().to_string()).or_default().push(q);
            }
        }
        let mut entities = Vec::new();
        for (subject, triples) in &by_subject {
            let class = triples.iter().find_map(|q| {
                if q.predicate.as_str() != vocab::RDF_TYPE {
                    return None;
                }
                match &q.object {
                    Term::NamedNode(n) if n.as_str() == vocab::AG_PERSON => Some(Class::Person),
                    Term::NamedNode(n) if n.as_str() == vocab::AG_ORGANIZATION => Some(Class::Organization),
                    _ => None,
                }
            });
            let Some(class) = class else { continue };
            let literals = |p: &str| -> Vec<String> {
                triples
                    .iter()
                    .filter(|q| q.predicate.as_str() == p)
                    .filter_map(|q| match &q.object {
                        Term::Literal(l) => Some(l.value().to_string()),
                        _ => None,
                    })
                    .collect()
            };
            let prefs = literals(vocab::SKOS_PREF_LABEL);
            let pref_label = match prefs.as_slice() {
                [one] => one.clone(),
                [] => bail!("gazetteer: <{subject}> has no skos:prefLabel"),
                _ => bail!("gazetteer: <{subject}> has {} skos:prefLabel values; give it exactly one", prefs.len()),
            };
            entities.push(Entity {
                iri: NamedNode::new(subject.clone())?,
                class,
                pref_label,
                alt_labels: literals(vocab::SKOS_ALT_LABEL),
                short_labels: literals(vocab::AG_SHORT_LABEL),
                cues: literals(vocab::AG_CONTEXT_CUE).iter().map(|c| fold(c)).collect(),
                generic_names: literals(vocab::AG_GENERIC_NAME),
                member_of: Vec::new(),
            });
        }
        let position: HashMap<&str, usize> = entities.iter().enumerate().map(|(i, e)| (e.iri.as_str(), i)).collect();
        let mut member_of = vec![Vec::new(); entities.len()];
        for (i, e) in entities.iter().enumerate() {
            for q in &by_subject[e.iri.as_str()] {
                if let (vocab::AG_MEMBER_OF, Term::NamedNode(o)) = (q.predicate.as_str(), &q.object) {
                    match position.get(o.as_str()) {
                        Some(&j) if entities[j].class == Class::Organization => member_of[i].push(j),
                        _ => {
                            bail!("gazetteer: <{}> ag:memberOf <{}>, which is no organization of the gazetteer", e.iri.as_str(), o.as_str())
                        }
                    }
                }
            }
        }
        for (e, m) in entities.iter_mut().zip(member_of) {
            e.member_of = m;
        }
        if entities.is_empty() {
            bail!("gazetteer: no entity found (an entity is a subject typed ag:Person or ag:Organization with a skos:prefLabel)");
        }
        Self::build(entities, collectives, particles)
    }

    /// Builds the gazetteer from entities, checking that no full name is
    /// claimed by two of them.
    pub fn from_entities(entities: Vec<Entity>) -> Result<Gazetteer> {
        Self::build(entities, &[], &HashSet::new())
    }

    fn build(entities: Vec<Entity>, collectives: &[String], particles: &HashSet<String>) -> Result<Gazetteer> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<NameEntry> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut slot = |folded: String, names: &mut Vec<NameEntry>, patterns: &mut Vec<String>| -> usize {
            *index.entry(folded.clone()).or_insert_with(|| {
                names.push(NameEntry::default());
                patterns.push(folded);
                names.len() - 1
            })
        };
        for (e, entity) in entities.iter().enumerate() {
            for label in std::iter::once(&entity.pref_label).chain(&entity.alt_labels) {
                let folded = fold(label);
                if folded.is_empty() {
                    continue;
                }
                let i = slot(folded, &mut names, &mut patterns);
                match names[i].full {
                    Some(other) if other != e => bail!(
                        "gazetteer: the name \"{label}\" is claimed by both <{}> and <{}>; keep it on one and use ag:shortLabel for a shared short name",
                        entities[other].iri.as_str(),
                        entity.iri.as_str()
                    ),
                    _ => names[i].full = Some(e),
                }
                if is_acronym(label) {
                    names[i].acronym = true;
                }
                if label.chars().next().is_some_and(char::is_lowercase) {
                    names[i].lower_ok = true;
                }
            }
            for label in &entity.short_labels {
                let folded = fold(label);
                if folded.is_empty() {
                    continue;
                }
                let i = slot(folded, &mut names, &mut patterns);
                if !names[i].short.contains(&e) {
                    names[i].short.push(e);
                }
            }
        }
        // "Barzani" for "Nechirvan Barzani": a listed person's surname, for
        // a plain gazetteer that gives no ag:shortLabel. Only for persons
        // with no short label of their own, and never over a listed name.
        for (e, entity) in entities.iter().enumerate().filter(|(_, x)| x.class == Class::Person && x.short_labels.is_empty()) {
            let words = name_words(&entity.pref_label);
            let Some(last) = words.last().filter(|w| words.len() >= 2 && w.chars().count() >= 4 && !particles.contains(*w)) else {
                continue;
            };
            let i = match index.get(last) {
                Some(&i) if names[i].full.is_some() || !names[i].derived => continue,
                Some(&i) => i,
                None => {
                    index.insert(last.clone(), names.len());
                    names.push(NameEntry::default());
                    patterns.push(last.clone());
                    names.len() - 1
                }
            };
            names[i].derived = true;
            if !names[i].short.contains(&e) {
                names[i].short.push(e);
            }
        }
        // "Houthi militias" for "Houthis", "Tamil Tiger rebels" for "Tamil
        // Tigers": derived names, after every listed one so that none
        // displaces a name the gazetteer gives. Every word of a longer name
        // is capitalized (a name, not "Afghan forces").
        for (e, entity) in entities.iter().enumerate().filter(|(_, x)| x.class == Class::Organization) {
            for label in std::iter::once(&entity.pref_label).chain(&entity.alt_labels) {
                let Some(stem) = label.strip_suffix('s') else { continue };
                let last = stem.rsplit(' ').next().unwrap_or(stem);
                let proper = label.split(' ').all(|w| w.starts_with(char::is_uppercase));
                if !proper || last.ends_with('s') || last.chars().count() < 4 {
                    continue;
                }
                for noun in collectives {
                    let folded = fold(&format!("{stem} {noun}"));
                    if index.contains_key(&folded) {
                        continue;
                    }
                    index.insert(folded.clone(), names.len());
                    names.push(NameEntry { full: Some(e), ..NameEntry::default() });
                    patterns.push(folded);
                }
            }
        }
        let matcher = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns)?;
        let mut generic: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
        for (e, entity) in entities.iter().enumerate() {
            for g in &entity.generic_names {
                let words = crate::text::tokens::Phrase::new(g).0;
                if !words.is_empty() {
                    generic.entry(words).or_default().push(e);
                }
            }
        }
        let generic_names = generic.into_iter().collect();
        let label_words = entities
            .iter()
            .enumerate()
            .flat_map(|(e, entity)| std::iter::once(&entity.pref_label).chain(&entity.alt_labels).map(move |l| (e, l)))
            .map(|(e, label)| (e, key_words(label, particles)))
            .collect();
        Ok(Gazetteer { entities, generic_names, names, matcher, label_words })
    }
}

/// The words of a name, folded: what spelling variants are compared on.
pub fn name_words(label: &str) -> Vec<String> {
    fold(label).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// A name's words less `particles` ("al", "bin"), unless nothing else is
/// left: "Mohamed al-Menfi" is compared as "mohamed menfi".
pub fn key_words(label: &str, particles: &HashSet<String>) -> Vec<String> {
    let words = name_words(label);
    let kept: Vec<String> = words.iter().filter(|w| !particles.contains(*w)).cloned().collect();
    if kept.is_empty() {
        words
    } else {
        kept
    }
}

/// "NRF", "ISIS-K": two or more letters, all capitals.
fn is_acronym(label: &str) -> bool {
    let letters: Vec<char> = label.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(local: &str, class: Class, pref: &str, alt: &[&str]) -> Entity {
        Entity {
            iri: NamedNode::new_unchecked(format!("https://w3id.org/actorgraph/id/{local}")),
            class,
            pref_label: pref.to_string(),
            alt_labels: alt.iter().map(|s| s.to_string()).collect(),
            short_labels: Vec::new(),
            cues: Vec::new(),
            generic_names: Vec::new(),
            member_of: Vec::new(),
        }
    }

    fn owner(g: &Gazetteer, name: &str) -> Option<usize> {
        let i = g
            .names
            .iter()
            .zip(0..)
            .find(|(_, i)| g.matcher.find(&fold(name)).is_some_and(|m| m.pattern().as_usize() == *i && m.len() == fold(name).len()))?
            .1;
        g.names[i].full
    }

    #[test]
    fn a_plural_organization_matches_as_its_singular_before_a_collective_noun() {
        let entities = vec![
            entity("rebels", Class::Organization, "Houthis", &[]),
            entity("movement", Class::Organization, "Houthi Movement Council", &["Houthi movement"]),
            entity("person", Class::Person, "Ali Hassan", &["Hassans"]),
        ];
        let g = Gazetteer::build(entities, &["group".to_string(), "movement".to_string()], &HashSet::new()).unwrap();
        assert_eq!(owner(&g, "Houthi group"), Some(0));
        // A name the gazetteer gives another actor stays that actor's.
        assert_eq!(owner(&g, "Houthi movement"), Some(1));
        // Only organizations: a person's label gives nothing.
        assert_eq!(owner(&g, "Hassan group"), None);
    }

    #[test]
    fn a_plural_name_of_several_words_matches_as_its_singular_too() {
        let entities = vec![
            entity("tigers", Class::Organization, "Northern Tigers", &[]),
            entity("forces", Class::Organization, "the Afghan forces", &[]),
        ];
        let g = Gazetteer::build(entities, &["rebels".to_string()], &HashSet::new()).unwrap();
        assert_eq!(owner(&g, "Northern Tiger rebels"), Some(0));
        // A label with a lower-case word is a description, not a name.
        assert_eq!(owner(&g, "the Afghan force rebels"), None);
    }
}
