//! Sentence splitting with byte offsets into the document.
//!
//! News text arrives as headlines, paragraphs, hard-wrapped lines and page
//! furniture. The splitter works line by line: boilerplate lines (see
//! `[boilerplate]` in patterns.toml) are dropped, a blank line always ends a
//! sentence, a single line break ends one only after final punctuation or
//! after a headline-like line, and inside a line a sentence ends at `.`, `!`
//! or `?` followed by a capitalised word, unless the period closes an
//! abbreviation or an initial.

use crate::text::fold::Folded;
use crate::text::tokens::{tokenize, Token};

/// What the splitter needs to know of how a source writes: which lines are
/// page furniture and which words take a period without ending a sentence.
/// `ontology::patterns::Patterns` answers from `patterns.toml`; the splitter
/// itself holds no word list.
pub trait SplitRules {
    /// Whether a whole line is boilerplate ("Share this article").
    fn is_boilerplate(&self, line: &str) -> bool;
    /// Whether a folded word is an abbreviation ("gen", "mr").
    fn is_abbreviation(&self, folded_word: &str) -> bool;
}

/// A sentence: a byte range of the document text, trimmed of whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A sentence prepared for matching: its folded text and tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte range in the document.
    pub span: Span,
    pub folded: Folded,
    pub tokens: Vec<Token>,
    /// Whether each token starts with a capital letter in the original.
    pub capitalized: Vec<bool>,
}

impl Sentence {
    pub fn new(doc: &str, span: Span) -> Sentence {
        let original = &doc[span.start..span.end];
        let folded = Folded::new(original);
        let tokens = tokenize(&folded.text);
        let capitalized = tokens
            .iter()
            .map(|t| {
                let (s, e) = folded.original_range(t.start, t.end);
                original[s..e].chars().next().is_some_and(char::is_uppercase)
            })
            .collect();
        Sentence { span, folded, tokens, capitalized }
    }
}

/// Splits `text` into sentences.
pub fn split(text: &str, patterns: &impl SplitRules) -> Vec<Span> {
    let mut out = Vec::new();
    // Current run of joined lines: (start, end) of the text it covers.
    let mut run: Option<(usize, usize)> = None;
    let mut seen_content = false;
    // Whether the last line of the run is the document's first line.
    let mut run_ends_first_line = false;
    let mut offset = 0;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let content = line.trim();
        if content.is_empty() || patterns.is_boilerplate(line) {
            if let Some((s, e)) = run.take() {
                split_run(text, s, e, patterns, &mut out);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let (ls, le) = (line_start + lead, line_start + lead + content.len());
        // A line that starts in lower case, or follows a comma, continues.
        let continues = content.chars().next().is_some_and(char::is_lowercase);
        // A list item ("- Massoud rejects ...", "2. ...") starts afresh.
        let item = content.starts_with(['-', '*', '\u{2022}', '\u{2013}', '\u{2014}'])
            || content.split_once(['.', ')']).is_some_and(|(n, _)| !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()));
        run = Some(match run {
            Some((s, e)) if !item && (continues || text[s..e].ends_with(',') || !ends_line_sentence(&text[s..e], run_ends_first_line)) => {
                (s, le)
            }
            Some((s, e)) => {
                split_run(text, s, e, patterns, &mut out);
                (ls, le)
            }
            None => (ls, le),
        });
        run_ends_first_line = !seen_content;
        seen_content = true;
    }
    if let Some((s, e)) = run {
        split_run(text, s, e, patterns, &mut out);
    }
    out
}

/// Whether a line break after `line` ends the sentence.
fn ends_line_sentence(run: &str, first_line: bool) -> bool {
    let last_line = run.rsplit('\n').next().unwrap_or(run).trim();
    let trimmed = last_line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']']);
    if trimmed.ends_with(['.', '!', '?', ':', '\u{2026}']) {
        return true;
    }
    if first_line {
        return true;
    }
    // A headline or a label: short, and every long word capitalised.
    let words: Vec<&str> = last_line.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3).collect();
    !long.is_empty() && words.len() <= 14 && long.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase))
}

/// Splits a run of joined lines at sentence-final punctuation.
fn split_run(text: &str, start: usize, end: usize, patterns: &impl SplitRules, out: &mut Vec<Span>) {
    let run = &text[start..end];
    let char_at = |i: usize| run[i..].chars().next();
    let mut sent_start = 0;
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if !matches!(c, '.' | '!' | '?' | '\u{2026}') {
            i += c.len_utf8();
            continue;
        }
        // Swallow repeated punctuation and closing quotes or brackets.
        let mut j = i + c.len_utf8();
        while let Some(d) = char_at(j).filter(|d| matches!(d, '.' | '!' | '?' | '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']')) {
            j += d.len_utf8();
        }
        let mut n = j;
        while let Some(w) = char_at(n).filter(|w| w.is_whitespace()) {
            n += w.len_utf8();
        }
        let starts_sentence = n > j
            && char_at(n)
                .is_some_and(|ch| ch.is_uppercase() || ch.is_numeric() || matches!(ch, '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '['));
        if starts_sentence && !(c == '.' && is_abbreviation(&run[..i], patterns)) {
            push(start + sent_start, start + j, text, out);
            sent_start = n;
            i = n;
        } else {
            i = j;
        }
    }
    push(start + sent_start, end, text, out);
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str, patterns: &impl SplitRules) -> bool {
    let word: String =
        before.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '.').collect::<Vec<_>>().into_iter().rev().collect();
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "A." in "Ahmad A. Massoud", or dotted initials: "U.S.", "H.E.".
    if letters == 1 && word.chars().all(|c| c.is_uppercase() || c == '.') {
        return true;
    }
    if word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase)) {
        return true;
    }
    let folded = crate::text::fold::fold(&word);
    patterns.is_abbreviation(&folded)
}

/// Sentences longer than this (in bytes) are cut at whitespace: run-on text
/// without punctuation (a 100 MB file with no full stop) is not one sentence,
/// and the rules need bounded input.
pub const MAX_SENTENCE: usize = 2000;

fn push(s: usize, e: usize, text: &str, out: &mut Vec<Span>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let (mut s, e) = (s + lead, s + lead + trimmed.len());
    while e - s > MAX_SENTENCE {
        let mut cut = s + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Prefer the last whitespace before the limit.
        let window = &text[s..cut];
        let at = window.rfind(char::is_whitespace).filter(|&k| k > MAX_SENTENCE / 2).map_or(cut, |k| s + k);
        let piece = text[s..at].trim_end();
        if !piece.is_empty() {
            out.push(Span { start: s, end: s + piece.len() });
        }
        s = at;
        while let Some(c) = text[s..].chars().next().filter(|c| c.is_whitespace()) {
            s += c.len_utf8();
        }
    }
    if s < e {
        out.push(Span { start: s, end: e });
    }
}
