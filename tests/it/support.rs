//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_actorgraph"))
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the binary; returns its output.
pub fn run(args: &[&str]) -> Output {
    Command::new(bin()).args(args).output().expect("run actorgraph")
}

/// Runs the binary and asserts success; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "actorgraph {args:?} failed with {:?}:\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// The sample articles of `corpus/` (its `.txt` files), in name order.
pub fn corpus_articles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

/// The shared seed articles, or None (with a notice) when they are absent
/// outside CI. In CI their absence is a failure.
pub fn seeds() -> Option<PathBuf> {
    let dir = root().join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var_os("CI").is_some() {
        panic!("../shared/seeds is missing, and CI is set");
    }
    eprintln!("notice: ../shared/seeds not found; skipping a test that needs the seed articles");
    None
}
