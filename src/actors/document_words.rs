//! What a document's own spelling says about its words: which it writes in
//! lower case somewhere, which only with a capital inside sentences (names),
//! which right after a preposition of place; and which sentences are
//! headlines in title case, where capitals say nothing. Read once per
//! document, used by discovery and by stretching listed names.

use crate::actors::mentions::Sentence;
use crate::text::tokens::Token;
use std::collections::HashSet;

/// A headline in title case capitalizes nearly every word; a sentence that
/// ends with a period is not one, however many names it holds ("Qatari
/// Prime Minister X met Y.").
pub(crate) fn is_title_case(s: &Sentence) -> bool {
    // Title case leaves short function words in lower case: "EU Leader
    // Holds Separate Talks with A and B".
    let small = |t: &Token| {
        matches!(
            t.text.as_str(),
            "of" | "with" | "and" | "the" | "a" | "an" | "in" | "on" | "to" | "for" | "at" | "by" | "from" | "as" | "or"
        )
    };
    let counted = |(t, _): &(&Token, &bool)| t.is_word() && !small(t);
    let words = s.tokens.iter().zip(&s.capitalized).filter(counted).count();
    let caps = s.tokens.iter().zip(&s.capitalized).filter(counted).filter(|(_, c)| **c).count();
    words >= 4 && caps * 10 > words * 8 && s.tokens.last().is_none_or(|t| !matches!(t.text.as_str(), "." | ":"))
}

/// What a document's own spelling says about its words, gathered in one
/// pass over its tokens.
pub struct DocumentWords<'d> {
    /// Words it writes in lower case somewhere.
    pub(crate) lower: HashSet<&'d str>,
    /// Words it writes with a capital inside a sentence (not first, not in a
    /// title-case headline) and never in lower case: names, not common nouns.
    pub(crate) proper: HashSet<&'d str>,
    /// Capitalized words right after a preposition of place ("in Libya",
    /// "across Gaza"): places, whatever else they name.
    pub(crate) places: HashSet<&'d str>,
    /// The initials of places of two words or more ("ni" of "in Northern
    /// Ireland"): an acronym that spells one is a place's, not an
    /// organization's ("the NI Secretary of State").
    pub(crate) place_initials: HashSet<String>,
}

impl<'d> DocumentWords<'d> {
    pub fn new(sentences: &'d [Sentence]) -> DocumentWords<'d> {
        let mut words =
            DocumentWords { lower: HashSet::new(), proper: HashSet::new(), places: HashSet::new(), place_initials: HashSet::new() };
        for s in sentences {
            let headline = is_title_case(s);
            for (i, (t, &c)) in s.tokens.iter().zip(&s.capitalized).enumerate() {
                if !t.is_word() {
                    continue;
                }
                let before = if i > 0 { s.tokens[i - 1].text.as_str() } else { "" };
                if !c {
                    words.lower.insert(&t.text);
                    continue;
                }
                if i > 0 && !headline && !matches!(before, "\"" | "'" | ":" | "(") {
                    words.proper.insert(&t.text);
                }
                if matches!(before, "in" | "across" | "throughout" | "inside" | "into" | "near") {
                    words.places.insert(&t.text);
                    let run = s.tokens[i..].iter().zip(&s.capitalized[i..]).take_while(|(t, &c)| c && t.is_word()).take(4).count();
                    if run >= 2 {
                        words.place_initials.insert(s.tokens[i..i + run].iter().filter_map(|t| t.text.chars().next()).collect());
                    }
                }
            }
        }
        let lower = &words.lower;
        words.proper.retain(|w| !lower.contains(w));
        words
    }
}
