//! Dirty input, crashes and concurrent use: a clear error naming the file,
//! the other documents ingested, and a store that is never half-written.

use crate::support::{bin, ok, root, run};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &str = "Ahmad Massoud met Ismail Khan in Tehran on Sunday.\n";

fn build(store: &Path, inputs: &[&Path]) -> std::process::Output {
    let mut args = vec!["build".to_string(), "--store".into(), store.display().to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    Command::new(bin()).args(&args).output().unwrap()
}

/// A store in `dir` built from one good article; gives the store and the
/// article's path.
fn built_store(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let store = dir.join("db");
    let good = dir.join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    assert!(build(&store, &[&good]).status.success());
    (store, good)
}

fn articles(store: &Path) -> Vec<String> {
    let csv = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv", "articles"]);
    let mut ids: Vec<String> = csv.lines().skip(1).filter_map(|l| l.split(',').next()).map(str::to_string).collect();
    ids.sort();
    ids
}

/// Builds `good.txt` beside one bad input; the bad one is named on stderr
/// with `expect`, the good one is ingested, and the exit status is 1.
fn check_bad(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let bad = dir.path().join(name);
    std::fs::write(&bad, bytes).unwrap();
    let store = dir.path().join("db");
    let out = build(&store, &[&good, &bad]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{name}: {err}");
    assert!(err.contains(&format!("{name}: {expect}")), "{name}: expected '{expect}' in: {err}");
    assert_eq!(articles(&store), ["good.txt"], "{name}");
}

#[test]
fn bad_files_are_named_and_skipped() {
    check_bad("empty.txt", b"", "empty file");
    check_bad("blank.txt", b" \n\t\r\n  ", "no text (only whitespace)");
    check_bad("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file (PNG image)");
    check_bad("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF)");
    check_bad("archive.txt", &[0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0], "binary file (gzip)");
    check_bad("nul.txt", b"some text\0with a NUL", "binary file (contains NUL bytes)");
}

#[test]
fn other_encodings_are_decoded_not_mangled() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252: curly quotes and an accented letter around the names.
    let latin = dir.path().join("latin.txt");
    std::fs::write(&latin, b"\x93Caf\xe9 talks\x94: Ahmad Massoud met Ismail Khan in Tehran.\n").unwrap();
    // UTF-16 little-endian with a byte-order mark.
    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Amrullah Saleh met Ahmad Massoud in Dushanbe.\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let store = dir.path().join("db");
    let out = build(&store, &[&latin, &utf16]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("latin.txt: not UTF-8"), "{}", stderr(&out));
    let met = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv", "met-with"]);
    assert!(met.contains("Ahmad Massoud,Ismail Khan") && met.contains("Ahmad Massoud,Amrullah Saleh"), "{met}");
    let text = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv",
        "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/identifier> \"latin.txt\" ; <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }"]);
    assert!(text.contains("\u{201C}Café talks\u{201D}"), "decoded as Windows-1252: {text}");
}

#[test]
fn invisible_and_typographic_characters_between_names() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("tricky.txt");
    // Zero-width space, bidi marks, a combining accent, no-break spaces,
    // emoji and a line break inside a name.
    let text = "Ahmad\u{200B} Mass\u{200E}oud, leader of the National\nResistance Front, met Ami\u{0301}r\u{00A0}Khan\u{00A0}Muttaqi \u{1F1E6}\u{1F1EB} in Tehran.\n";
    std::fs::write(&doc, text).unwrap();
    let store = dir.path().join("db");
    assert!(build(&store, &[&doc]).status.success());
    let s = store.to_str().unwrap();
    let met = ok(&["query", "--store", s, "--format", "csv", "met-with"]);
    assert!(met.contains("Ahmad Massoud,Amir Khan Muttaqi"), "{met}");
    let leaders = ok(&["query", "--store", s, "--format", "csv", "leaders"]);
    assert!(leaders.contains("Ahmad Massoud,National Resistance Front"), "{leaders}");
}

#[test]
fn an_input_too_large_for_an_article_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    // 65 MB with no newline at all.
    let big = dir.path().join("huge.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap();
    let store = dir.path().join("db");
    let out = build(&store, &[&good, &big]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("huge.txt: 68.2 MB, more than the 64 MB limit"), "{}", stderr(&out));
    assert_eq!(articles(&store), ["good.txt"]);
}

#[test]
fn a_long_text_without_punctuation_is_cut_into_bounded_sentences() {
    let words = ["Ahmad", "Massoud", "met", "Ismail", "Khan", "and", "the", "Taliban", "in", "Tehran"];
    let text: String = (0..300_000).map(|i| words[i * 7 % words.len()]).collect::<Vec<_>>().join(" ");
    let ontology = actorgraph::Ontology::builtin().unwrap();
    let ex = actorgraph::Extractor::new(&ontology).extract(&text);
    assert!(ex.sentences.len() > 100);
    assert!(ex.sentences.iter().all(|s| s.end - s.start <= actorgraph::text::sentences::MAX_SENTENCE));
}

#[test]
fn folders_nested_with_link_loops_and_missing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("a/b")).unwrap();
    std::fs::write(corpus.join("one.txt"), GOOD).unwrap();
    std::fs::write(corpus.join("a/b/two.txt"), "The Taliban is led by Haibatullah Akhundzada.\n").unwrap();
    std::fs::write(corpus.join("a/notes.bin"), b"\0\0\0").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&corpus, corpus.join("a/b/loop")).unwrap();
    let store = dir.path().join("db");
    let missing = dir.path().join("nowhere");
    let out = build(&store, &[&corpus, &missing]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("nowhere: no such file or folder"), "{err}");
    assert!(err.contains("symbolic-link loop"), "{err}");
    assert_eq!(articles(&store), ["one.txt", "two.txt"]);
}

#[test]
fn unreadable_files_are_named() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.txt");
        std::fs::write(&secret, GOOD).unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&secret).is_ok() {
            eprintln!("notice: running as a user who reads any file (root); the permission check cannot be exercised here");
            return;
        }
        let good = dir.path().join("good.txt");
        std::fs::write(&good, GOOD).unwrap();
        let out = build(&dir.path().join("db"), &[&good, &secret]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("secret.txt: permission denied"), "{}", stderr(&out));
    }
}

#[test]
fn json_lines_with_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    std::fs::write(
        &feed,
        concat!(
            "{\"id\": \"a1\", \"text\": \"Ahmad Massoud met Ismail Khan in Tehran.\", \"title\": \"Talks\", \"url\": \"https://example.org/a1\", \"published\": \"2022-01-10\", \"source\": \"Example News\"}\n",
            "this is not json\n",
            "{\"id\": \"a3\", \"title\": \"no text here\"}\n",
            "{\"id\": 4, \"text\": \"The Taliban is led by Haibatullah Akhundzada.\"}\n",
        ),
    )
    .unwrap();
    let store = dir.path().join("db");
    let out = build(&store, &[&feed]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("feed.jsonl:2: not a JSON object"), "{err}");
    assert!(err.contains("feed.jsonl:3: no \"text\" field"), "{err}");
    assert_eq!(articles(&store), ["4", "a1"]);
    let meta = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv",
        "SELECT ?t ?u ?d ?p WHERE { ?a <http://purl.org/dc/terms/title> ?t ; <http://schema.org/url> ?u ; <http://purl.org/dc/terms/issued> ?d ; <http://purl.org/dc/terms/publisher> ?p }"]);
    assert!(meta.contains("Talks,https://example.org/a1,2022-01-10,Example News"), "{meta}");
}

#[test]
fn store_problems_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    // A folder that is not an Oxigraph store.
    let junk = dir.path().join("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(junk.join("CURRENT"), "MANIFEST-999999\n").unwrap();
    let out = build(&junk, &[&good]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("junk: cannot open the store"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn a_second_writer_is_refused_and_readers_see_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let (store, good) = built_store(dir.path());
    // This process holds the store open for writing, as a running build does.
    let writer = actorgraph::graph::store::open_for_writing(&store).unwrap();
    let out = build(&store, &[&good]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("the store is in use by another actorgraph process (pid "), "{err}");
    // Queries and exports still work beside the writer.
    assert_eq!(articles(&store), ["good.txt"]);
    assert!(ok(&["export", "--store", store.to_str().unwrap(), "--format", "nquads"]).contains("good.txt"));
    drop(writer);
    assert!(build(&store, &[&good]).status.success());
}

/// A reader that opens the store while the writer flushes and compacts may
/// find a table file the writer has just deleted; it must open again on the
/// fresh state instead of failing.
#[test]
fn readers_open_while_the_writer_compacts() {
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = built_store(dir.path());
    let writer = actorgraph::graph::store::open_for_writing(&store).unwrap();
    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let p = NamedNode::new_unchecked("https://example.org/p");
            let mut round = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let g = NamedNode::new_unchecked(format!("https://example.org/g{}", round % 7));
                let quads: Vec<Quad> = (0..200)
                    .map(|i| Quad::new(p.clone(), p.clone(), Literal::from(format!("{round}-{i}")), GraphName::NamedNode(g.clone())))
                    .collect();
                actorgraph::graph::store::replace_graph(&writer, g.as_ref(), &quads).unwrap();
                writer.flush().unwrap();
                writer.optimize().unwrap();
                round += 1;
                // A build writes and compacts now and then, not without a pause.
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        });
        let reads: Vec<_> = (0..40).map(|_| run(&["query", "--store", store.to_str().unwrap(), "--format", "csv", "articles"])).collect();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for out in reads {
            assert!(out.status.success(), "{}", stderr(&out));
            assert!(String::from_utf8_lossy(&out.stdout).contains("good.txt"));
        }
    });
}

#[test]
fn leftover_bulk_files_are_removed_when_writing() {
    let dir = tempfile::tempdir().unwrap();
    let (store, good) = built_store(dir.path());
    let stale = store.join("bulk-0123456789.sst");
    std::fs::write(&stale, vec![0u8; 4096]).unwrap();
    assert!(build(&store, &[&good]).status.success());
    assert!(!stale.exists());
}

#[test]
fn remove_and_prune_touch_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), GOOD).unwrap();
    std::fs::write(corpus.join("b.txt"), "The Taliban is led by Haibatullah Akhundzada.\n").unwrap();
    std::fs::write(corpus.join("c.txt"), "Amrullah Saleh met Ahmad Massoud in Dushanbe.\n").unwrap();
    let store = dir.path().join("db");
    let s = store.to_str().unwrap();
    assert!(build(&store, &[&corpus]).status.success());
    let ontology_quads = |s: &str| {
        ok(&[
            "query",
            "--store",
            s,
            "--format",
            "csv",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/actorgraph/graph/ontology> { ?s ?p ?o } }",
        ])
    };
    let before = ontology_quads(s);
    let out = run(&["remove", "--store", s, "a.txt", corpus.join("b.txt").to_str().unwrap(), "zzz.txt"]);
    assert_eq!(out.status.code(), Some(1), "one name was unknown");
    assert!(stderr(&out).contains("zzz.txt: no such article"));
    assert_eq!(articles(&store), ["c.txt"]);
    assert_eq!(ontology_quads(s), before);
    // Prune: the store mirrors the folder.
    assert!(build(&store, &[&corpus]).status.success());
    std::fs::remove_file(corpus.join("c.txt")).unwrap();
    let out = run(&["build", "--store", s, "--prune", corpus.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(articles(&store), ["a.txt", "b.txt"]);
    assert_eq!(ontology_quads(s), before);
}

/// Quads per graph of the store, through SPARQL; the provenance graph,
/// which records every build (killed ones too), is left out.
fn graph_sizes(store: &Path) -> BTreeMap<String, usize> {
    let csv = ok(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "csv",
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://w3id.org/actorgraph/graph/provenance>) } GROUP BY ?g",
    ]);
    csv.lines().skip(1).filter_map(|l| l.rsplit_once(',')).map(|(g, n)| (g.to_string(), n.trim().parse().unwrap())).collect()
}

#[test]
fn killed_builds_leave_whole_documents_or_none() {
    // A corpus of a few hundred articles made from the sample corpus.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut sources = Vec::new();
    for e in std::fs::read_dir(root().join("corpus")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            sources.push(std::fs::read_to_string(p).unwrap());
        }
    }
    sources.sort();
    for i in 0..400 {
        let text = format!("{}\n\n{}", sources[i % sources.len()], sources[(i * 7 + 3) % sources.len()]);
        std::fs::write(corpus.join(format!("doc-{i:04}.txt")), text).unwrap();
    }
    // The expected size of every graph, from the stateless mapper.
    let reference = dir.path().join("reference");
    assert!(build(&reference, &[&corpus]).status.success());
    let expected = graph_sizes(&reference);
    // 400 articles, the ontology and the meetings merged across articles.
    assert_eq!(expected.len(), 402);
    let events_graph = "https://w3id.org/actorgraph/graph/events";
    assert!(expected.contains_key(events_graph));

    let store = dir.path().join("db");
    let mut seed: u64 = 0x5eed;
    let mut partial_seen = 0;
    for round in 0..20 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let delay = 20 + (seed >> 33) % 700;
        let mut child = Command::new(bin())
            .args(["build", "--store", store.to_str().unwrap(), corpus.to_str().unwrap()])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !store.exists() {
            continue;
        }
        let sizes = graph_sizes(&store);
        if sizes.len() < expected.len() {
            partial_seen += 1;
        }
        // The events graph is derived from the articles at the end of a
        // build; a killed build leaves the previous one, which the next
        // build brings up to date (checked below).
        for (g, n) in sizes.iter().filter(|(g, _)| g.as_str() != events_graph) {
            assert_eq!(Some(n), expected.get(g), "round {round} (killed after {delay} ms): graph {g} is half-written");
        }
    }
    // Building again completes the job.
    assert!(build(&store, &[&corpus]).status.success());
    assert_eq!(graph_sizes(&store), expected);
    eprintln!("killed 20 builds; {partial_seen} left a partial (but consistent) store");
}
