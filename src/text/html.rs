//! HTML pages: the article's text and its metadata.
//!
//! A news page is mostly furniture (menus, share buttons, comment forms,
//! related links, scripts). The text kept is the page's `<article>` (or
//! `<main>`, or the body) without that furniture, one block element per
//! paragraph, so that the line-based sentence splitter sees paragraphs as it
//! does in a text file. Parsing is html5ever's (through `scraper`), the same
//! error recovery as a browser's, so broken markup still yields its text.

use crate::text::calendar::valid_date;
use scraper::node::{Element, Node};
use scraper::Html;

type NodeRef<'a> = ego_tree::NodeRef<'a, Node>;

/// The text and metadata of an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Paragraphs separated by blank lines; `<br>` is a line break.
    pub text: String,
    /// `og:title`, else `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    /// `<link rel="canonical">`, else `og:url`.
    pub url: Option<String>,
    /// `article:published_time`, else `<time datetime>`, else `<meta
    /// name="date">` (and a few common synonyms); YYYY-MM-DD when the value
    /// starts with a recognizable date, else as given.
    pub published: Option<String>,
    /// `og:site_name`.
    pub source: Option<String>,
}

/// Elements whose content is never article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template", "button", "select", "textarea",
    "object", "embed", "canvas", "video", "audio", "map", "dialog", "menu", "head",
];

/// Words in an `id` or `class` that mark page furniture. Whole words only
/// ("comment-form" and "shareButtons" match; "commentary" does not).
const FURNITURE_WORDS: &[&str] = &[
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "promo",
    "disqus",
    "paywall",
];

/// ARIA roles of page furniture.
const FURNITURE_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar"];

/// Elements that start a new paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Extracts the text and metadata of an HTML page. Fails only when the input
/// is not an HTML page or holds no article text.
pub fn extract(source: &str) -> Result<Page, String> {
    let controls = source.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if controls * 100 > source.chars().count().max(1) {
        return Err(format!("not an HTML page: {controls} control characters (garbled or binary data)"));
    }
    if !looks_like_markup(source) {
        return Err("not an HTML page: no HTML tags".into());
    }
    // html5ever's scope checks walk the stack of open elements, so parsing
    // time grows with the square of the nesting depth (20,000 nested divs
    // take seconds, a 64 MB page of them hours). No article is that deep.
    let depth = nesting_estimate(source);
    if depth > MAX_NESTING {
        return Err(format!("not an article page: elements nested about {depth} deep (the limit is {MAX_NESTING})"));
    }
    let html = Html::parse_document(source);
    let root = html.tree.root();
    let mut page = Page { text: main_text(root), ..Page::default() };
    if page.text.is_empty() {
        return Err("no article text in the HTML page (after dropping scripts, navigation, forms and comment sections)".into());
    }
    read_metadata(root, &mut page);
    Ok(page)
}

/// Far deeper than any real page, and still parsed in well under a second.
const MAX_NESTING: usize = 5_000;

/// Elements that never have content, or whose end tag may be left out
/// (`<p>`, `<li>` ...): they do not count towards the nesting estimate.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "p", "li", "dt", "dd",
    "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// The deepest nesting of start tags over end tags, read from the tags
/// alone (an upper bound of what the parser builds, for well-formed pages).
fn nesting_estimate(source: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (i, _) in source.match_indices('<') {
        let rest = &source[i + 1..];
        let (closing, rest) = match rest.strip_prefix('/') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let name_len = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
        if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        let self_closing = rest[name_len..].split('>').next().is_some_and(|t| t.ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Whether `source` holds at least one tag (`<p`, `<html`, `<!DOCTYPE` ...).
fn looks_like_markup(source: &str) -> bool {
    source.match_indices('<').any(|(i, _)| source[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!' || c == '/'))
}

fn element(node: NodeRef<'_>) -> Option<&Element> {
    match node.value() {
        Node::Element(e) => Some(e),
        _ => None,
    }
}

/// Whether an element and everything in it is page furniture.
fn is_furniture(e: &Element) -> bool {
    let name = e.name();
    if DROPPED_TAGS.contains(&name) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    if e.attr("role").is_some_and(|r| r.split_whitespace().any(|r| FURNITURE_ROLES.contains(&r.to_ascii_lowercase().as_str()))) {
        return true;
    }
    // Page-level containers often carry state classes ("comments-open");
    // they are never furniture themselves.
    if matches!(name, "html" | "body" | "main") {
        return false;
    }
    e.id().into_iter().chain(e.classes()).any(|v| words(v).any(|w| FURNITURE_WORDS.contains(&w.as_str())))
}

/// The lower-cased words of an identifier: split at non-alphanumerics and
/// at camelCase humps ("shareButtons" → share, buttons).
fn words(identifier: &str) -> impl Iterator<Item = String> + '_ {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in identifier.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && previous_lower)) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase();
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter()
}

/// Whether `node` or one of its ancestors is furniture.
fn inside_furniture(node: NodeRef<'_>) -> bool {
    std::iter::once(node).chain(node.ancestors()).filter_map(element).any(is_furniture)
}

/// The page's main text: the `<article>` with the most text, else the
/// `<main>` with the most text, else the body.
fn main_text(root: NodeRef<'_>) -> String {
    for tag in ["article", "main"] {
        let best = root
            .descendants()
            .filter(|n| element(*n).is_some_and(|e| e.name() == tag))
            .filter(|n| !inside_furniture(*n))
            .map(block_text)
            .max_by_key(|t| t.len());
        if let Some(text) = best.filter(|t| !t.is_empty()) {
            return text;
        }
    }
    let body = root.descendants().find(|n| element(*n).is_some_and(|e| e.name() == "body"));
    body.map(block_text).unwrap_or_default()
}

/// The text under `node`, furniture dropped, blocks as paragraphs.
fn block_text(node: NodeRef<'_>) -> String {
    let mut out = Text::default();
    out.walk(node);
    out.finish()
}

#[derive(Default)]
struct Text {
    paragraphs: Vec<String>,
    /// Lines of the current paragraph (`<br>` breaks lines).
    lines: Vec<String>,
    line: String,
}

impl Text {
    /// Walks the tree without recursion: html5ever puts no limit on how
    /// deeply elements nest, and a page of nested `<div>`s must not exhaust
    /// the stack.
    fn walk(&mut self, node: NodeRef<'_>) {
        use ego_tree::iter::Edge;
        // The furniture element being skipped, until it closes.
        let mut skipping: Option<ego_tree::NodeId> = None;
        for edge in node.traverse() {
            match (edge, skipping) {
                (Edge::Close(n), Some(id)) if n.id() == id => skipping = None,
                (_, Some(_)) => {}
                (Edge::Open(n), None) => match n.value() {
                    Node::Text(t) => self.push_text(t),
                    Node::Element(e) if is_furniture(e) => skipping = Some(n.id()),
                    Node::Element(e) if e.name() == "br" => self.break_line(),
                    Node::Element(e) if BLOCK_TAGS.contains(&e.name()) => self.end_paragraph(),
                    _ => {}
                },
                (Edge::Close(n), None) => {
                    if element(n).is_some_and(|e| BLOCK_TAGS.contains(&e.name())) {
                        self.end_paragraph();
                    }
                }
            }
        }
    }

    /// Appends text with HTML's whitespace rules: runs of white space are
    /// one space, and none at the start of a line.
    fn push_text(&mut self, text: &str) {
        for (i, piece) in text.split(|c: char| c.is_whitespace()).enumerate() {
            if i > 0 && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(piece);
        }
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim();
        if !line.is_empty() {
            self.lines.push(line.to_string());
        }
    }

    fn end_paragraph(&mut self) {
        self.break_line();
        if !self.lines.is_empty() {
            self.paragraphs.push(std::mem::take(&mut self.lines).join("\n"));
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.paragraphs.join("\n\n")
    }
}

/// Collapses white space, for metadata values.
fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn read_metadata(root: NodeRef<'_>, page: &mut Page) {
    // `<meta property|name|itemprop="key" content="...">`, first value wins.
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut canonical = None;
    let mut title_element = None;
    let mut first_h1 = None;
    let mut time = None;
    for node in root.descendants() {
        let Some(e) = element(node) else { continue };
        match e.name() {
            "meta" => {
                let Some(content) = e.attr("content").and_then(clean) else { continue };
                for key in ["property", "name", "itemprop"].into_iter().filter_map(|a| e.attr(a)) {
                    meta.push((key.trim().to_ascii_lowercase(), content.clone()));
                }
            }
            "link"
                if canonical.is_none()
                    && e.attr("rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) =>
            {
                canonical = e.attr("href").and_then(clean);
            }
            "title" if title_element.is_none() => title_element = clean(&all_text(node)),
            "h1" if first_h1.is_none() && !inside_furniture(node) => first_h1 = clean(&all_text(node)),
            "time" if time.is_none() && !inside_furniture(node) => time = e.attr("datetime").and_then(clean),
            _ => {}
        }
    }
    let get = |keys: &[&str]| keys.iter().find_map(|k| meta.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()));
    page.title = get(&["og:title"]).or(title_element).or(first_h1);
    page.url = canonical.or_else(|| get(&["og:url"]));
    page.published = get(&["article:published_time"])
        .or(time)
        .or_else(|| {
            get(&["date", "pubdate", "publishdate", "datepublished", "dc.date", "dcterms.date", "dc.date.issued", "dcterms.issued"])
        })
        .map(|d| normalize_date(&d));
    page.source = get(&["og:site_name"]);
}

fn all_text(node: NodeRef<'_>) -> String {
    node.descendants()
        .filter_map(|n| match n.value() {
            Node::Text(t) => Some(&**t),
            _ => None,
        })
        .collect()
}

const MONTHS: &[&str] =
    &["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/// YYYY-MM-DD for the dates pages carry ("2022-01-10T08:30:00+04:30",
/// "2022/01/10", "20220110", "January 10, 2022", "10 Jan. 2022"); any
/// other value is kept as given rather than guessed at.
///
/// ```
/// use actorgraph::text::html::normalize_date;
/// assert_eq!(normalize_date("2022-01-10T08:30:00+04:30"), "2022-01-10");
/// assert_eq!(normalize_date("Monday, January 10, 2022"), "2022-01-10");
/// assert_eq!(normalize_date("10 Jan. 2022"), "2022-01-10");
/// assert_eq!(normalize_date("last week"), "last week");
/// ```
pub fn normalize_date(value: &str) -> String {
    let v = value.trim();
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let ymd = |y: &str, m: &str, d: &str| {
        let date = format!("{y:0>4}-{m:0>2}-{d:0>2}");
        valid_date(&date).then_some(date)
    };
    // ISO 8601 and its slash and compact spellings.
    let head: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == '-' || *c == '/').collect();
    let parts: Vec<&str> = head.split(['-', '/']).collect();
    if let [y, m, d] = parts[..] {
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) && [y, m, d].iter().all(|p| digits(p)) {
            if let Some(date) = ymd(y, m, d) {
                return date;
            }
        }
    }
    if head.len() == 8 && digits(&head) {
        if let Some(date) = ymd(&head[..4], &head[4..6], &head[6..]) {
            return date;
        }
    }
    // "January 10, 2022", "10 Jan. 2022": a month name, a day and a year.
    let tokens: Vec<String> =
        v.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|t| !t.is_empty()).map(str::to_ascii_lowercase).collect();
    // A month is its name or an abbreviation of it ("Jan", "Sept"), never
    // a longer word that starts like one ("Marine", "Mayor").
    let month_of = |t: &str| MONTHS.iter().position(|m| t.len() >= 3 && m.starts_with(t));
    if let Some(mi) = tokens.iter().position(|t| month_of(t).is_some()) {
        let m = month_of(&tokens[mi]).map(|i| (i + 1).to_string());
        let number = |i: usize| tokens.get(i).filter(|t| digits(t)).cloned();
        let (day, year) = match (mi.checked_sub(1).and_then(number), number(mi + 1), number(mi + 2)) {
            (_, Some(d), Some(y)) if d.len() <= 2 && y.len() == 4 => (Some(d), Some(y)),
            (Some(d), Some(y), _) if d.len() <= 2 && y.len() == 4 => (Some(d), Some(y)),
            _ => (None, None),
        };
        if let (Some(m), Some(d), Some(y)) = (m, day, year) {
            if let Some(date) = ymd(&y, &m, &d) {
                return date;
            }
        }
    }
    v.to_string()
}
