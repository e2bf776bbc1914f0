//! Resolving names to entities within one document.
//!
//! * A full name (prefLabel or altLabel) is its entity, except that a name
//!   which is also another entity's shared short label goes to that entity
//!   when one of its context cues is in the sentence ("Massoud ... was
//!   assassinated" is the father).
//! * A shared short label ("Khan") names the entity that the document
//!   introduces by a full name; with several, the one introduced last
//!   before it; with none, nothing. A listed person's surname is such a
//!   label when the gazetteer gives the person none ("Barzani" for
//!   "Nechirvan Barzani"), but names nobody where the document introduces
//!   several persons of that surname.
//! * A definite title learned in the document ("Taliban foreign minister
//!   Amir Khan Muttaqi" teaches "the Taliban foreign minister") names that
//!   person where the title is unique in the document. Titles do not count as
//!   mentions of the entity.

use crate::actors::mentions::{NameMatch, Sentence};
use crate::ontology::gazetteer::{Class, Gazetteer};
use crate::ontology::patterns::Patterns;
use crate::text::tokens::Token;
use std::collections::{BTreeSet, HashMap, HashSet};

/// How a mention was recognized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Via {
    /// A full name of the entity.
    Name,
    /// A shared short name resolved against the document.
    ShortName,
    /// A title that is unique in the document.
    Title,
    /// A generic noun ("the group", "the front") for an organization the
    /// document named shortly before.
    Generic,
    /// A pronoun ("we", "they", "his") resolved across sentences by the
    /// discourse rules; the least certain of all.
    Pronoun,
}

/// An entity mentioned in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub via: Via,
    /// "anti-Taliban": names the entity but does not make it a participant.
    pub adjectival: bool,
}

/// Resolves the name matches of every sentence of a document. Returns the
/// mentions of each sentence, and the entities the document names (titles
/// excluded).
pub fn resolve(
    sentences: &[Sentence],
    matches: &[Vec<NameMatch>],
    gazetteer: &Gazetteer,
    patterns: &Patterns,
) -> (Vec<Vec<Mention>>, BTreeSet<usize>) {
    // Where each entity is introduced by a full name: (sentence, entity).
    let mut introduced: Vec<(usize, usize)> = Vec::new();
    for (si, ms) in matches.iter().enumerate() {
        for m in ms {
            if let Some(e) = gazetteer.names[m.name].full {
                introduced.push((si, e));
            }
        }
    }
    let introduced_set: HashSet<usize> = introduced.iter().map(|x| x.1).collect();
    let mut out: Vec<Vec<Mention>> = Vec::with_capacity(sentences.len());
    for (si, (sentence, ms)) in sentences.iter().zip(matches).enumerate() {
        let mut resolved = Vec::new();
        for m in ms {
            let entry = &gazetteer.names[m.name];
            let cued: Vec<usize> = entry
                .short
                .iter()
                .copied()
                .filter(|&e| gazetteer.entities[e].cues.iter().any(|cue| contains_phrase(&sentence.folded.text, cue)))
                .collect();
            // "Massoud, the son of the late Ahmad Shah Massoud": when the cued
            // entity is named in full in the same sentence, the bare name is
            // the other one.
            let named_in_full = |e: usize| ms.iter().any(|o| o != m && gazetteer.names[o.name].full == Some(e));
            let (entity, via) = if cued.len() == 1 && Some(cued[0]) != entry.full && !named_in_full(cued[0]) {
                (Some(cued[0]), Via::ShortName)
            } else if let Some(e) = entry.full {
                (Some(e), Via::Name)
            } else {
                let known: Vec<usize> = entry.short.iter().copied().filter(|e| introduced_set.contains(e)).collect();
                let pick = match known.len() {
                    0 => None,
                    1 => Some(known[0]),
                    // A surname the gazetteer did not give shared by several
                    // persons the document names ("Barzani"): nobody.
                    _ if entry.derived => None,
                    _ => introduced.iter().rev().find(|(s, e)| *s <= si && known.contains(e)).map(|x| x.1),
                };
                (pick, Via::ShortName)
            };
            if let Some(entity) = entity {
                let adjectival = is_adjectival(&sentence.tokens, m.start, m.end, patterns);
                resolved.push(Mention { start: m.start, end: m.end, entity, via, adjectival });
            }
        }
        out.push(resolved);
    }
    let named = out.iter().flatten().map(|m| m.entity).collect();
    resolve_titles(sentences, &mut out, gazetteer, patterns);
    resolve_generic(sentences, &mut out, gazetteer);
    (out, named)
}

/// "anti-Taliban", "pro-Taliban", "Taliban-controlled", "Iran-backed".
fn is_adjectival(tokens: &[Token], start: usize, end: usize, patterns: &Patterns) -> bool {
    (start >= 2 && tokens[start - 1].text == "-" && patterns.adjectival_prefixes.contains_word(&tokens[start - 2].text))
        || (tokens.get(end).is_some_and(|t| t.text == "-") && patterns.adjectival_suffixes.match_at(tokens, end + 1).is_some())
}

/// Whether `phrase` occurs in `text` on word boundaries.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(phrase) {
        let s = from + i;
        if crate::text::fold::on_word_boundaries(text, s, s + phrase.len()) {
            return true;
        }
        from = s + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Learns "[ORG] title words NAME" and resolves later "the [ORG] title words".
fn resolve_titles(sentences: &[Sentence], mentions: &mut [Vec<Mention>], gazetteer: &Gazetteer, patterns: &Patterns) {
    let title_words = &patterns.title_words;
    // Title key (folded words, at least two) -> persons it was used for.
    let mut keys: HashMap<Vec<String>, HashSet<usize>> = HashMap::new();
    for (sentence, ms) in sentences.iter().zip(mentions.iter()) {
        for m in ms {
            if gazetteer.entities[m.entity].class != Class::Person || m.via != Via::Name {
                continue;
            }
            // Walk left over title words and at most one organization name.
            let mut words: Vec<String> = Vec::new();
            let mut i = m.start;
            while i > 0 {
                let t = &sentence.tokens[i - 1];
                if title_words.contains(t.text.as_str()) {
                    words.insert(0, t.text.clone());
                    i -= 1;
                    continue;
                }
                if let Some(org) = ms.iter().find(|o| o.end == i && gazetteer.entities[o.entity].class == Class::Organization) {
                    words.insert(0, format!("@{}", org.entity));
                }
                break;
            }
            if words.iter().filter(|w| !w.starts_with('@')).count() == 0 {
                continue;
            }
            // Every suffix of two or more elements is a key: "taliban foreign
            // minister", "foreign minister".
            for k in 0..words.len() {
                let key = words[k..].to_vec();
                if key.len() >= 2 {
                    keys.entry(key).or_default().insert(m.entity);
                }
            }
        }
    }
    if keys.is_empty() {
        return;
    }
    let max_len = keys.keys().map(Vec::len).max().unwrap_or(0);
    for (sentence, ms) in sentences.iter().zip(mentions.iter_mut()) {
        let tokens = &sentence.tokens;
        let mut added: Vec<Mention> = Vec::new();
        let mut removed: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if tokens[i].text != "the" {
                i += 1;
                continue;
            }
            // Build the element sequence after "the": org mentions become "@id".
            let mut elems: Vec<String> = Vec::new();
            let mut ends: Vec<usize> = Vec::new();
            let mut orgs: Vec<usize> = Vec::new();
            let mut j = i + 1;
            while j < tokens.len() && elems.len() < max_len {
                if let Some((mi, o)) = ms.iter().enumerate().find(|(_, o)| o.start == j) {
                    if gazetteer.entities[o.entity].class != Class::Organization || !elems.is_empty() {
                        break;
                    }
                    elems.push(format!("@{}", o.entity));
                    orgs.push(mi);
                    j = o.end;
                } else if title_words.contains(tokens[j].text.as_str()) {
                    elems.push(tokens[j].text.clone());
                    j += 1;
                } else {
                    break;
                }
                ends.push(j);
            }
            // Longest key first; the title must not be followed by a name.
            let mut hit = None;
            for n in (2..=elems.len()).rev() {
                let end = ends[n - 1];
                let followed_by_name =
                    end < tokens.len() && (sentence.capitalized[end] && tokens[end].is_word() || ms.iter().any(|o| o.start == end));
                if followed_by_name || tokens.get(end).is_some_and(|t| t.text == "of") {
                    continue;
                }
                if let Some(persons) = keys.get(&elems[..n]) {
                    if persons.len() == 1 {
                        hit = Some((end, *persons.iter().next().unwrap()));
                    }
                    break;
                }
            }
            if let Some((end, person)) = hit {
                removed.extend(orgs.iter().copied().filter(|&mi| ms[mi].end <= end));
                added.push(Mention { start: i + 1, end, entity: person, via: Via::Title, adjectival: false });
                i = end;
            } else {
                i += 1;
            }
        }
        if !added.is_empty() {
            let mut kept: Vec<Mention> = ms.iter().enumerate().filter(|(mi, _)| !removed.contains(mi)).map(|(_, m)| *m).collect();
            kept.extend(added);
            kept.sort_by_key(|m| m.start);
            *ms = kept;
        }
    }
}

/// How many sentences back a generic noun may look for its organization.
const GENERIC_WINDOW: usize = 3;

/// "the front", "the front's leader": the most recently named organization
/// that lists the noun among its `ag:genericName`s, within a few sentences,
/// or else the only such organization the article named before.
fn resolve_generic(sentences: &[Sentence], mentions: &mut [Vec<Mention>], gazetteer: &Gazetteer) {
    if gazetteer.generic_names.is_empty() {
        return;
    }
    for si in 0..sentences.len() {
        let tokens = &sentences[si].tokens;
        let mut added = Vec::new();
        for i in 0..tokens.len() {
            if tokens[i].text != "the" || mentions[si].iter().any(|m| m.start <= i && i < m.end) {
                continue;
            }
            // Longest generic phrase after "the", in lower case in the text.
            let Some((len, candidates)) = gazetteer
                .generic_names
                .iter()
                .filter(|(words, _)| i + 1 + words.len() <= tokens.len() && words.iter().zip(&tokens[i + 1..]).all(|(w, t)| *w == t.text))
                .max_by_key(|(words, _)| words.len())
                .map(|(words, c)| (words.len(), c))
            else {
                continue;
            };
            let (start, end) = (i + 1, i + 1 + len);
            if sentences[si].capitalized[start] || mentions[si].iter().any(|m| m.start == end) {
                continue;
            }
            // The most recent mention of a candidate before this point.
            let mut found = None;
            'back: for back in (si.saturating_sub(GENERIC_WINDOW)..=si).rev() {
                for m in mentions[back].iter().rev() {
                    if back == si && m.end > i {
                        continue;
                    }
                    if m.via != Via::Generic && candidates.contains(&m.entity) {
                        found = Some(m.entity);
                        break 'back;
                    }
                }
            }
            // Failing that, the one candidate the article named earlier.
            if found.is_none() {
                let earlier: BTreeSet<usize> = mentions[..si]
                    .iter()
                    .flatten()
                    .filter(|m| m.via != Via::Generic && candidates.contains(&m.entity))
                    .map(|m| m.entity)
                    .collect();
                if earlier.len() == 1 {
                    found = earlier.into_iter().next();
                }
            }
            if let Some(entity) = found {
                added.push(Mention { start, end, entity, via: Via::Generic, adjectival: false });
            }
        }
        if !added.is_empty() {
            mentions[si].extend(added);
            mentions[si].sort_by_key(|m| m.start);
        }
    }
}
