//! The command line, run as a user runs it.

use crate::support::{bin, ok, root, run};
use std::io::Write;
use std::process::{Command, Stdio};

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn builds_the_sample_corpus_and_answers_bundled_queries() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let store = store.to_str().unwrap();
    let out = run(&["build", "--store", store, root().join("corpus").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stderr(&out);
    assert!(summary.contains("built 5 documents"), "{summary}");
    for name in ["met-with", "rejected", "leaders", "evidence", "actors", "articles"] {
        let csv = ok(&["query", "--store", store, name, "--format", "csv"]);
        assert!(csv.lines().count() > 1, "{name} returned no rows");
    }
    let leaders = ok(&["query", "--store", store, "leaders", "--format", "tsv"]);
    assert!(leaders.contains("\"Ahmad Massoud\"\t\"National Resistance Front\""), "{leaders}");
    // A .rq file path works like a name.
    let q = root().join("queries/met-with.rq");
    assert_eq!(
        ok(&["query", "--store", store, q.to_str().unwrap(), "--format", "csv"]),
        ok(&["query", "--store", store, "met-with", "--format", "csv"])
    );
    // W3C formats that other tools read.
    let json: serde_json::Value = serde_json::from_str(&ok(&["query", "--store", store, "leaders", "--format", "json"])).unwrap();
    assert!(json["results"]["bindings"].as_array().is_some_and(|b| !b.is_empty()));
    assert!(ok(&["query", "--store", store, "leaders", "--format", "xml"]).contains("<sparql"));
    assert_eq!(
        ok(&["query", "--store", store, "ASK { ?a <https://w3id.org/actorgraph/ontology#leads> ?b }", "--format", "csv"]).trim(),
        "true"
    );
    let table = ok(&["query", "--store", store, "leaders", "--format", "table"]);
    assert!(table.lines().nth(1).is_some_and(|l| l.starts_with("---")), "{table}");
    let turtle = ok(&[
        "query",
        "--store",
        store,
        "CONSTRUCT { ?a <https://w3id.org/actorgraph/ontology#leads> ?b } WHERE { ?a <https://w3id.org/actorgraph/ontology#leads> ?b }",
    ]);
    assert!(turtle.contains("ag:leads"), "{turtle}");
}

#[test]
fn user_errors_are_one_clear_line_and_a_nonzero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let store = store.to_str().unwrap();
    let doc = write(dir.path(), "a.txt", "Ahmad Massoud met Ismail Khan in Tehran.\n");
    ok(&["build", "--store", store, &doc]);

    let out = run(&["query", "--store", store, "no-such-query"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown query name 'no-such-query'") && err.contains("met-with"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let out = run(&["query", "--store", store, "SELECT ?x WHERE { ?x ?y }"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("invalid SPARQL") && err.contains("1:"), "position of the error: {err}");

    let out = run(&["query", "--store", dir.path().join("nothing").to_str().unwrap(), "met-with"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no store here"), "{}", stderr(&out));

    let out = run(&["build", "--store", &doc, &doc]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a file, not a store folder"), "{}", stderr(&out));

    let out = run(&["build", "--store", store, dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "nothing ingested");
    assert!(stderr(&out).contains("missing.txt: no such file or folder"), "{}", stderr(&out));

    let out = run(&["build", "--store", store, &doc, dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some inputs skipped");
    for out in [run(&["build"]), run(&["frobnicate"])] {
        assert_eq!(out.status.code(), Some(2));
        assert!(!stderr(&out).contains("panicked"));
    }
}

#[test]
fn evidence_offsets_count_characters_not_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let store = store.to_str().unwrap();
    // Multi-byte characters before and inside the sentence.
    let text = "Ça va — “résumé” ✓ 🇦🇫.\n\nDans Tehran, Ahmad Massoud – l’émir – and Ismail Khan met with Amir Khan Muttaqi ✓.\n";
    let doc = write(dir.path(), "utf8.txt", text);
    ok(&["build", "--store", store, &doc]);
    let q = "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
             SELECT ?b ?e ?a WHERE { ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?a }";
    let out = ok(&["query", "--store", store, q, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = json["results"]["bindings"].as_array().unwrap();
    assert!(!rows.is_empty(), "no evidence");
    let chars: Vec<char> = text.chars().collect();
    for r in rows {
        let b: usize = r["b"]["value"].as_str().unwrap().parse().unwrap();
        let e: usize = r["e"]["value"].as_str().unwrap().parse().unwrap();
        let anchor = r["a"]["value"].as_str().unwrap();
        let slice: String = chars[b..e].iter().collect();
        assert_eq!(slice, anchor);
        assert!(anchor.starts_with("Dans Tehran"));
    }
}

#[test]
fn reads_stdin_and_builds_again_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let store = store.to_str().unwrap();
    let mut child =
        Command::new(bin()).args(["build", "--store", store, "-"]).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(b"The Taliban is led by Haibatullah Akhundzada.\n").unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let csv = ok(&["query", "--store", store, "leaders", "--format", "csv"]);
    assert!(csv.contains("Haibatullah Akhundzada,Taliban"), "{csv}");
    // An edited document replaces its graph: the old fact is gone.
    let a = write(dir.path(), "a.txt", "Ahmad Massoud met Ismail Khan in Tehran.\n");
    ok(&["build", "--store", store, &a]);
    write(dir.path(), "a.txt", "Ahmad Massoud met Amrullah Saleh in Dushanbe.\n");
    ok(&["build", "--store", store, &a]);
    let met = ok(&["query", "--store", store, "met-with", "--format", "csv"]);
    assert!(met.contains("Amrullah Saleh") && !met.contains("Ismail Khan"), "{met}");
}

#[test]
fn a_user_gazetteer_replaces_the_builtin_one() {
    let dir = tempfile::tempdir().unwrap();
    let onto = dir.path().join("onto");
    std::fs::create_dir(&onto).unwrap();
    let head = "@prefix ag: <https://w3id.org/actorgraph/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix x: <https://example.org/x/> .\n";
    std::fs::write(onto.join("gazetteer.ttl"), format!("{head}x:ana a ag:Person ; skos:prefLabel \"Ana Velasquez\" ; skos:altLabel \"Velasquez\" .\nx:mfl a ag:Organization ; skos:prefLabel \"Marsh Freedom League\" ; skos:altLabel \"MFL\" .\n")).unwrap();
    let doc = write(dir.path(), "n.txt", "The MFL is led by Ana Velasquez.\n");
    let out = ok(&["extract", "--ontology", onto.to_str().unwrap(), &doc]);
    assert!(out.contains("<https://example.org/x/ana> <https://w3id.org/actorgraph/ontology#leads> <https://example.org/x/mfl>"), "{out}");

    // A broken file is reported with file, line and column.
    std::fs::write(onto.join("gazetteer.ttl"), format!("{head}x:ana a ag:Person ;\n  skos:prefLabel \"Ana\" \n  skos:altLabel \"A\" .\n"))
        .unwrap();
    let out = run(&["extract", "--ontology", onto.to_str().unwrap(), &doc]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("gazetteer.ttl:6:"), "file:line:column in {err}");

    // An alias claimed by two entities names both.
    std::fs::write(onto.join("gazetteer.ttl"), format!("{head}x:a a ag:Person ; skos:prefLabel \"Ana Velasquez\" ; skos:altLabel \"Velasquez\" .\nx:b a ag:Person ; skos:prefLabel \"Bruno Velasquez\" ; skos:altLabel \"Velasquez\" .\n")).unwrap();
    let err = stderr(&run(&["extract", "--ontology", onto.to_str().unwrap(), &doc]));
    assert!(err.contains("https://example.org/x/a") && err.contains("https://example.org/x/b") && err.contains("Velasquez"), "{err}");
}

#[test]
fn eval_scores_the_corpus_in_text_and_json() {
    let c = root().join("corpus");
    let (gold, mentions) = (c.join("gold.tsv"), c.join("mentions.tsv"));
    let args = ["eval", "--gold", gold.to_str().unwrap(), "--mentions", mentions.to_str().unwrap(), c.to_str().unwrap()];
    let text = ok(&args);
    assert!(text.contains("facts     P=") && text.contains("mentions  P="), "{text}");
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&json_args)).unwrap();
    assert_eq!(json["documents"], 5);
    let f1 = json["explicit"]["f1"].as_f64().unwrap();
    assert!(f1 > 0.5, "explicit F1 on the sample corpus: {f1}");
    // Every right and wrong fact is counted under the rule that made it.
    let by_rule = json["by_rule"].as_object().expect("by_rule");
    let count = |key: &str| by_rule.values().map(|c| c[key].as_u64().unwrap()).sum::<u64>();
    assert!(by_rule.contains_key("meet-verb-object"), "{by_rule:?}");
    assert!(count("right") >= json["facts"]["tp"].as_u64().unwrap(), "{by_rule:?}");
    assert!(count("wrong") >= json["facts"]["fp"].as_u64().unwrap(), "{by_rule:?}");
    assert!(text.contains("rule meet-verb-object: "), "{text}");

    // A fact the gold lacks is wrong, and names the rule that made it.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Ahmad Massoud met Ismail Khan in Tehran on Sunday.\n").unwrap();
    let empty_gold = dir.path().join("gold.tsv");
    std::fs::write(&empty_gold, "doc\tsubject\tpredicate\tobject\tkind\tnote\n").unwrap();
    let empty_mentions = dir.path().join("mentions.tsv");
    std::fs::write(&empty_mentions, "doc\tentity\n").unwrap();
    let (g, m, a) = (empty_gold.to_str().unwrap(), empty_mentions.to_str().unwrap(), article.to_str().unwrap());
    let json: serde_json::Value = serde_json::from_str(&ok(&["eval", "--gold", g, "--mentions", m, a, "--format", "json"])).unwrap();
    assert_eq!(json["spurious"][0]["rules"], serde_json::json!(["meet-verb-object"]), "{json}");
    assert_eq!(json["by_rule"]["meet-verb-object"], serde_json::json!({"right": 0, "wrong": 1}), "{json}");
    assert!(ok(&["eval", "--gold", g, "--mentions", m, a]).contains("(rule meet-verb-object)"));
}

#[test]
fn extract_writes_quads_that_parse() {
    let out = ok(&["extract", root().join("corpus").to_str().unwrap(), "--format", "nquads"]);
    let n = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(out.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .expect("quads parse")
        .len();
    assert!(n > 100);
    let graphs: std::collections::BTreeSet<&str> = out.lines().filter_map(|l| l.rsplit(' ').nth(1)).collect();
    assert_eq!(graphs.len(), 5, "one graph per article");
}

#[test]
fn extract_then_load_gives_the_quads_build_stores() {
    let Some(seeds) = crate::support::seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    ok(&["build", "--store", store.to_str().unwrap(), seeds.to_str().unwrap()]);
    let built = ok(&["export", "--store", store.to_str().unwrap(), "--format", "nquads"]);
    // The stateless mapper's output, loaded into an empty store.
    let extracted = ok(&["extract", seeds.to_str().unwrap(), "--format", "nquads"]);
    let loaded = oxigraph::store::Store::new().unwrap();
    loaded.load_from_slice(oxigraph::io::RdfFormat::NQuads, extracted.as_bytes()).unwrap();
    let mut from_extract: Vec<String> = loaded.iter().map(|q| q.unwrap().to_string()).collect();
    from_extract.sort();
    // `build` also stores the ontology graph, its provenance (the activity,
    // and each article's link to it) and the events merged across articles;
    // the articles' graphs must match.
    let mut from_build: Vec<String> = built
        .lines()
        .filter(|l| !l.ends_with("<https://w3id.org/actorgraph/graph/ontology> ."))
        .filter(|l| !l.ends_with("<https://w3id.org/actorgraph/graph/provenance> ."))
        .filter(|l| !l.contains(" <http://www.w3.org/ns/prov#wasGeneratedBy> "))
        .filter(|l| !l.ends_with("<https://w3id.org/actorgraph/graph/events> ."))
        .map(|l| l.trim_end_matches(" .").to_string())
        .collect();
    from_build.sort();
    assert_eq!(from_extract.len(), from_build.len());
    assert_eq!(from_extract, from_build);
}

#[test]
fn a_progress_bar_on_a_terminal_and_none_in_a_pipe() {
    let Ok(script) = which("script") else {
        assert!(std::env::var_os("CI").is_none(), "`script` (util-linux) is missing, and CI is set");
        eprintln!("notice: `script` not found; skipping the pseudo-terminal check");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..3000 {
        std::fs::write(corpus.join(format!("{i:04}.txt")), format!("Article {i}.\n\nAhmad Massoud met Ismail Khan in Tehran.\n")).unwrap();
    }
    let cmd = format!("{} build --store {} {}", bin().display(), dir.path().join("tty.db").display(), corpus.display());
    // `script` runs the command under a pseudo-terminal and copies what it drew.
    let out = Command::new(script).args(["-q", "-e", "-c", &cmd, "/dev/null"]).output().unwrap();
    let tty = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{tty}");
    assert!(tty.contains("inputs") && tty.contains("MB/s"), "no progress bar on a terminal: {tty}");
    // In a pipe: only the summary line.
    let piped = run(&["build", "--store", dir.path().join("pipe.db").to_str().unwrap(), corpus.to_str().unwrap()]);
    let err = stderr(&piped);
    assert!(!err.contains("MB/s") && err.lines().count() == 1, "{err}");
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH").and_then(|paths| std::env::split_paths(&paths).map(|p| p.join(name)).find(|p| p.is_file())).ok_or(())
}

#[test]
fn min_confidence_keeps_only_the_surest_facts() {
    let dir = tempfile::tempdir().unwrap();
    // One explicit fact, and one that needs a pronoun resolved (lower confidence).
    let a = write(
        dir.path(),
        "a.txt",
        "Ahmad Massoud met Ismail Khan in Dushanbe on Monday.\n\nAmir Khan Muttaqi flew to Tehran on Tuesday. He rejected the NRF's demands.\n",
    );
    let store = dir.path().join("db");
    let s = store.to_str().unwrap();
    ok(&["build", "--store", s, &a]);
    let rows = |extra: &[&str]| -> Vec<(String, f64)> {
        let mut args = vec!["query", "--store", s, "--format", "csv", "facts"];
        args.extend_from_slice(extra);
        let out = ok(&args);
        out.lines()
            .skip(1)
            .map(|l| {
                let c: Vec<&str> = l.split(',').collect();
                (format!("{} {} {}", c[1], c[2], c[3]), c[4].parse().unwrap())
            })
            .collect()
    };
    let all = rows(&[]);
    assert!(all.iter().any(|(f, c)| f == "Amir Khan Muttaqi rejected National Resistance Front" && *c < 0.8), "{all:?}");
    assert!(all.iter().any(|(f, c)| f == "Ahmad Massoud metWith Ismail Khan" && *c >= 0.8), "{all:?}");
    let sure = rows(&["--min-confidence", "0.8"]);
    assert!(!sure.is_empty() && sure.len() < all.len(), "{sure:?}");
    assert!(sure.iter().all(|(_, c)| *c >= 0.8), "{sure:?}");
    // A query with no ?confidence cannot be filtered on it.
    let out = run(&["query", "--store", s, "met-with", "--min-confidence", "0.8"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a query that selects ?confidence"), "{}", stderr(&out));
}

#[test]
fn suggest_drafts_a_gazetteer_that_build_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    // Invented actors only: none is in the built-in gazetteer, so every one
    // must be discovered.
    write(&articles, "a.txt", "Zorvan Council chief Elin Marsk met Tovar Quill, the head of the Northern Alliance, in Vask on Monday.\n");
    write(&articles, "b.txt", "Elin Marsk rejected a proposal from Tovar Quill on Friday, the Zorvan Council said.\n");
    let out = run(&["suggest", articles.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ttl = String::from_utf8(out.stdout.clone()).unwrap();
    // Most-named first, each with its class and article count.
    let marsk = ttl.find("skos:prefLabel \"Elin Marsk\"").expect(&ttl);
    let guild = ttl.find("skos:prefLabel \"Northern Alliance\"").expect(&ttl);
    assert!(marsk < guild, "actors named in two articles come before those named in one:\n{ttl}");
    assert!(ttl.contains("id:elin-marsk a ag:Person"), "{ttl}");
    assert!(ttl.contains("id:zorvan-council a ag:Organization"), "{ttl}");
    assert!(ttl.contains("discovered; named in 2 of 2 articles"), "{ttl}");
    assert!(stderr(&out).contains("from 2 articles"), "{}", stderr(&out));
    // The draft is a gazetteer: a build with it as --ontology finds the same
    // actors as listed ones, and the relations between them.
    let onto = dir.path().join("onto");
    std::fs::create_dir(&onto).unwrap();
    std::fs::write(onto.join("gazetteer.ttl"), &ttl).unwrap();
    let store = dir.path().join("store");
    let built = run(&["--ontology", onto.to_str().unwrap(), "build", "--store", store.to_str().unwrap(), articles.to_str().unwrap()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let rows = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv", "rejected"]);
    assert!(rows.contains("Elin Marsk") && rows.contains("Tovar Quill"), "{rows}");
    let listed = ok(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "csv",
        "SELECT ?e WHERE { ?e <https://w3id.org/actorgraph/ontology#discovered> true }",
    ]);
    assert!(!listed.contains("elin-marsk"), "a listed actor is no longer discovered: {listed}");
}

#[test]
fn suggest_without_readable_articles_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["suggest", dir.path().join("missing.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
}

#[test]
fn an_acronym_in_brackets_is_an_alt_label_of_the_discovered_organization() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Ismail Khan met the Popular Unity Movement (HBY) in Herat on Monday. Hamid Noori met the HBY on Tuesday.\n")
        .unwrap();
    let quads = ok(&["extract", "--format", "nquads", article.to_str().unwrap()]);
    let movement = "<https://w3id.org/actorgraph/id/discovered/popular-unity-movement>";
    assert!(quads.contains(&format!("{movement} <http://www.w3.org/2004/02/skos/core#altLabel> \"HBY\"")), "{quads}");
    assert!(!quads.contains("id/discovered/hby>"), "the acronym is no second actor: {quads}");
    // The draft gazetteer keeps it as a name variant.
    let draft = ok(&["suggest", article.to_str().unwrap()]);
    assert!(draft.contains("skos:altLabel \"HBY\""), "{draft}");
}
