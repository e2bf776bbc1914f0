//! Finding gazetteer names in a sentence: leftmost-longest, on word
//! boundaries, on folded text (case, accents, curly apostrophes).

use crate::ontology::gazetteer::Gazetteer;
use crate::text::fold::on_word_boundaries;
pub use crate::text::sentences::Sentence;

/// A name found in a sentence, not yet resolved to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameMatch {
    /// Token range in the sentence.
    pub start: usize,
    pub end: usize,
    /// Index into `Gazetteer::names`.
    pub name: usize,
}

/// Finds the names of the gazetteer in `sentence`.
pub fn find(sentence: &Sentence, doc: &str, gazetteer: &Gazetteer) -> Vec<NameMatch> {
    let text = &sentence.folded.text;
    let original = &doc[sentence.span.start..sentence.span.end];
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for m in gazetteer.matcher.find_overlapping_iter(text.as_str()) {
        let (s, e) = (m.start(), m.end());
        if !on_word_boundaries(text, s, e) {
            continue;
        }
        let entry = &gazetteer.names[m.pattern().as_usize()];
        let (os, oe) = sentence.folded.original_range(s, e);
        let surface = &original[os..oe];
        // Names are capitalised in English; "a united front" is no name.
        let first = surface.chars().find(|c| c.is_alphabetic());
        if first.is_some_and(|c| !c.is_uppercase()) && !entry.lower_ok {
            continue;
        }
        if entry.acronym && surface.chars().any(|c| c.is_lowercase()) {
            continue;
        }
        candidates.push((s, e, m.pattern().as_usize()));
    }
    // Leftmost-longest among the names that passed the checks.
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = Vec::new();
    let mut taken_until = 0;
    for (s, e, name) in candidates {
        if s < taken_until {
            continue;
        }
        taken_until = e;
        let start = sentence.tokens.iter().position(|t| t.start >= s);
        let end = sentence.tokens.iter().rposition(|t| t.end <= e).map(|i| i + 1);
        if let (Some(start), Some(end)) = (start, end) {
            if start < end {
                out.push(NameMatch { start, end, name });
            }
        }
    }
    out
}

/// Whether a gazetteer name runs across the end of `left` into `right`
/// ("the National" + "Resistance Front"): a line break inside a name.
pub fn name_crosses(gazetteer: &Gazetteer, left: &str, right: &str) -> bool {
    let tail: String = left.chars().rev().take(60).collect::<Vec<_>>().into_iter().rev().collect();
    let head: String = right.chars().take(60).collect();
    let l = crate::text::fold::fold(&tail);
    let joint = format!("{l} {}", crate::text::fold::fold(&head));
    let cut = l.len();
    gazetteer
        .matcher
        .find_overlapping_iter(joint.as_str())
        .any(|m| m.start() < cut && m.end() > cut + 1 && on_word_boundaries(&joint, m.start(), m.end()))
}
