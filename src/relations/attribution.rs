//! Who a sentence says its content comes from: "according to X", "X said",
//! "X told Y", "sources said". The evidence of a fact records the source,
//! so that an analyst can weigh a claim by who makes it.

use crate::actors::mentions::Sentence;
use crate::actors::resolve::{Mention, Via};
use crate::ontology::patterns::Patterns;

/// The source a sentence attributes its content to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// An actor of the gazetteer (index).
    Actor(usize),
    /// An unnamed source, as the article words it: "sources", "local officials".
    Anonymous(String),
}

/// Verbs of saying beyond the patterns' list that take the audience as
/// object: "Muttaqi told Massoud ...".
const TELL: &[&str] = &["told", "tells", "informed", "assured"];

/// The source of a sentence, if it names one. `text` is the sentence's
/// original text, for the wording of an anonymous source.
///
/// A reporting clause after the content (", sources said.", "\" Mottaki
/// said") wins over a verb of saying inside it ("X told Y that ..."), since
/// it covers the whole sentence.
pub fn find(sentence: &Sentence, text: &str, mentions: &[Mention], p: &Patterns) -> Option<Source> {
    let tokens = &sentence.tokens;
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text.as_str());
    let named: Vec<&Mention> = mentions.iter().filter(|m| m.via != Via::Pronoun && !m.adjectival).collect();
    let covered = |i: usize| named.iter().any(|m| m.start <= i && i < m.end);
    let original = |a: usize, b: usize| {
        let (s, e) = sentence.folded.original_range(tokens[a].start, tokens[b - 1].end);
        text[s..e].to_string()
    };
    // "According to X, ...": X, when the phrase is X or X's spokesperson;
    // otherwise the phrase itself ("close confidants of Massoud").
    for i in 0..tokens.len() {
        let Some(n) = p.attribution.match_at(tokens, i) else { continue };
        let mut j = i + n;
        while matches!(word(j), "the" | "a" | "an") {
            j += 1;
        }
        let end =
            (j..tokens.len().min(j + 10)).find(|&k| matches!(word(k), "," | "." | ";" | ":" | "\"")).unwrap_or(tokens.len().min(j + 10));
        if end <= j {
            continue;
        }
        if let Some(m) = named.iter().find(|m| m.start == j) {
            let rest_is_title = (m.end..end).all(|k| p.title_words.contains(word(k)) || word(k) == "'s");
            if rest_is_title {
                return Some(Source::Actor(m.entity));
            }
        }
        // "According to the spokesperson of the NRF, Sebghatullah Ahmadi, ...":
        // the name in apposition is the source.
        if word(end) == "," {
            if let Some(m) = named.iter().find(|m| m.start == end + 1 && word(m.end) == ",") {
                return Some(Source::Actor(m.entity));
            }
        }
        return Some(Source::Anonymous(original(j, end)));
    }
    let mut first = None;
    for v in 0..tokens.len() {
        let say = p.say_verbs.match_at(tokens, v).is_some() || TELL.contains(&word(v));
        if !say || covered(v) {
            continue;
        }
        let reporting_clause = (v.saturating_sub(3)..v).any(|k| matches!(word(k), "," | "\""));
        let source = if let Some(m) = named.iter().find(|m| m.end == v || (m.end + 1 == v && word(m.end) == "also")) {
            Some(Source::Actor(m.entity))
        } else if let Some(m) = named.iter().find(|m| m.start == v + 1 && !TELL.contains(&word(v))) {
            // "..., said Mottaki"
            Some(Source::Actor(m.entity))
        } else if let Some(n) = p.anonymous_sources.match_before(tokens, v) {
            // "Taliban officials said": the organization's own people.
            let noun = v - n;
            if let Some(m) = named.iter().find(|m| m.end == noun) {
                Some(Source::Actor(m.entity))
            } else {
                let mut a = noun;
                while a > 0
                    && noun - a < 2
                    && tokens[a - 1].is_word()
                    && !covered(a - 1)
                    && !sentence.capitalized[a - 1]
                    && !matches!(word(a - 1), "and" | "but" | "or" | "the" | "a" | "as" | "some" | "many")
                {
                    a -= 1;
                }
                Some(Source::Anonymous(original(a, v)))
            }
        } else {
            None
        };
        if let Some(source) = source {
            if reporting_clause {
                return Some(source);
            }
            first.get_or_insert(source);
        }
    }
    first
}
