//! Loading documents: files, folders (recursively, sorted) and `-` for stdin.
//!
//! Input is decoded carefully because news corpora are dirty: UTF-8 (with or
//! without a byte-order mark), UTF-16 with a byte-order mark, and, when the
//! bytes are not UTF-8, Windows-1252 (a superset of Latin-1 for text) with a
//! warning. Binary files are refused with a reason instead of being indexed
//! as garbage.

use anyhow::{anyhow, bail, Context, Result};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One article to ingest.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The input file name (`dcterms:identifier`); "stdin" for `-`; the
    /// `id` field for a line of a JSON Lines file.
    pub identifier: String,
    /// The file it came from (`-` for stdin).
    pub path: PathBuf,
    /// Its line, for a line of a JSON Lines file.
    pub line: Option<usize>,
    pub text: String,
    /// A note about how the text was decoded, when it was not plain UTF-8.
    pub decoding_note: Option<String>,
    /// Metadata given by the input (JSON Lines fields, HTML metadata).
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
}

/// What one input yields: documents, and the problems found in it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub errors: Vec<InputError>,
}

impl Document {
    /// Where it came from, for messages ("file.jsonl:12", "stdin").
    pub fn origin(&self) -> String {
        origin(&self.path, self.line)
    }
}

/// An input that could not be read, with the reason.
#[derive(Debug, Clone)]
pub struct InputError {
    /// The file or folder (`-` for stdin). Kept apart from the line so that
    /// a path holding ':' is never mistaken for "path:line".
    pub path: PathBuf,
    /// The line, for a line of a JSON Lines file.
    pub line: Option<usize>,
    pub message: String,
}

impl InputError {
    pub fn new(path: &Path, message: impl Into<String>) -> InputError {
        InputError { path: path.to_path_buf(), line: None, message: message.into() }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", origin(&self.path, self.line), self.message)
    }
}

/// How messages name an input: its path ("stdin" for `-`), and the line
/// when there is one ("file.jsonl:12").
pub fn origin(path: &Path, line: Option<usize>) -> String {
    let path = if path.as_os_str() == "-" { "stdin".to_string() } else { path.display().to_string() };
    match line {
        Some(n) => format!("{path}:{n}"),
        None => path,
    }
}

pub use super::calendar::valid_date;

/// The extensions read when a folder is given. Files named explicitly are
/// read whatever their extension.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "jsonl", "html", "htm"];

/// Expands inputs into the list of files to read, in a stable order.
/// Folders are walked recursively; symbolic-link loops are detected.
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    expand_inputs_where(inputs, &|p: &Path| {
        p.extension().and_then(|x| x.to_str()).is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
    })
}

/// Like [`expand_inputs`], keeping from folders the files `keep` accepts;
/// files named explicitly and `-` are always kept.
pub fn expand_inputs_where(inputs: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(input.clone());
            continue;
        }
        match std::fs::metadata(input) {
            Err(e) => errors.push(InputError::new(input, describe_io(&e))),
            Ok(m) if m.is_dir() => {
                let mut seen = BTreeSet::new();
                walk(input, keep, &mut files, &mut errors, &mut seen);
            }
            Ok(_) => files.push(input.clone()),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>, seen: &mut BTreeSet<PathBuf>) {
    let canonical = match dir.canonicalize() {
        Ok(c) => c,
        Err(e) => {
            errors.push(InputError::new(dir, describe_io(&e)));
            return;
        }
    };
    if !seen.insert(canonical) {
        errors.push(InputError::new(dir, "symbolic-link loop: folder already visited, skipped"));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError::new(dir, describe_io(&e)));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, keep, files, errors, seen),
            Ok(_) if keep(&p) => files.push(p),
            Ok(_) => {}
            Err(e) => errors.push(InputError::new(&p, describe_io(&e))),
        }
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Inputs larger than this are refused: no news article is this long, and a
/// file this size is a dump to split, not one document.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// What an input holds. Files are recognized by their extension; standard
/// input (`-`) is what the caller says (plain text unless told).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// One plain-text article.
    #[default]
    Text,
    /// One article per line: {"id", "text", "title", "url", "published", "source"}.
    Jsonl,
    /// One HTML page.
    Html,
}

impl InputFormat {
    /// The format of a file by its extension: `.jsonl`, `.html`/`.htm`, else text.
    pub fn of(path: &Path) -> InputFormat {
        match path.extension().and_then(|x| x.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("jsonl") => InputFormat::Jsonl,
            Some("html" | "htm") => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }
}

/// Reads and decodes one input: a text file (one document), an HTML page
/// (`.html`, `.htm`: one document, see [`crate::text::html`]) or a JSON Lines
/// file (`.jsonl`, one document per line).
pub fn load(path: &Path) -> Loaded {
    load_as(path, InputFormat::of(path))
}

/// Reads and decodes one input holding `format`, whatever its name.
pub fn load_as(path: &Path, format: InputFormat) -> Loaded {
    let fail = |message: String| Loaded { documents: Vec::new(), errors: vec![InputError::new(path, message)] };
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        if let Err(e) = std::io::stdin().take(MAX_INPUT_BYTES + 1).read_to_end(&mut buf) {
            return fail(describe_io(&e));
        }
        if buf.len() as u64 > MAX_INPUT_BYTES {
            return fail(format!("more than the {} MB limit for one input", MAX_INPUT_BYTES / 1024 / 1024));
        }
        buf
    } else {
        if let Ok(m) = std::fs::metadata(path) {
            if m.len() > MAX_INPUT_BYTES {
                return fail(format!(
                    "{:.1} MB, more than the {} MB limit for one input; split it into articles (one file each, or a .jsonl file of at most {} MB)",
                    m.len() as f64 / 1e6,
                    MAX_INPUT_BYTES / 1024 / 1024,
                    MAX_INPUT_BYTES / 1024 / 1024
                ));
            }
        }
        match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return fail(describe_io(&e)),
        }
    };
    let (text, decoding_note) = match decode(&bytes) {
        Ok(x) => x,
        Err(e) => return fail(e.to_string()),
    };
    if text.trim().is_empty() {
        return fail(if bytes.is_empty() { "empty file".into() } else { "no text (only whitespace)".into() });
    }
    if format == InputFormat::Jsonl {
        return load_json_lines(path, &text);
    }
    let identifier = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        match path.file_name() {
            Some(n) => n.to_string_lossy().into_owned(),
            None => return fail("not a file name".into()),
        }
    };
    let doc = Document { identifier, path: path.to_path_buf(), text, decoding_note, ..Document::default() };
    if format == InputFormat::Html {
        return match crate::text::html::extract(&doc.text) {
            Ok(page) => Loaded {
                documents: vec![Document {
                    text: page.text,
                    title: page.title,
                    url: page.url,
                    published: page.published,
                    source: page.source,
                    ..doc
                }],
                errors: Vec::new(),
            },
            Err(message) => fail(message),
        };
    }
    Loaded { documents: vec![doc], errors: Vec::new() }
}

#[derive(serde::Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    source: Option<String>,
}

/// One line of JSON Lines, `{"id": ..., "text": ..., "title", "url",
/// "published", "source"}`, as a document without a path; `None` for a
/// blank line, or why the line is not an article. `build` reads files of
/// such lines, `extract --input-format jsonl` a stream of them.
pub fn json_line(line: &str) -> Result<Option<Document>, String> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let article: JsonArticle = serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
    let Some(text) = article.text.filter(|t| !t.trim().is_empty()) else {
        return Err("no \"text\" field (or it is empty)".into());
    };
    let identifier = match article.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\" field (a string or a number)".into()),
    };
    Ok(Some(Document {
        identifier,
        text,
        title: article.title,
        url: article.url,
        published: article.published,
        source: article.source,
        ..Document::default()
    }))
}

/// One article per line (see [`json_line`]).
fn load_json_lines(path: &Path, text: &str) -> Loaded {
    let mut out = Loaded::default();
    for (n, line) in text.lines().enumerate() {
        match json_line(line) {
            Ok(Some(doc)) => out.documents.push(Document { path: path.to_path_buf(), line: Some(n + 1), ..doc }),
            Ok(None) => {}
            Err(message) => out.errors.push(InputError { path: path.to_path_buf(), line: Some(n + 1), message }),
        }
    }
    out
}

/// Decodes bytes to text; refuses binary data.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>)> {
    if let Some(kind) = binary_kind(bytes) {
        bail!("binary file ({kind}), not text");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let s =
            std::str::from_utf8(rest).map_err(|e| anyhow!("invalid UTF-8 after the byte-order mark at byte {}", e.valid_up_to() + 3))?;
        return Ok((s.to_string(), None));
    }
    for (bom, enc) in [(&[0xFF, 0xFE][..], encoding_rs::UTF_16LE), (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            if had_errors {
                bail!("invalid {} text", enc.name());
            }
            return Ok((text.into_owned(), Some(format!("decoded from {}", enc.name()))));
        }
    }
    if bytes.contains(&0) {
        bail!("binary file (contains NUL bytes), not text");
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), None)),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), Some(format!("not UTF-8 (first bad byte at offset {}); decoded as Windows-1252", e.valid_up_to()))))
        }
    }
}

fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (&[0x1F, 0x8B], "gzip"),
        (&[0x89, b'P', b'N', b'G'], "PNG image"),
        (&[0xFF, 0xD8, 0xFF], "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"PK\x03\x04", "ZIP archive"),
        (&[0x7F, b'E', b'L', b'F'], "ELF executable"),
        (b"BZh", "bzip2"),
        (&[0xFD, b'7', b'z', b'X', b'Z'], "xz"),
        (&[0x28, 0xB5, 0x2F, 0xFD], "zstd"),
    ];
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|(_, k)| *k)
}

/// Reads a whole input and reports context on failure (for `query` files).
pub fn read_text_file(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    String::from_utf8(bytes).map_err(|_| anyhow!("{}: not UTF-8 text", path.display()))
}
