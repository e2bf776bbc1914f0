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

/// Splits folded text into tokens.
///
/// ```
/// let t: Vec<String> = actorgraph::tokens::tokenize("massoud's x-led nrf, too.")
///     .into_iter().map(|t| t.text).collect();
/// assert_eq!(t, ["massoud", "'s", "x", "-", "led", "nrf", ",", "too", "."]);
/// ```
pub fn tokenize(folded: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = folded.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
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
        }
        out.push(Token { start: i, end: i + c.len_utf8(), text: c.to_string() });
    }
    out
}

/// A phrase from a word list, as folded tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase(pub Vec<String>);

impl Phrase {
    pub fn new(s: &str) -> Phrase {
        Phrase(tokenize(&crate::fold::fold(s)).into_iter().map(|t| t.text).collect())
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

    /// Whether the phrase occurs in `tokens` ending just before `end`.
    pub fn matches_before(&self, tokens: &[Token], end: usize) -> bool {
        end >= self.0.len() && self.matches_at(tokens, end - self.0.len())
    }
}

/// A list of phrases, longest first so that the longest match wins.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet(Vec<Phrase>);

impl PhraseSet {
    pub fn new<S: AsRef<str>>(items: &[S]) -> PhraseSet {
        let mut v: Vec<Phrase> = items.iter().map(|s| Phrase::new(s.as_ref())).filter(|p| !p.is_empty()).collect();
        v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.0.cmp(&b.0)));
        v.dedup();
        PhraseSet(v)
    }

    /// The length of the longest phrase that starts at `at`.
    pub fn match_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        self.0.iter().find(|p| p.matches_at(tokens, at)).map(Phrase::len)
    }

    /// The length of the longest phrase that ends just before `end`.
    pub fn match_before(&self, tokens: &[Token], end: usize) -> Option<usize> {
        self.0.iter().find(|p| p.matches_before(tokens, end)).map(Phrase::len)
    }

    /// Whether a one-word phrase equals `word`.
    pub fn contains_word(&self, word: &str) -> bool {
        self.0.iter().any(|p| p.0.len() == 1 && p.0[0] == word)
    }

    /// Whether any phrase occurs anywhere in `tokens`.
    pub fn occurs_in(&self, tokens: &[Token]) -> bool {
        (0..tokens.len()).any(|i| self.match_at(tokens, i).is_some())
    }
}
