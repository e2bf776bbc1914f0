//! Text folding: the one place that decides which spellings count as "the same".
//!
//! Names are matched, and patterns compared, on a folded copy of the text:
//! lower case, accents stripped, curly quotes and dashes made plain, runs of
//! whitespace (line breaks and no-break spaces included) made one space, and
//! invisible characters (zero-width, bidirectional controls, soft hyphens)
//! dropped. Every folded byte remembers the original span it came from, so a
//! match on the folded text maps back to exact offsets in the document.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded copy of a piece of text with a map back to the original.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte range in the original text of the
    /// character that produced it (relative to the start of the original).
    origin: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `original`.
    ///
    /// ```
    /// let f = actorgraph::text::fold::Folded::new("Mottaki\u{2019}s  Ḥaqqānī");
    /// assert_eq!(f.text, "mottaki's haqqani");
    /// ```
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut pending_space: Option<(u32, u32)> = None;
        let mut prev: Option<char> = None;
        for (i, c) in original.char_indices() {
            let span = (i as u32, (i + c.len_utf8()) as u32);
            let before = prev.replace(c);
            if is_invisible(c) {
                continue;
            }
            // "Mohammed Shia’ Al Sudani": a transliteration mark at the end of
            // a word inside a name is no quote; it would cut the name.
            if matches!(c, '\u{2019}' | '\u{02BC}' | '\'') && before.is_some_and(char::is_alphabetic) {
                let mut rest = original[i + c.len_utf8()..].chars();
                if rest.next() == Some(' ') && rest.next().is_some_and(char::is_uppercase) {
                    continue;
                }
            }
            if c.is_whitespace() {
                if pending_space.is_none() && !text.is_empty() {
                    pending_space = Some(span);
                }
                continue;
            }
            if let Some(sp) = pending_space.take() {
                text.push(' ');
                origin.push(sp);
            }
            let mut push = |ch: char| {
                let before = text.len();
                text.push(ch);
                origin.extend(std::iter::repeat_n(span, text.len() - before));
            };
            match plain(c) {
                Some(p) => push(p),
                None => {
                    // Combining marks carry no letter of their own: dropped.
                    decompose_canonical(c, |d| {
                        if !is_combining_mark(d) {
                            for l in d.to_lowercase() {
                                push(l);
                            }
                        }
                    });
                }
            }
        }
        Folded { text, origin }
    }

    /// The original byte range of the folded byte range `start..end`.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.origin.len());
        (self.origin[start].0 as usize, self.origin[end - 1].1 as usize)
    }
}

/// Whether `text[start..end]` stands on word boundaries: no letter or digit
/// right before or right after it.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        && text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Folds a phrase from a data file the same way as document text.
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FE0E}' | '\u{FE0F}')
}

/// Typographic variants that stand for a plain ASCII character.
fn plain(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => '"',
        // Hyphens and the en dash ("Belgrade–Pristina"); the em dash stays
        // itself, a mark of punctuation that tokens read as a comma.
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        '\u{2026}' => '.',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_original_offsets() {
        let original = "Ahmad\u{00A0}\u{200B}Massoud\u{2019}s";
        let f = Folded::new(original);
        assert_eq!(f.text, "ahmad massoud's");
        let start = f.text.find("massoud").unwrap();
        let (s, e) = f.original_range(start, start + "massoud".len());
        assert_eq!(&original[s..e], "Massoud");
    }

    #[test]
    fn strips_accents_and_collapses_whitespace() {
        assert_eq!(fold("  Amīr   Khān\n\tMuttaqī "), "amir khan muttaqi");
        assert_eq!(fold("Mutta\u{0301}qi"), "muttaqi");
    }
}
