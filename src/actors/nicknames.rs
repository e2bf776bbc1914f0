//! Names an article gives an actor itself: "Mohamed Hamdan Dagalo, known as
//! Hemedti", "X, better known as Y", "X (aka Y)", "X, nicknamed Y". The name
//! after the cue (`known_as` in `patterns.toml`) is the actor's there and
//! wherever else the article writes it, so that "Hemedti said" later in the
//! article is the same person, not nobody and not a second actor.
//!
//! Runs after discovery, on every sentence's mentions, listed and
//! discovered alike.

use crate::actors::mentions::Sentence;
use crate::actors::resolve::{Mention, Via};
use crate::ontology::patterns::Patterns;

/// Adds a mention for each nickname an article declares, where it declares
/// it and wherever it writes the same words again with capitals. A nickname
/// given to two actors names neither.
///
/// ```
/// use actorgraph::{Extractor, Ontology};
/// let ontology = Ontology::builtin().unwrap();
/// let text = "Karim Sadat, known as Kaka, met Ismail Khan. Later Kaka met Ahmad Massoud.";
/// let ex = Extractor::new(&ontology).extract(text);
/// let met: Vec<[&str; 2]> = ex.facts.iter().filter(|f| f.predicate.local_name() == "metWith")
///     .map(|f| [f.subject, f.object].map(|e| ex.entity(&ontology.gazetteer, e).pref_label.as_str()))
///     .collect();
/// assert_eq!(met.len(), 2);
/// assert!(met.iter().all(|pair| pair.contains(&"Karim Sadat")));
/// ```
pub fn add_nicknames(sentences: &[Sentence], mentions: &mut [Vec<Mention>], p: &Patterns) {
    let mut given: Vec<(Vec<String>, usize)> = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let word = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
        let mut added = Vec::new();
        for m in mentions[si].iter().filter(|m| !m.adjectival && m.via != Via::Pronoun) {
            let mut k = m.end;
            if matches!(word(k), "," | "(") {
                k += 1;
            }
            let Some(n) = p.known_as.match_at(tokens, k) else { continue };
            let mut start = k + n;
            while matches!(word(start), "\"" | "'") {
                start += 1;
            }
            let mut end = start;
            while end < tokens.len()
                && end < start + 3
                && sentence.capitalized[end]
                && tokens[end].is_word()
                && !p.not_names.contains_word(word(end))
            {
                end += 1;
            }
            let covered = mentions[si].iter().any(|o| o.start < end && start < o.end);
            if end == start || covered {
                continue;
            }
            let words: Vec<String> = tokens[start..end].iter().map(|t| t.text.clone()).collect();
            given.push((words, m.entity));
            added.push(Mention { start, end, entity: m.entity, via: Via::Name, adjectival: false });
        }
        mentions[si].extend(added);
        mentions[si].sort_by_key(|m| (m.start, m.end));
    }
    given.sort();
    given.dedup();
    // A nickname of two actors names neither.
    let unique: Vec<&(Vec<String>, usize)> = given.iter().filter(|(w, e)| given.iter().all(|(w2, e2)| w2 != w || e2 == e)).collect();
    if unique.is_empty() {
        return;
    }
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let mut added = Vec::new();
        for i in 0..tokens.len() {
            for (words, entity) in &unique {
                let end = i + words.len();
                let matches = end <= tokens.len()
                    && (i..end).all(|k| sentence.capitalized[k])
                    && tokens[i..end].iter().zip(words.iter()).all(|(t, w)| t.text == *w)
                    // Not glued to a longer capitalized name.
                    && !(end < tokens.len() && sentence.capitalized[end] && tokens[end].is_word());
                let covered = mentions[si].iter().chain(&added).any(|o: &Mention| o.start < end && i < o.end);
                if matches && !covered {
                    added.push(Mention { start: i, end, entity: *entity, via: Via::Name, adjectival: false });
                }
            }
        }
        if !added.is_empty() {
            mentions[si].extend(added);
            mentions[si].sort_by_key(|m| (m.start, m.end));
        }
    }
}
