//! The examples in README.md and docs/*.md, run as a reader would run them.
//!
//! A checked example is a ```console block right after an
//! `<!-- example: SETUP -->` comment. Its lines that start with `$ ` are
//! commands (a line ending in `\` continues on the next); the lines after a
//! command, up to the next one, are what it prints, stdout and stderr
//! together as a terminal shows them. Each command runs with `sh -c` in the
//! block's working directory, with this build's `actorgraph` first on PATH,
//! stdin empty, `LC_ALL=C` and no `SOURCE_DATE_EPOCH` unless the command
//! sets it. The exit status is not compared (write `; echo "exit status $?"`
//! to show it). In an expected line `[..]` matches any text (timings, temp
//! paths); a line that is only `...` matches any number of lines. Trailing
//! white space and trailing empty lines are ignored.
//!
//! A fenced block right after `<!-- file: NAME -->` (a query, an article)
//! is written as NAME into the working directory of every later example of
//! the same Markdown file, so that the file a reader sees is the file that
//! runs.
//!
//! `ACTORGRAPH_BLESS=1 cargo test --release --test it docs` rewrites the
//! expected output of every command that printed something else, keeping the
//! lines that matched a wildcard as they are.

use crate::support::{bin, root};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

/// The setups an example may name, and what each gives it. A block's working
/// directory is a fresh copy of its setup's (so commands that write stay in
/// their block), except for `continue`.
const SETUPS: &[(&str, &str)] = &[
    ("empty", "an empty directory"),
    (
        "corpus",
        "a copy of corpus/ and queries/, and ./actorgraph.db built by `actorgraph build corpus/` \
         (with SOURCE_DATE_EPOCH=1641803400, so the build's times are fixed)",
    ),
    (
        "seeds",
        "a copy of ../shared/seeds as seeds/, and ./actorgraph.db built by `actorgraph build seeds/` (with \
         SOURCE_DATE_EPOCH=1641803400); skipped with a notice when ../shared/seeds is absent, a failure when CI is set",
    ),
    ("continue", "the working directory of the previous example of the same file, as its commands left it"),
];

/// `SOURCE_DATE_EPOCH` of the setups' builds: 2022-01-10T08:30:00Z.
const SETUP_EPOCH: &str = "1641803400";

/// README.md and docs/*.md, in that order.
fn markdown_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files.insert(0, root().join("README.md"));
    files
}

struct Doc {
    path: PathBuf,
    /// The path shown in messages, relative to the repository.
    name: String,
    lines: Vec<String>,
    fences: Vec<Fence>,
}

/// A fenced code block.
struct Fence {
    /// Index of the opening line.
    open: usize,
    /// Index of the closing line (`lines.len()` when the file ends first).
    close: usize,
    /// The info string's first word ("" for none).
    lang: String,
    /// The opening fence's indentation, removed from the content lines.
    indent: usize,
    /// `<!-- KIND: VALUE -->` on the last non-blank line before the block.
    marker: Option<(String, String)>,
}

impl Doc {
    fn read(path: PathBuf) -> Doc {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let name = path.strip_prefix(root()).unwrap_or(&path).display().to_string();
        let fences = fences(&lines);
        Doc { path, name, lines, fences }
    }

    /// The content lines of a block, without its indentation.
    fn body<'a>(&'a self, f: &'a Fence) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        (f.open + 1..f.close).map(move |i| (i, unindent(&self.lines[i], f.indent)))
    }

    fn at(&self, i: usize) -> String {
        format!("{}:{}", self.name, i + 1)
    }
}

fn unindent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

fn fences(lines: &[String]) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let tick = rest.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = tick.map_or(0, |c| rest.len() - rest.trim_start_matches(c).len());
        if indent > 3 || run < 3 {
            i += 1;
            continue;
        }
        let c = tick.unwrap();
        let lang = rest[run..].split_whitespace().next().unwrap_or("").to_string();
        let close = (i + 1..lines.len())
            .find(|&j| {
                let t = lines[j].trim();
                t.len() >= run && t.chars().all(|x| x == c)
            })
            .unwrap_or(lines.len());
        let marker = lines[..i].iter().rev().find(|l| !l.trim().is_empty()).and_then(|l| marker(l));
        out.push(Fence { open: i, close, lang, indent, marker });
        i = close + 1;
    }
    out
}

/// `<!-- example: corpus -->` → ("example", "corpus").
fn marker(line: &str) -> Option<(String, String)> {
    let inner = line.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
    let (kind, value) = inner.split_once(':')?;
    let kind = kind.trim();
    (kind == "example" || kind == "file").then(|| (kind.to_string(), value.trim().to_string()))
}

/// One `$ ` command of a checked block.
struct Cmd {
    /// Index of its `$ ` line.
    line: usize,
    text: String,
    /// The indices of its expected output lines.
    out: std::ops::Range<usize>,
}

fn commands(doc: &Doc, f: &Fence) -> Vec<Cmd> {
    let body: Vec<(usize, &str)> = doc.body(f).collect();
    let mut cmds = Vec::new();
    let mut k = 0;
    while k < body.len() {
        let (line, l) = body[k];
        let Some(first) = l.strip_prefix("$ ") else {
            k += 1;
            continue;
        };
        let mut text = first.to_string();
        k += 1;
        while text.ends_with('\\') && k < body.len() {
            text.push('\n');
            text.push_str(body[k].1);
            k += 1;
        }
        let start = body.get(k).map_or(f.close, |b| b.0);
        while k < body.len() && !body[k].1.starts_with("$ ") {
            k += 1;
        }
        let end = body.get(k).map_or(f.close, |b| b.0);
        cmds.push(Cmd { line, text, out: start..end });
    }
    cmds
}

/// A line of output as compared: without trailing white space.
fn clean(lines: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    let mut v: Vec<String> = lines.into_iter().map(|l| l.as_ref().trim_end().to_string()).collect();
    while v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

/// Does an expected line (with `[..]` wildcards) match an actual one?
fn line_matches(expected: &str, actual: &str) -> bool {
    let parts: Vec<&str> = expected.split("[..]").collect();
    let [first, middle @ .., last] = parts.as_slice() else { return expected == actual };
    let Some(mut rest) = actual.strip_prefix(first) else { return false };
    for m in middle {
        match rest.find(m) {
            Some(i) => rest = &rest[i + m.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

const ELLIPSIS: &str = "...";

/// One step of the alignment of expected with actual lines.
enum Step<'a> {
    /// An expected line matched an actual one.
    Same(&'a str, &'a str),
    /// An expected line that did not match the actual one in its place.
    Changed(&'a str, &'a str),
    /// An actual line that a `...` stands for.
    Skip(&'a str),
    /// The end of a `...`.
    Ellipsis,
    Missing(&'a str),
    Extra(&'a str),
}

/// The best alignment of expected with actual output: fewest changed,
/// missing and extra lines (a changed line costs no more than a missing one,
/// so that a line near `...` is shown as changed rather than dropped), then
/// fewest lines left to a `...`. A line with wildcards matches as
/// `line_matches` says; `...` stands for any number of lines.
fn align<'a>(expected: &'a [String], actual: &'a [String]) -> Vec<Step<'a>> {
    let (n, m) = (expected.len(), actual.len());
    // A missing or extra line costs more than any number of skipped ones.
    let miss = m + 1;
    // cost[i][j]: the cheapest alignment of expected[i..] with actual[j..].
    let mut cost = vec![vec![0usize; m + 1]; n + 1];
    cost[n] = (0..=m).map(|j| (m - j) * miss).collect();
    for i in (0..n).rev() {
        for j in (0..=m).rev() {
            cost[i][j] = if expected[i] == ELLIPSIS {
                let mut c = cost[i + 1][j];
                if j < m {
                    c = c.min(1 + cost[i][j + 1]);
                }
                c
            } else {
                let mut c = miss + cost[i + 1][j];
                if j < m {
                    c = c.min(miss + cost[i][j + 1]);
                    let changed = if line_matches(&expected[i], &actual[j]) { 0 } else { miss };
                    c = c.min(changed + cost[i + 1][j + 1]);
                }
                c
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut steps = Vec::new();
    while i < n || j < m {
        if i == n {
            steps.push(Step::Extra(&actual[j]));
            j += 1;
        } else if expected[i] == ELLIPSIS {
            if cost[i][j] == cost[i + 1][j] {
                steps.push(Step::Ellipsis);
                i += 1;
            } else {
                steps.push(Step::Skip(&actual[j]));
                j += 1;
            }
        } else if j < m && line_matches(&expected[i], &actual[j]) && cost[i][j] == cost[i + 1][j + 1] {
            steps.push(Step::Same(&expected[i], &actual[j]));
            i += 1;
            j += 1;
        } else if j < m && cost[i][j] == miss + cost[i + 1][j + 1] {
            steps.push(Step::Changed(&expected[i], &actual[j]));
            i += 1;
            j += 1;
        } else if cost[i][j] == miss + cost[i + 1][j] {
            steps.push(Step::Missing(&expected[i]));
            i += 1;
        } else {
            steps.push(Step::Extra(&actual[j]));
            j += 1;
        }
    }
    steps
}

fn differs(steps: &[Step]) -> bool {
    steps.iter().any(|s| matches!(s, Step::Changed(..) | Step::Missing(_) | Step::Extra(_)))
}

/// The expected output to write when blessing: the actual lines, but the
/// expected line wherever it matched (so wildcards stay), and the wildcards
/// of a changed line put back where they fit.
fn blessed(steps: &[Step]) -> Vec<String> {
    let mut out = Vec::new();
    for s in steps {
        match s {
            Step::Same(e, _) => out.push(e.to_string()),
            Step::Changed(e, a) => out.push(rewild(e, a)),
            Step::Ellipsis => out.push(ELLIPSIS.to_string()),
            Step::Extra(a) => out.push(a.to_string()),
            Step::Skip(_) | Step::Missing(_) => {}
        }
    }
    out
}

/// `actual`, with a `[..]` wherever `expected` had one between the same
/// neighbouring text ("in [..]s" stays a wildcard when a count before it
/// changed); `actual` itself when that does not work out.
fn rewild(expected: &str, actual: &str) -> String {
    let parts: Vec<&str> = expected.split("[..]").collect();
    if parts.len() == 1 {
        return actual.to_string();
    }
    // The text next to a wildcard: up to 8 characters of the literal part.
    let tail = |s: &str| s.char_indices().rev().nth(7).map_or(s.len(), |(i, _)| s.len() - i);
    let mut out = String::new();
    let mut rest = actual;
    for w in 0..parts.len() - 1 {
        let before = &parts[w][parts[w].len() - tail(parts[w])..];
        let after: String = parts[w + 1].chars().take(8).collect();
        let Some(b) = rest.find(before).map(|i| i + before.len()) else { return actual.to_string() };
        let a = if after.is_empty() { Some(rest.len() - b) } else { rest[b..].find(&after) };
        let Some(a) = a else { return actual.to_string() };
        out.push_str(&rest[..b]);
        out.push_str("[..]");
        rest = &rest[b + a..];
    }
    out.push_str(rest);
    if line_matches(&out, actual) {
        out
    } else {
        actual.to_string()
    }
}

fn diff(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Same(_, a) => writeln!(out, "      {a}"),
            Step::Changed(e, a) => writeln!(out, "    - {e}\n    + {a}"),
            Step::Skip(a) => writeln!(out, "    ~ {a}"),
            Step::Ellipsis => Ok(()),
            Step::Missing(e) => writeln!(out, "    - {e}"),
            Step::Extra(a) => writeln!(out, "    + {a}"),
        }
        .unwrap();
    }
    out
}

/// Runs one command as a reader's shell would, in `dir`; returns what it
/// printed, stdout and stderr interleaved.
fn shell(dir: &Path, command: &str) -> Vec<String> {
    let bin_dir = bin().parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin_dir).chain(std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect::<Vec<_>>()).unwrap_or_default()),
    )
    .unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{command}"))
        .current_dir(dir)
        .env("PATH", path)
        .env("LC_ALL", "C")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .expect("run sh");
    clean(String::from_utf8_lossy(&out.stdout).lines())
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Builds the working directory of a setup once; each block gets a copy.
fn template(setup: &str) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let input = match setup {
        "empty" => return dir,
        "corpus" => {
            copy_dir(&root().join("corpus"), &dir.path().join("corpus"));
            copy_dir(&root().join("queries"), &dir.path().join("queries"));
            "corpus/"
        }
        "seeds" => {
            copy_dir(&root().join("../shared/seeds"), &dir.path().join("seeds"));
            "seeds/"
        }
        other => panic!("no setup {other}"),
    };
    let out = Command::new(bin()).args(["build", input]).current_dir(dir.path()).env("SOURCE_DATE_EPOCH", SETUP_EPOCH).output().unwrap();
    assert!(out.status.success(), "setup {setup}: actorgraph build {input}: {}", String::from_utf8_lossy(&out.stderr));
    dir
}

/// What went wrong with one command.
struct Mismatch {
    at: String,
    setup: String,
    command: String,
    diff: String,
}

#[derive(Default)]
struct Outcome {
    commands: usize,
    blocks: usize,
    skipped: usize,
    mismatches: Vec<Mismatch>,
    /// Line ranges to replace, with their new lines (blessing).
    edits: Vec<(std::ops::Range<usize>, Vec<String>)>,
}

fn setup_of(f: &Fence) -> Option<&str> {
    f.marker.as_ref().filter(|(k, _)| k == "example").map(|(_, v)| v.as_str())
}

/// Runs every checked block of one file, in order.
fn run_doc(doc: &Doc, templates: &BTreeMap<String, Option<TempDir>>) -> Outcome {
    let mut outcome = Outcome::default();
    let mut files: Vec<(String, String)> = Vec::new();
    // The previous block's directory (None when it was skipped) and how many
    // of `files` it has.
    let mut previous: Option<(Option<TempDir>, usize)> = None;
    for f in &doc.fences {
        if let Some((kind, name)) = &f.marker {
            if kind == "file" && f.lang != "console" {
                let text: Vec<&str> = doc.body(f).map(|(_, l)| l).collect();
                files.push((name.clone(), text.join("\n") + "\n"));
                continue;
            }
        }
        let Some(setup) = setup_of(f).filter(|_| f.lang == "console") else { continue };
        let (dir, written) = match setup {
            "continue" => previous.take().unwrap_or_else(|| panic!("{}: `continue` with no example before it", doc.at(f.open))),
            _ => match &templates[setup] {
                Some(t) => {
                    let dir = tempfile::tempdir().unwrap();
                    copy_dir(t.path(), dir.path());
                    (Some(dir), 0)
                }
                None => (None, 0),
            },
        };
        outcome.blocks += 1;
        let Some(dir) = dir else {
            outcome.skipped += 1;
            previous = Some((None, files.len()));
            continue;
        };
        for (name, text) in &files[written..] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        for cmd in commands(doc, f) {
            outcome.commands += 1;
            let raw: Vec<&str> = doc.lines[cmd.out.clone()].iter().map(|l| unindent(l, f.indent)).collect();
            let expected = clean(&raw);
            let actual = shell(dir.path(), &cmd.text);
            let steps = align(&expected, &actual);
            if differs(&steps) {
                outcome.mismatches.push(Mismatch {
                    at: doc.at(cmd.line),
                    setup: setup.to_string(),
                    command: cmd.text.clone(),
                    diff: diff(&steps),
                });
                // Keep the blank lines that separated this output from the
                // next command.
                let blank = raw.len() - raw.iter().rposition(|l| !l.trim().is_empty()).map_or(0, |p| p + 1);
                let pad = " ".repeat(f.indent);
                let mut new: Vec<String> =
                    blessed(&steps).into_iter().map(|l| if l.is_empty() { l } else { format!("{pad}{l}") }).collect();
                new.extend(std::iter::repeat_n(String::new(), blank));
                outcome.edits.push((cmd.out.clone(), new));
            }
        }
        previous = Some((Some(dir), files.len()));
    }
    outcome
}

#[test]
fn every_checked_example_prints_what_the_docs_say() {
    let docs: Vec<Doc> = markdown_files().into_iter().map(Doc::read).collect();
    let mut setups: Vec<String> = docs
        .iter()
        .flat_map(|d| d.fences.iter().filter(|f| f.lang == "console").filter_map(setup_of).map(str::to_string))
        .filter(|s| s != "continue")
        .collect();
    setups.sort();
    setups.dedup();
    for s in &setups {
        assert!(SETUPS.iter().any(|(name, _)| name == s), "unknown example setup `{s}` (known: {SETUPS:?})");
    }
    let templates: BTreeMap<String, Option<TempDir>> = std::thread::scope(|scope| {
        let handles: Vec<_> = setups
            .iter()
            .map(|s| {
                scope.spawn(move || {
                    let available = s != "seeds" || crate::support::seeds().is_some();
                    (s.clone(), available.then(|| template(s)))
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let outcomes: Vec<Outcome> = std::thread::scope(|scope| {
        let handles: Vec<_> = docs.iter().map(|d| scope.spawn(|| run_doc(d, &templates))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    let bless = std::env::var_os("ACTORGRAPH_BLESS").is_some_and(|v| v == "1");
    let mut report = String::new();
    let (mut blocks, mut commands, mut skipped, mut wrong) = (0, 0, 0, 0);
    for (doc, outcome) in docs.iter().zip(&outcomes) {
        blocks += outcome.blocks;
        commands += outcome.commands;
        skipped += outcome.skipped;
        wrong += outcome.mismatches.len();
        for m in &outcome.mismatches {
            writeln!(
                report,
                "{}: in setup `{}`, `$ {}` printed something else (- expected, + actual, ~ matched by ...):\n{}",
                m.at, m.setup, m.command, m.diff
            )
            .unwrap();
        }
        if bless && !outcome.edits.is_empty() {
            let mut lines = doc.lines.clone();
            let mut edits: Vec<_> = outcome.edits.iter().collect();
            edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
            for (range, new) in edits {
                lines.splice(range.clone(), new.iter().cloned());
            }
            std::fs::write(&doc.path, lines.join("\n") + "\n").unwrap();
            eprintln!("blessed {} command(s) in {}", outcome.edits.len(), doc.name);
        }
    }
    if skipped > 0 {
        eprintln!("notice: skipped {skipped} example(s) that need ../shared/seeds");
    }
    eprintln!("docs: {commands} command(s) in {blocks} example(s), {wrong} differ");
    assert!(blocks > 0, "no checked example found: is the parser broken?");
    if bless {
        eprint!("{report}");
    } else {
        assert!(
            wrong == 0,
            "{report}{wrong} of {commands} documented command(s) printed something else. If the new output is right, run\n  \
             ACTORGRAPH_BLESS=1 cargo test --release --test it docs\nto rewrite the docs, then read the diff and fix the prose around it."
        );
    }
}

/// Shell languages whose blocks show commands to type.
fn is_shell(lang: &str) -> bool {
    matches!(lang, "sh" | "bash" | "shell" | "zsh")
}

/// Languages of blocks that show output rather than code.
fn is_output(lang: &str) -> bool {
    matches!(lang, "" | "text" | "txt" | "output" | "plain" | "plaintext")
}

/// Does a line of shell run actorgraph (not merely name it in a comment)?
fn runs_actorgraph(line: &str) -> bool {
    let line = line.trim_start();
    let line = line.strip_prefix("$ ").unwrap_or(line);
    if line.starts_with('#') {
        return false;
    }
    let code = line.split(" #").next().unwrap_or(line);
    code.match_indices("actorgraph ").any(|(i, _)| {
        code[..i].chars().next_back().is_none_or(|c| c.is_whitespace() || matches!(c, '/' | '(' | '|' | ';' | '&' | '`' | '=' | '$'))
    })
}

#[test]
fn shown_output_is_checked() {
    let mut problems = Vec::new();
    for doc in markdown_files().into_iter().map(Doc::read) {
        let mut examples = 0;
        for (n, f) in doc.fences.iter().enumerate() {
            let body: Vec<(usize, &str)> = doc.body(f).collect();
            if f.lang == "console" {
                match setup_of(f) {
                    None => problems.push(format!(
                        "{}: a ```console block without `<!-- example: SETUP -->` right before it (setups: {})",
                        doc.at(f.open),
                        SETUPS.iter().map(|s| s.0).collect::<Vec<_>>().join(", ")
                    )),
                    Some(s) if !SETUPS.iter().any(|(name, _)| *name == s) => {
                        problems.push(format!("{}: unknown example setup `{s}`", doc.at(f.open)))
                    }
                    Some("continue") if examples == 0 => {
                        problems.push(format!("{}: `continue` with no example before it in this file", doc.at(f.open)))
                    }
                    Some(_) => examples += 1,
                }
                if let Some((i, l)) = body.iter().find(|(_, l)| !l.trim().is_empty()) {
                    if !l.starts_with("$ ") {
                        problems.push(format!("{}: a ```console block must start with a `$ ` command", doc.at(*i)));
                    }
                } else {
                    problems.push(format!("{}: an empty ```console block", doc.at(f.open)));
                }
                continue;
            }
            match &f.marker {
                Some((kind, v)) if kind == "example" => problems.push(format!(
                    "{}: `<!-- example: {v} -->` before a ```{} block: examples are ```console blocks",
                    doc.at(f.open),
                    f.lang
                )),
                Some((_, name)) if name.is_empty() || name.starts_with('/') || name.split('/').any(|p| p == "..") => problems
                    .push(format!("{}: `<!-- file: {name} -->` must name a relative path inside the working directory", doc.at(f.open))),
                _ => {}
            }
            // (A markdown block shows Markdown source, such as this convention.)
            let shows_source = matches!(f.lang.as_str(), "markdown" | "md");
            if let Some((i, _)) = body.iter().find(|(_, l)| !shows_source && l.starts_with("$ ") && runs_actorgraph(l)) {
                problems.push(format!(
                    "{}: `$ actorgraph ...` with its output in a ```{} block: make it a checked ```console block",
                    doc.at(*i),
                    f.lang
                ));
            }
            if is_shell(&f.lang) && body.iter().any(|(_, l)| runs_actorgraph(l)) {
                // The blocks that follow with only blank lines between: code
                // (a query file, say) may come first, then shown output.
                let mut end = f.close;
                for g in &doc.fences[n + 1..] {
                    if !doc.lines[(end + 1).min(g.open)..g.open].iter().all(|l| l.trim().is_empty())
                        || g.lang == "console"
                        || is_shell(&g.lang)
                    {
                        break;
                    }
                    if is_output(&g.lang) {
                        problems.push(format!(
                            "{}: output after the actorgraph command at {}, not checked: make them one ```console block after \
                             `<!-- example: SETUP -->`, or turn the output into prose",
                            doc.at(g.open),
                            doc.at(f.open)
                        ));
                        break;
                    }
                    end = g.close;
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problem(s) with the examples in the docs:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn wildcards_and_ellipsis_match_as_documented() {
    assert!(line_matches("built 5 documents in [..]s", "built 5 documents in 0.07s"));
    assert!(line_matches("[..]", ""));
    assert!(line_matches("a[..]b[..]c", "aXbYc"));
    assert!(!line_matches("a[..]b[..]c", "aXcYb"));
    assert!(!line_matches("ab[..]ba", "aba"));
    let v = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    let (expected, actual) = (v(&["head", "...", "tail in [..]s"]), v(&["head", "1", "2", "tail in 0.1s"]));
    assert!(!differs(&align(&expected, &actual)));
    // Blessing keeps what matched and takes the rest from the actual output.
    let actual = v(&["head", "1", "tail in 0.2s", "new"]);
    let steps = align(&expected, &actual);
    assert!(differs(&steps));
    assert_eq!(blessed(&steps), v(&["head", "...", "tail in [..]s", "new"]));
    // A `...` does not swallow lines that the expected lines after it match.
    let (expected, actual) = (v(&["documents: 5", "...", "leads 0.8", "facts 0.7"]), v(&["documents: 5", "x", "leads 0.8", "facts 0.9"]));
    assert_eq!(blessed(&align(&expected, &actual)), v(&["documents: 5", "...", "leads 0.8", "facts 0.9"]));
    let (expected, actual) = (v(&["built 5 documents, 28 facts in [..]s"]), v(&["built 5 documents, 29 facts in 0.1s"]));
    assert_eq!(blessed(&align(&expected, &actual)), v(&["built 5 documents, 29 facts in [..]s"]));
    assert_eq!(rewild("[..] at [..]", "12 at /tmp/x"), "[..] at [..]");
    assert_eq!(rewild("wrote [..] to x", "read 3 from y"), "read 3 from y");
    let (expected, actual) = (v(&["a", "b"]), v(&["a", "c"]));
    assert_eq!(blessed(&align(&expected, &actual)), actual);
    assert!(runs_actorgraph("target/release/actorgraph build corpus/"));
    assert!(runs_actorgraph("$ SOURCE_DATE_EPOCH=1 actorgraph build x"));
    assert!(!runs_actorgraph("cargo install actorgraph-tools"));
    assert!(!runs_actorgraph("# then run actorgraph query"));
}
