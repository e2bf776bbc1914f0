//! The self-contained HTML view: the page template, its style and script,
//! with the network embedded as HTML-safe JSON.

use super::*;

const HTML_TEMPLATE: &str = include_str!("../../../assets/view.html");
const HTML_CSS: &str = include_str!("../../../assets/view.css");
const HTML_JS: &str = include_str!("../../../assets/view.js");

/// A serde_json formatter for JSON embedded in HTML: `<`, `>`, `&`, U+2028
/// and U+2029 in strings become `\u` escapes, so no string can close the
/// `<script>` element or open a comment.
struct HtmlSafeJson;

impl serde_json::ser::Formatter for HtmlSafeJson {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut last = 0;
        for (i, c) in fragment.char_indices() {
            let rep = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[last..i])?;
            w.write_all(rep.as_bytes())?;
            last = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[last..])
    }
}

/// Serializes `value` as JSON safe to place inside a `<script>` element.
pub fn html_safe_json<T: Serialize>(value: &T) -> Result<String> {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, HtmlSafeJson);
    value.serialize(&mut ser)?;
    Ok(String::from_utf8(buf)?)
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// An edge as the page needs it: without the list of supporting articles,
/// which on a large store is most of the bytes (a `mentions` edge keeps its
/// one article).
#[derive(Serialize)]
struct ViewEdge<'a> {
    id: &'a str,
    source: &'a str,
    target: &'a str,
    predicate: &'a str,
    symmetric: bool,
    support: usize,
    confidence: Option<f64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    articles: &'a [String],
    evidence: &'a [Evidence],
    evidence_total: usize,
    weeks: &'a [(i64, usize)],
    undated: usize,
}

#[derive(Serialize)]
struct ViewData<'a> {
    generator: String,
    nodes: &'a [Node],
    edges: Vec<ViewEdge<'a>>,
    predicates: &'a [String],
    /// Article identifier -> title, for the side panel.
    titles: &'a BTreeMap<String, String>,
    class_colors: BTreeMap<&'static str, &'static str>,
    predicate_colors: BTreeMap<String, &'static str>,
    /// The command that lists an edge's evidence, with {S}, {P}, {O}.
    evidence_command: &'a str,
    predicate_iris: &'a BTreeMap<String, String>,
    from: Option<&'a str>,
    to: Option<&'a str>,
    max_node_size: f64,
}

pub(super) fn write_html(net: &Network, out: &mut dyn Write) -> Result<()> {
    let data = ViewData {
        generator: generator(),
        nodes: &net.nodes,
        edges: net
            .edges
            .iter()
            .map(|e| ViewEdge {
                id: &e.id,
                source: &e.source,
                target: &e.target,
                predicate: &e.predicate,
                symmetric: e.symmetric,
                support: e.support,
                confidence: e.confidence,
                articles: if e.predicate == MENTIONS { &e.articles } else { &[] },
                evidence: &e.evidence,
                evidence_total: e.evidence_total,
                weeks: &e.weeks,
                undated: e.undated,
            })
            .collect(),
        predicates: &net.predicates,
        titles: &net.titles,
        class_colors: ["Person", "Organization", "Article", "Actor"].into_iter().map(|c| (c, class_color(c))).collect(),
        predicate_colors: net.predicates.iter().map(|p| (p.clone(), predicate_color(p))).collect(),
        evidence_command: &net.evidence_command,
        predicate_iris: &net.predicate_iris,
        from: net.from.as_deref(),
        to: net.to.as_deref(),
        max_node_size: MAX_NODE_SIZE,
    };
    let json = html_safe_json(&data)?;
    // The script is ours and fixed; the policy allows only it (by hash), so
    // even markup that slipped into the page could not run scripts.
    let hash = base64(&Sha256::digest(HTML_JS.as_bytes()));
    let mut parts = HTML_TEMPLATE.splitn(2, "{{DATA}}");
    let (head, tail) = (parts.next().unwrap_or(""), parts.next().ok_or_else(|| anyhow!("internal error: bad HTML template"))?);
    let head = head.replace("{{CSP_SCRIPT_HASH}}", &hash).replace("{{CSS}}", HTML_CSS).replace("{{GENERATOR}}", &generator());
    let tail = tail.replace("{{JS}}", HTML_JS);
    out.write_all(head.as_bytes())?;
    out.write_all(json.as_bytes())?;
    out.write_all(tail.as_bytes())?;
    Ok(())
}
