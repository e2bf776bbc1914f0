//! Tokens of folded text, and phrases (token sequences) to match against them.

/// One token of a folded sentence: a word, a possessive `'s`, or one
/// punctuation character. Offsets are byte offsets in the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
}

/// Splits folded text into tokens. Square brackets are not tokens; an em
/// dash is a comma.
///
/// ```
/// let t: Vec<String> = actorgraph::text::tokens::tokenize("massoud's x-led nrf, too.")
///     .into_iter().map(|t| t.text).collect();
/// assert_eq!(t, ["massoud", "'s", "x", "-", "led", "nrf", ",", "too", "."]);
/// let t: Vec<String> = actorgraph::text::tokens::tokenize("[omar] zaki")
///     .into_iter().map(|t| t.text).collect();
/// assert_eq!(t, ["omar", "zaki"]);
/// let t: Vec<String> = actorgraph::text::tokens::tokenize("a \u{2014} b - c-d")
///     .into_iter().map(|t| t.text).collect();
/// assert_eq!(t, ["a", ",", "b", "-", "c", "-", "d"]);
/// let t: Vec<String> = actorgraph::text::tokens::tokenize("the tigers' leader, 'rebels' now")
///     .into_iter().map(|t| t.text).collect();
/// assert_eq!(t, ["the", "tigers", "'s", "leader", ",", "'", "rebels", "'", "now"]);
/// ```
pub fn tokenize(folded: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = folded.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // Square brackets mark an editor's words inside a quote ("[Omar]
        // Zaki said"); they join what they enclose to the text around it.
        if c.is_whitespace() || c == '[' || c == ']' {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphanumeric() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push(Token { start: i, end, text: folded[i..end].to_string() });
            continue;
        }
        if c == '\'' {
            let rest = &folded[i + 1..];
            let mut r = rest.chars();
            if r.next() == Some('s') && !r.next().is_some_and(char::is_alphanumeric) {
                chars.next();
                out.push(Token { start: i, end: i + 2, text: "'s".to_string() });
                continue;
            }
            // "the Tigers' leader", "Abbas' office": a plural's or a name's
            // possessive, unless it closes a quote the sentence opened with
            // a single mark ("called them 'rebels' again").
            let after_s = out.last().is_some_and(|t: &Token| t.end == i && t.text.ends_with('s') && t.is_word());
            let spaced = rest.chars().next().is_some_and(char::is_whitespace);
            if after_s && spaced && !single_quote_open(&out, folded) {
                out.push(Token { start: i, end: i + 1, text: "'s".to_string() });
                continue;
            }
        }
        // An em dash sets off words like a comma ("A — leader of B — met
        // C"); a hyphen joins ("X-led"), and so does a spaced hyphen or en
        // dash, which some outlets write inside titles ("Secretary – General").
        let text = if c == '\u{2014}' || c == '\u{2015}' { ",".to_string() } else { c.to_string() };
        out.push(Token { start: i, end: i + c.len_utf8(), text });
    }
    out
}

/// Whether the last single quote mark among `tokens` opens a quote: a mark
/// with a space or nothing before it and a word right after it.
fn single_quote_open(tokens: &[Token], folded: &str) -> bool {
    let Some(q) = tokens.iter().rposition(|t| t.text == "'") else { return false };
    let t = &tokens[q];
    let spaced_before = t.start == 0 || folded[..t.start].chars().next_back().is_some_and(|c| c.is_whitespace() || c == '(');
    spaced_before && tokens.get(q + 1).is_some_and(|n| n.start == t.end && n.is_word())
}

/// A phrase from a word list, as folded tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase(pub Vec<String>);

impl Phrase {
    pub fn new(s: &str) -> Phrase {
        Phrase(tokenize(&crate::text::fold::fold(s)).into_iter().map(|t| t.text).collect())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the phrase occurs in `tokens` starting at `at`.
    pub fn matches_at(&self, tokens: &[Token], at: usize) -> bool {
        !self.0.is_empty() && at + self.0.len() <= tokens.len() && self.0.iter().zip(&tokens[at..]).all(|(w, t)| *w == t.text)
    }
}

/// FNV-1a: word keys are short, and SipHash showed up as a fifth of the
/// extraction time in a profile.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A list of phrases, indexed by first word, longest first so that the
/// longest match wins. The rules ask "does a phrase start here?" at every
/// token, so this lookup is the hot path of extraction.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    by_first: FnvMap<String, Vec<Phrase>>,
    longest: usize,
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(items: &[S]) -> PhraseSet {
        let mut by_first: FnvMap<String, Vec<Phrase>> = FnvMap::default();
        let mut longest = 0;
        for p in items.iter().map(|s| Phrase::new(s.as_ref())).filter(|p| !p.is_empty()) {
            longest = longest.max(p.len());
            let v = by_first.entry(p.0[0].clone()).or_default();
            if !v.contains(&p) {
                v.push(p);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.0.cmp(&b.0)));
        }
        PhraseSet { by_first, longest }
    }

    /// The length of the longest phrase that starts at `at`.
    pub fn match_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let first = tokens.get(at)?;
        self.by_first.get(&first.text)?.iter().find(|p| p.matches_at(tokens, at)).map(Phrase::len)
    }

    /// The length of the longest phrase that ends just before `end`.
    pub fn match_before(&self, tokens: &[Token], end: usize) -> Option<usize> {
        (1..=self.longest.min(end)).rev().find(|&n| self.match_at(tokens, end - n) == Some(n))
    }

    /// Whether a one-word phrase equals `word`.
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first.get(word).is_some_and(|v| v.iter().any(|p| p.0.len() == 1))
    }

    /// Whether any phrase occurs anywhere in `tokens`.
    pub fn occurs_in(&self, tokens: &[Token]) -> bool {
        (0..tokens.len()).any(|i| self.match_at(tokens, i).is_some())
    }
}
