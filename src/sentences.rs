//! Sentence splitting with byte offsets into the document.
//!
//! News text arrives as headlines, paragraphs, hard-wrapped lines and page
//! furniture. The splitter works line by line: boilerplate lines (see
//! `[boilerplate]` in patterns.toml) are dropped, a blank line always ends a
//! sentence, a single line break ends one only after final punctuation or
//! after a headline-like line, and inside a line a sentence ends at `.`, `!`
//! or `?` followed by a capitalised word, unless the period closes an
//! abbreviation or an initial.

use crate::patterns::Patterns;

/// A sentence: a byte range of the document text, trimmed of whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into sentences.
pub fn split(text: &str, patterns: &Patterns) -> Vec<Span> {
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
fn split_run(text: &str, start: usize, end: usize, patterns: &Patterns, out: &mut Vec<Span>) {
    let run = &text[start..end];
    let mut sent_start = 0;
    let chars: Vec<(usize, char)> = run.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?' | '\u{2026}') {
            // Swallow repeated punctuation and closing quotes or brackets.
            let mut j = k + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']') {
                j += 1;
            }
            let next_ws = j < chars.len() && chars[j].1.is_whitespace();
            if next_ws {
                let mut n = j;
                while n < chars.len() && chars[n].1.is_whitespace() {
                    n += 1;
                }
                let next = chars.get(n).map(|x| x.1);
                let starts_sentence = next.is_some_and(|ch| {
                    ch.is_uppercase() || ch.is_numeric() || matches!(ch, '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[')
                });
                if starts_sentence && !(c == '.' && is_abbreviation(&run[..i], patterns)) {
                    let e = if j < chars.len() { chars[j].0 } else { run.len() };
                    push(start + sent_start, start + e, text, out);
                    sent_start = chars.get(n).map_or(run.len(), |x| x.0);
                    k = n;
                    continue;
                }
            }
            k = j;
            continue;
        }
        k += 1;
    }
    push(start + sent_start, end, text, out);
}

/// Whether the word before a period is an abbreviation or an initial.
fn is_abbreviation(before: &str, patterns: &Patterns) -> bool {
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
    let folded = crate::fold::fold(&word);
    patterns.abbreviations.contains(&folded)
}

fn push(s: usize, e: usize, text: &str, out: &mut Vec<Span>) {
    let piece = &text[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span { start: s + lead, end: s + lead + trimmed.len() });
    }
}
