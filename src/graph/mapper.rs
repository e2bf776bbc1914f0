//! `extract`: the stateless mapper. Documents in, the quads `build` would
//! store out, one document at a time, with no store.
//!
//! A distributed engine (Spark's `RDD.pipe`, Hadoop Streaming) feeds a
//! mapper its records on standard input, one per line, and reads its
//! output as it comes; so with [`InputFormat::Jsonl`] standard input is read
//! a line at a time, each line is written out (and flushed) before the next
//! is read, and memory stays that of one article however long the stream.
//! A bad line is reported with its line number and the stream goes on.
//!
//! Each document's quads are sorted the way `export` sorts them and carry
//! the literal forms the store writes back, so that `extract` of an article
//! and `export --format nquads` of a store built from it are the same bytes
//! (less the build's provenance).

use crate::extract::Extractor;
use crate::graph::rdf;
use crate::ontology::Ontology;
pub use crate::text::document::InputFormat;
use crate::text::document::{self, Document, InputError, MAX_INPUT_BYTES};
use anyhow::Result;
use oxigraph::io::{RdfFormat, RdfSerializer};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

/// What a run of the mapper did.
#[derive(Debug, Default)]
pub struct Outcome {
    pub documents: usize,
    /// Inputs or lines skipped; each was reported as it was found.
    pub skipped: usize,
}

/// Extracts documents and writes their quads to `out` in `format`
/// (N-Quads or TriG), flushing after each document. Problems with an input
/// are passed to `report` as they are found; the other inputs go on.
pub struct Mapper<'a> {
    ontology: &'a Ontology,
    extractor: Extractor<'a>,
    format: RdfFormat,
}

impl<'a> Mapper<'a> {
    pub fn new(ontology: &'a Ontology, format: RdfFormat) -> Mapper<'a> {
        Mapper { ontology, extractor: Extractor::new(ontology), format }
    }

    /// Maps every input: files and folders as `build` reads them, `-` as
    /// `stdin_format` says.
    pub fn run(
        &self,
        inputs: &[PathBuf],
        stdin_format: InputFormat,
        out: &mut dyn Write,
        report: &mut dyn FnMut(&InputError),
    ) -> Result<Outcome> {
        let mut outcome = Outcome::default();
        let (files, errors) = document::expand_inputs(inputs);
        for e in &errors {
            report(e);
            outcome.skipped += 1;
        }
        for path in files {
            if path.as_os_str() == "-" {
                match stdin_format {
                    InputFormat::Jsonl => self.json_lines(std::io::stdin().lock(), &path, out, report, &mut outcome)?,
                    format => self.loaded(document::load_as(&path, format), out, report, &mut outcome)?,
                }
            } else {
                self.loaded(document::load(&path), out, report, &mut outcome)?;
            }
        }
        Ok(outcome)
    }

    fn loaded(
        &self,
        loaded: document::Loaded,
        out: &mut dyn Write,
        report: &mut dyn FnMut(&InputError),
        outcome: &mut Outcome,
    ) -> Result<()> {
        for e in &loaded.errors {
            report(e);
            outcome.skipped += 1;
        }
        for doc in loaded.documents {
            self.write(&doc, out)?;
            outcome.documents += 1;
        }
        Ok(())
    }

    /// One article per line, each written before the next line is read.
    pub fn json_lines(
        &self,
        mut input: impl BufRead,
        path: &Path,
        out: &mut dyn Write,
        report: &mut dyn FnMut(&InputError),
        outcome: &mut Outcome,
    ) -> Result<()> {
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            line.clear();
            number += 1;
            // A line longer than one input may be is read no further than
            // the limit, then skipped to its end.
            let read = (&mut input).take(MAX_INPUT_BYTES + 1).read_until(b'\n', &mut line)?;
            if read == 0 {
                return Ok(());
            }
            let mut fail = |message: String| {
                report(&InputError { path: path.to_path_buf(), line: Some(number), message });
                outcome.skipped += 1;
            };
            if line.len() as u64 > MAX_INPUT_BYTES {
                skip_to_end_of_line(&mut input)?;
                fail(format!("a line of more than {} MB; one article per line", MAX_INPUT_BYTES / 1024 / 1024));
                continue;
            }
            match json_article(&line, number == 1) {
                Ok(None) => {}
                Ok(Some(mut doc)) => {
                    doc.path = path.to_path_buf();
                    doc.line = Some(number);
                    self.write(&doc, out)?;
                    outcome.documents += 1;
                }
                Err(message) => fail(message),
            }
        }
    }

    /// Writes one document's quads, sorted as `export` sorts them, and
    /// flushes them.
    fn write(&self, doc: &Document, out: &mut dyn Write) -> Result<()> {
        let ex = self.extractor.extract(&doc.text);
        let quads = rdf::sort_quads(rdf::document_quads(doc, &ex, self.ontology));
        let mut w = RdfSerializer::from_format(self.format).for_writer(Vec::new());
        for q in &quads {
            w.serialize_quad(q)?;
        }
        out.write_all(&w.finish()?)?;
        out.flush()?;
        Ok(())
    }
}

fn skip_to_end_of_line(input: &mut impl BufRead) -> Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}

/// One line of JSON Lines as a document; `None` for a blank line. The
/// fields are read as `build` reads a `.jsonl` file
/// ([`document::json_line`]); a stream may also carry a byte-order mark
/// first and Windows line ends.
fn json_article(line: &[u8], first: bool) -> Result<Option<Document>, String> {
    let line = if first { line.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(line) } else { line };
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = std::str::from_utf8(line).map_err(|e| format!("not UTF-8 (first bad byte at offset {})", e.valid_up_to()))?;
    document::json_line(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_line_gives_its_article_and_a_bad_one_a_reason() {
        let doc = json_article(br#"{"id": 7, "text": "Talks.", "published": "2022-01-10"}"#, false).unwrap().unwrap();
        assert_eq!((doc.identifier.as_str(), doc.text.as_str(), doc.published.as_deref()), ("7", "Talks.", Some("2022-01-10")));
        assert!(json_article(b"  \n", false).unwrap().is_none());
        assert!(json_article(b"{\"id\": \"a\"}", false).unwrap_err().contains("\"text\""));
        assert!(json_article(b"{\"text\": \"x\"}", false).unwrap_err().contains("\"id\""));
        assert!(json_article(b"not json", false).unwrap_err().starts_with("not a JSON object"));
        assert!(json_article(b"{\"id\": \"a\", \"text\": \"\xff\"}", false).unwrap_err().starts_with("not UTF-8"));
        assert!(json_article(b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}", true).unwrap().is_some());
    }
}
