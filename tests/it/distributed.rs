//! Beyond one machine: `extract` as the streaming mapper of a real engine
//! (Spark's `RDD.pipe`), `load` of its shards, and `push` to Oxigraph's
//! own server, each compared with what `build` stores.

use crate::support::{bin, corpus_articles, ok, root, run};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PROVENANCE: &str = "<https://w3id.org/actorgraph/graph/provenance> .";

fn missing(what: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing, and CI is set");
    }
    eprintln!("notice: {what} not found; skipping a test that needs it");
    true
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The articles as JSON Lines, as a mapper receives them: the seeds (when
/// present) and `corpus/`, each with a date, an outlet and a title, so that
/// every kind of literal (dates of meetings too) is in the output.
fn articles_jsonl(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = Vec::new();
    for d in crate::support::seeds().into_iter().chain([root().join("corpus")]) {
        let mut here: Vec<PathBuf> =
            std::fs::read_dir(&d).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        here.sort();
        files.extend(here);
    }
    let mut out = String::new();
    for (i, f) in files.iter().enumerate() {
        let id = f.file_name().unwrap().to_str().unwrap();
        let line = serde_json::json!({
            "id": id,
            "text": std::fs::read_to_string(f).unwrap(),
            "published": "2022-01-12",
            "source": format!("outlet {}", i % 3),
            "title": format!("Article {i}"),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    let path = dir.join("articles.jsonl");
    std::fs::write(&path, out).unwrap();
    path
}

/// `export --format nquads` of a store, without the provenance of the run
/// that wrote it (its activity and each article's link to it).
fn export_without_provenance(store: &Path) -> String {
    let out = ok(&["export", "--store", store.to_str().unwrap(), "--format", "nquads"]);
    out.lines()
        .filter(|l| !l.ends_with(PROVENANCE) && !l.contains(" <http://www.w3.org/ns/prov#wasGeneratedBy> "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Only the article graphs of an export (no ontology, events, provenance).
fn article_graphs(export: &str) -> String {
    export
        .lines()
        .filter(|l| {
            !l.ends_with("<https://w3id.org/actorgraph/graph/ontology> .") && !l.ends_with("<https://w3id.org/actorgraph/graph/events> .")
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn build(dir: &Path, input: &Path) -> PathBuf {
    let store = dir.join("built.db");
    ok(&["build", "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
    store
}

/// Runs the binary with `input` on stdin.
fn run_with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(bin()).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    out
}

#[test]
fn extract_of_an_article_is_the_export_of_its_build_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = corpus_articles();
    // Dated JSON Lines: meetings with resolved dates, outlets, titles.
    inputs.push(articles_jsonl(dir.path()));
    for (i, input) in inputs.iter().enumerate() {
        let store = dir.path().join(format!("db{i}"));
        ok(&["build", "--store", store.to_str().unwrap(), input.to_str().unwrap()]);
        let exported = article_graphs(&export_without_provenance(&store));
        let extracted = ok(&["extract", "--format", "nquads", input.to_str().unwrap()]);
        assert!(extracted.contains("#beginIndex> \"") && extracted.contains("#confidence> \""), "{extracted}");
        assert_eq!(extracted, exported, "{}: extract and export differ", input.display());
    }
}

#[test]
fn jsonl_on_stdin_is_mapped_a_line_at_a_time_and_a_bad_line_is_named() {
    let article = |id: &str, who: &str| {
        serde_json::json!({"id": id, "text": format!("{who} met Amir Khan Muttaqi in Tehran on Sunday, officials said.")}).to_string()
    };
    let mut child = Command::new(bin())
        .args(["extract", "--input-format", "jsonl", "--format", "nquads", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // The first article's quads come out while the stream is still open.
    writeln!(stdin, "{}", article("a", "Ahmad Massoud")).unwrap();
    stdin.flush().unwrap();
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.ends_with("<https://w3id.org/actorgraph/doc/a> .\n"), "{first}");
    // A bad line is skipped, named with its number; the stream goes on.
    writeln!(stdin, "{{\"id\": \"b\", \"text\": ").unwrap();
    writeln!(stdin, "{{\"id\": \"c\"}}").unwrap();
    writeln!(stdin).unwrap();
    writeln!(stdin, "{}", article("d", "Ismail Khan")).unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "some lines were skipped: {err}");
    assert!(err.contains("stdin:2: not a JSON object"), "{err}");
    assert!(err.contains("stdin:3: no \"text\" field"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    let output = first + &rest;
    let graphs: std::collections::BTreeSet<&str> = output.lines().filter_map(|l| l.rsplit(' ').nth(1)).collect();
    assert_eq!(graphs.into_iter().collect::<Vec<_>>(), ["<https://w3id.org/actorgraph/doc/a>", "<https://w3id.org/actorgraph/doc/d>"]);
    // metWith is stored once per pair, the subject sorting first.
    let met = "<https://w3id.org/actorgraph/id/amir-khan-muttaqi> <https://w3id.org/actorgraph/ontology#metWith> <https://w3id.org/actorgraph/id/ismail-khan>";
    assert!(output.contains(met), "{output}");
}

#[test]
fn html_on_stdin_is_one_page_with_its_metadata() {
    let page = "<html><head><title>Talks in Tehran</title><meta property=\"article:published_time\" content=\"2022-01-10\"></head>\
        <body><article><p>Ahmad Massoud met Amir Khan Muttaqi in Tehran on Sunday, officials said.</p></article></body></html>";
    let out = run_with_stdin(&["extract", "--input-format", "html", "-"], page.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let quads = String::from_utf8(out.stdout).unwrap();
    assert!(quads.contains("<http://purl.org/dc/terms/title> \"Talks in Tehran\" <https://w3id.org/actorgraph/doc/stdin> ."), "{quads}");
    assert!(quads.contains("ontology#metWith>"), "{quads}");
    // Without --input-format, stdin is plain text: the markup is the text.
    let plain = run_with_stdin(&["extract", "-"], page.as_bytes());
    assert!(String::from_utf8(plain.stdout).unwrap().contains("<html>"));
}

/// Splits N-Quads into `n` shards, keeping each article's quads together,
/// as the partitions of a job do.
fn shards(nquads: &str, dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut order: Vec<String> = Vec::new();
    let mut text = vec![String::new(); n];
    for line in nquads.lines() {
        let graph = line.rsplit(' ').nth(1).unwrap().to_string();
        let i = order.iter().position(|g| *g == graph).unwrap_or_else(|| {
            order.push(graph);
            order.len() - 1
        });
        text[i % n].push_str(line);
        text[i % n].push('\n');
    }
    (0..n)
        .map(|i| {
            let p = dir.join(format!("shard-{i}.nq"));
            std::fs::write(&p, &text[i]).unwrap();
            p
        })
        .collect()
}

#[test]
fn load_of_the_mapper_output_is_the_store_build_makes() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles_jsonl(dir.path());
    let built = build(dir.path(), &input);
    let out = run_with_stdin(&["extract", "--input-format", "jsonl", "-"], &std::fs::read(&input).unwrap());
    assert!(out.status.success(), "{}", stderr(&out));
    let quads = String::from_utf8(out.stdout).unwrap();
    let files = shards(&quads, dir.path(), 3);
    let loaded = dir.path().join("loaded.db");
    let mut args = vec!["load", "--store", loaded.to_str().unwrap()];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("from 3 shards"), "{}", stderr(&out));
    let expected = export_without_provenance(&built);
    assert!(expected.contains("<https://w3id.org/actorgraph/graph/events> ."), "the merged meetings are compared too");
    assert!(expected.contains("<https://w3id.org/actorgraph/graph/ontology> ."), "the ontology is compared too");
    assert_eq!(export_without_provenance(&loaded), expected, "load and build differ");
    // The load is recorded like a build: an activity the articles point to.
    let prov = ok(&["query", "--store", loaded.to_str().unwrap(), "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?doc <http://www.w3.org/ns/prov#wasGeneratedBy> ?a . ?a a <http://www.w3.org/ns/prov#Activity> }"]);
    assert_eq!(prov.lines().nth(1), Some("1"), "{prov}");
    // Loading the same shards again changes nothing but the provenance.
    ok(&args);
    assert_eq!(export_without_provenance(&loaded), expected);
}

#[test]
fn a_corrupt_shard_is_named_with_its_line_and_loads_nothing_while_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    let input = articles_jsonl(dir.path());
    let built = build(dir.path(), &input);
    let quads = ok(&["extract", input.to_str().unwrap()]);
    let files = shards(&quads, dir.path(), 3);
    let good = std::fs::read_to_string(&files[1]).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    let bad_line = lines.len() / 2;
    let corrupt: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if i + 1 == bad_line { format!("{}\n", &l[..l.len() / 2]) } else { format!("{l}\n") })
        .collect();
    std::fs::write(&files[1], corrupt).unwrap();
    let loaded = dir.path().join("loaded.db");
    let out = run(&["load", "--store", loaded.to_str().unwrap(), dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("shard-1.nq:{bad_line}: not valid RDF")), "{err}");
    // Nothing of the corrupt shard is in the store; all of the others is.
    let graphs_of = |text: &str| text.lines().map(|l| l.rsplit(' ').nth(1).unwrap().to_string()).collect::<std::collections::BTreeSet<_>>();
    let stored = graphs_of(&ok(&["export", "--store", loaded.to_str().unwrap(), "--format", "nquads"]));
    assert!(graphs_of(&good).is_disjoint(&stored), "part of the corrupt shard was loaded");
    for f in [&files[0], &files[2]] {
        assert!(graphs_of(&std::fs::read_to_string(f).unwrap()).is_subset(&stored));
    }
    // The shard mended, loading it completes the store.
    std::fs::write(&files[1], &good).unwrap();
    ok(&["load", "--store", loaded.to_str().unwrap(), files[1].to_str().unwrap()]);
    assert_eq!(export_without_provenance(&loaded), export_without_provenance(&built));
    // What is not what `extract` writes is refused whole, with a reason.
    let foreign = dir.path().join("foreign.nq");
    std::fs::write(&foreign, "<http://a> <http://b> <http://c> <http://example.org/g> .\n").unwrap();
    let out = run(&["load", "--store", loaded.to_str().unwrap(), foreign.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not an article's"), "{}", stderr(&out));
}

#[test]
fn the_mapper_under_spark_then_load_gives_the_store_build_makes() {
    let has_pyspark = Command::new("python3").args(["-c", "import pyspark"]).stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    if !has_pyspark && missing("pyspark (pip install pyspark)") {
        return;
    }
    let has_java = Command::new("java").arg("-version").stderr(Stdio::null()).status().is_ok_and(|s| s.success());
    if !has_java && missing("java (Spark needs a Java runtime, 17 or newer)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = articles_jsonl(dir.path());
    let quads = dir.path().join("quads");
    let out = Command::new("python3")
        .arg(root().join("tests/spark/pipe.py"))
        .arg(bin())
        .arg(&input)
        .arg(&quads)
        // Spark binds the driver to the host's address; the loopback one
        // needs no network and starts at once.
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap();
    let log = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(out.status.success(), "the Spark job failed:\n{}", &log[log.len().saturating_sub(6000)..]);
    let parts: Vec<_> = std::fs::read_dir(&quads)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with("part-"))
        .collect();
    assert!(parts.len() >= 2, "the job ran the mapper over several partitions: {parts:?}");
    let loaded = dir.path().join("loaded.db");
    let out = run(&["load", "--store", loaded.to_str().unwrap(), quads.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let built = build(dir.path(), &input);
    assert_eq!(export_without_provenance(&loaded), export_without_provenance(&built), "Spark + load and build differ");
}
