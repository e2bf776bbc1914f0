//! Input formats and the metadata and provenance they leave in the store:
//! the same article as text, JSON Lines and HTML gives the same facts;
//! `--date`; broken HTML; the build's `prov:Activity`; `--prune` with ':'
//! in paths.

use crate::support::{bin, ok};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};

/// An article written for these tests (not from the seeds).
const HEADLINE: &str = "Resistance chief holds talks in Dushanbe";
const PARAGRAPHS: &[&str] = &[
    "DUSHANBE – Ahmad Massoud, who leads the National Resistance Front, met Amrullah Saleh in the Tajik capital on Tuesday, two aides said.",
    "Massoud rejected a proposal from the Taliban to return to Kabul under guarantees, saying the offer was not serious.",
    "Separately, Amir Khan Muttaqi held talks with Ismail Khan in Tehran the same week.",
];

fn article_text() -> String {
    let mut text = String::from(HEADLINE);
    for p in PARAGRAPHS {
        text.push_str("\n\n");
        text.push_str(p);
    }
    text
}

/// The article as a news page: menus, a script, share buttons, related
/// links and a comment form around it, each naming actors that must not
/// become facts. The second paragraph is hard-wrapped in the source.
fn article_html() -> String {
    let second = PARAGRAPHS[1].replacen(" to return", "\n      to return", 1);
    format!(
        r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talks in Dushanbe | Example Tribune</title>
  <meta property="og:title" content="{HEADLINE}">
  <meta property="og:site_name" content="Example Tribune">
  <meta property="og:url" content="https://news.example.org/og-url-loses-to-canonical">
  <meta property="article:published_time" content="2022-01-11T09:15:00+04:30">
  <link rel="canonical" href="https://news.example.org/2022/01/talks-in-dushanbe">
  <script>window.teaser = "Sirajuddin Haqqani met Ahmad Massoud in Kabul.";</script>
  <style>.lead {{ font-weight: bold }}</style>
</head>
<body class="article-page comments-open">
  <header><nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav></header>
  <main>
    <article class="story">
      <h1>{HEADLINE}</h1>
      <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
      <p class="lead">{p0}</p>
      <p>{second}</p>
      <aside class="related"><h2>Related</h2><ul><li>Abdul Ghani Baradar met Ahmad Massoud in Doha.</li></ul></aside>
      <p>{p2}</p>
      <script>track("Haibatullah Akhundzada rejected an offer from Ahmad Massoud.");</script>
    </article>
    <section id="comments">
      <h2>Comments</h2>
      <div class="comment">Zabiullah Mujahid met Amrullah Saleh last year, everyone knows that.</div>
      <form action="/comment"><textarea name="body"></textarea><button>Post comment</button></form>
    </section>
  </main>
  <footer><p>Subscribe to our newsletter. Copyright Example Tribune.</p></footer>
</body>
</html>
"##,
        p0 = PARAGRAPHS[0].replace('–', "&ndash;"),
        p2 = PARAGRAPHS[2],
    )
}

fn run_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(args).env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run actorgraph")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The rows of a SELECT (values in the order of its variables, "" when
/// unbound), sorted; read from the W3C JSON results.
fn select(store: &Path, sparql: &str) -> Vec<Vec<String>> {
    let json: serde_json::Value = serde_json::from_str(&ok(&["query", "--store", path(store), "--format", "json", sparql])).unwrap();
    let vars: Vec<&str> = json["head"]["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let mut rows: Vec<Vec<String>> = json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| vars.iter().map(|v| b[*v]["value"].as_str().unwrap_or("").to_string()).collect())
        .collect();
    rows.sort();
    rows
}

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
";

/// The relation facts of every article: identifier → {(subject, predicate, object)}.
fn facts(store: &Path) -> BTreeMap<String, BTreeSet<(String, String, String)>> {
    let rows = select(
        store,
        &format!(
            "{PREFIXES}SELECT ?doc ?s ?p ?o WHERE {{ GRAPH ?g {{ ?g dcterms:identifier ?doc . ?s ?p ?o . VALUES ?p {{ ag:metWith ag:rejected ag:leads }} }} }}"
        ),
    );
    let mut out: BTreeMap<String, BTreeSet<_>> = BTreeMap::new();
    for r in rows {
        out.entry(r[0].clone()).or_default().insert((r[1].clone(), r[2].clone(), r[3].clone()));
    }
    out
}

/// One metadata value of an article, if any.
fn meta(store: &Path, identifier: &str, property: &str) -> Vec<String> {
    select(store, &format!("{PREFIXES}SELECT ?v WHERE {{ GRAPH ?g {{ ?g dcterms:identifier \"{identifier}\" ; {property} ?v }} }}"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

#[test]
fn the_same_article_as_text_json_lines_and_html_gives_the_same_facts() {
    let dir = tempfile::tempdir().unwrap();
    let text = article_text();
    std::fs::write(dir.path().join("story.txt"), &text).unwrap();
    let line = serde_json::json!({
        "id": "story-json",
        "text": text,
        "title": "Talks in Dushanbe (feed)",
        "url": "https://feed.example.org/story",
        "published": "2022-01-12",
        "source": "Example Feed",
    });
    std::fs::write(dir.path().join("feed.jsonl"), format!("{line}\n")).unwrap();
    std::fs::write(dir.path().join("story.html"), article_html()).unwrap();
    let store = dir.path().join("db");
    let out = run_with(&["build", "--store", path(&store), path(dir.path())], &[]);
    assert!(out.status.success(), "{}", stderr(&out));

    let facts = facts(&store);
    let expected: BTreeSet<(String, String, String)> = [
        ("ahmad-massoud", "metWith", "amrullah-saleh"),
        ("ahmad-massoud", "leads", "national-resistance-front"),
        ("ahmad-massoud", "rejected", "taliban"),
        ("amir-khan-muttaqi", "metWith", "ismail-khan"),
    ]
    .iter()
    .map(|(s, p, o)| {
        (
            format!("https://w3id.org/actorgraph/id/{s}"),
            format!("https://w3id.org/actorgraph/ontology#{p}"),
            format!("https://w3id.org/actorgraph/id/{o}"),
        )
    })
    .collect();
    assert_eq!(facts.keys().collect::<Vec<_>>(), ["story-json", "story.html", "story.txt"]);
    for (doc, f) in &facts {
        assert_eq!(f, &expected, "{doc}: the facts of the article (nothing from menus, scripts, related links or comments)");
    }
    // The page's text is the article's text, paragraph for paragraph.
    let strings =
        select(&store, &format!("{PREFIXES}SELECT ?doc ?t WHERE {{ GRAPH ?g {{ ?g dcterms:identifier ?doc ; nif:isString ?t }} }}"));
    assert_eq!(strings.len(), 3);
    let html_text = &strings.iter().find(|r| r[0] == "story.html").unwrap()[1];
    assert_eq!(html_text.replace("\r\n", "\n"), text, "the HTML page's main text");

    // Metadata, each from its input.
    assert_eq!(meta(&store, "story.html", "dcterms:title"), [HEADLINE]);
    assert_eq!(meta(&store, "story.html", "schema:url"), ["https://news.example.org/2022/01/talks-in-dushanbe"]);
    assert_eq!(meta(&store, "story.html", "dcterms:issued"), ["2022-01-11"]);
    assert_eq!(meta(&store, "story.html", "dcterms:publisher"), ["Example Tribune"]);
    assert_eq!(meta(&store, "story-json", "dcterms:title"), ["Talks in Dushanbe (feed)"]);
    assert_eq!(meta(&store, "story-json", "schema:url"), ["https://feed.example.org/story"]);
    assert_eq!(meta(&store, "story-json", "dcterms:issued"), ["2022-01-12"]);
    assert_eq!(meta(&store, "story-json", "dcterms:publisher"), ["Example Feed"]);
    // A text file's headline line is its title; it has no other metadata.
    assert_eq!(meta(&store, "story.txt", "dcterms:title"), [HEADLINE]);
    for p in ["schema:url", "dcterms:issued", "dcterms:publisher"] {
        assert!(meta(&store, "story.txt", p).is_empty(), "story.txt has no {p}");
    }
}

#[test]
fn html_metadata_falls_back_and_a_sentence_is_no_headline() {
    let dir = tempfile::tempdir().unwrap();
    // No og: tags: <title>, og:url-less canonical-less page, <time datetime>.
    std::fs::write(
        dir.path().join("plain.htm"),
        "<html><head><title>Talks  in\n Tehran</title><meta property=\"og:url\" content=\"https://example.net/t\"></head>\
         <body><p>Posted <time datetime=\"2021-09-07T06:00:00Z\">7 September</time></p>\
         <p>Amir Khan Muttaqi met Ismail Khan in Tehran.</p></body></html>",
    )
    .unwrap();
    // Neither og:title nor <title>: the first <h1>; a written-out date.
    std::fs::write(
        dir.path().join("h1.html"),
        "<body><h1>Massoud in Dushanbe</h1><meta name=\"date\" content=\"January 9, 2022\">\
         <p>Ahmad Massoud met Amrullah Saleh.</p></body>",
    )
    .unwrap();
    // A text file whose first line is a sentence has no title.
    std::fs::write(dir.path().join("no-headline.txt"), "Ahmad Massoud met Amrullah Saleh in Dushanbe.\n\nMore later.\n").unwrap();
    let store = dir.path().join("db");
    let out = run_with(&["build", "--store", path(&store), path(dir.path())], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(meta(&store, "plain.htm", "dcterms:title"), ["Talks in Tehran"]);
    assert_eq!(meta(&store, "plain.htm", "schema:url"), ["https://example.net/t"]);
    assert_eq!(meta(&store, "plain.htm", "dcterms:issued"), ["2021-09-07"]);
    assert_eq!(meta(&store, "h1.html", "dcterms:title"), ["Massoud in Dushanbe"]);
    assert_eq!(meta(&store, "h1.html", "dcterms:issued"), ["2022-01-09"]);
    assert!(meta(&store, "no-headline.txt", "dcterms:title").is_empty());
    let facts = facts(&store);
    assert_eq!(facts["plain.htm"].len(), 1);
    assert_eq!(facts["h1.html"].len(), 1);
}

#[test]
fn date_fills_dcterms_issued_only_where_the_input_has_none() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Ahmad Massoud met Amrullah Saleh in Dushanbe.\n").unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        concat!(
            "{\"id\": \"dated\", \"text\": \"Ahmad Massoud met Ismail Khan.\", \"published\": \"2021-12-01\"}\n",
            "{\"id\": \"undated\", \"text\": \"Amir Khan Muttaqi met Ismail Khan.\"}\n",
            "{\"id\": \"blank-date\", \"text\": \"Amir Khan Muttaqi met Ahmad Massoud.\", \"published\": \" \"}\n",
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("dated.html"),
        "<html><head><meta property=\"article:published_time\" content=\"2021-11-30\"></head><body><p>Ahmad Massoud met Ismail Khan.</p></body></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("undated.html"), "<p>Ahmad Massoud met Amir Khan Muttaqi.</p>").unwrap();
    let store = dir.path().join("db");
    let out = run_with(&["build", "--store", path(&store), "--date", "2022-02-03", path(dir.path())], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let issued =
        select(&store, &format!("{PREFIXES}SELECT ?doc ?d WHERE {{ GRAPH ?g {{ ?g dcterms:identifier ?doc ; dcterms:issued ?d }} }}"));
    let issued: Vec<(&str, &str)> = issued.iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    assert_eq!(
        issued,
        [
            ("a.txt", "2022-02-03"),
            ("blank-date", "2022-02-03"),
            ("dated", "2021-12-01"),
            ("dated.html", "2021-11-30"),
            ("undated", "2022-02-03"),
            ("undated.html", "2022-02-03"),
        ]
    );

    // Without --date, an input with no date has no dcterms:issued.
    let plain = dir.path().join("plain-db");
    assert!(run_with(&["build", "--store", path(&plain), path(dir.path())], &[]).status.success());
    assert!(meta(&plain, "a.txt", "dcterms:issued").is_empty());

    // A date that is not YYYY-MM-DD, or not in the calendar, is a usage error.
    for bad in ["2022-02-30", "3 Feb 2022", "2022-2-3", ""] {
        let db = dir.path().join("bad-db");
        let out = run_with(&["build", "--store", path(&db), "--date", bad, path(dir.path())], &[]);
        assert_eq!(out.status.code(), Some(2), "--date {bad:?}");
        assert!(stderr(&out).contains("is not a date written YYYY-MM-DD"), "--date {bad:?}: {}", stderr(&out));
        assert!(!db.exists(), "--date {bad:?}: nothing is done");
    }
}

#[test]
fn malformed_html_still_yields_text_and_garbage_is_named() {
    let dir = tempfile::tempdir().unwrap();
    // Unclosed paragraphs and inline tags, a stray end tag, an unquoted
    // attribute, an unterminated comment-free body: a browser reads it, so
    // must we.
    std::fs::write(
        dir.path().join("broken.html"),
        "<html><body><div class=x><p>Ahmad Massoud, who leads the <b>National Resistance Front</i>, met Amrullah Saleh.\
         <p>The Taliban &amp; its envoys waited.</div></span><p>Amir Khan Muttaqi held talks with Ismail Khan",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("empty-page.html"),
        "<html><head><script>var a = 'Ahmad Massoud';</script></head><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    std::fs::write(dir.path().join("image.html"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.path().join("noise.html"), "\u{1}\u{2}\u{3}<\u{5}\u{6}\u{7}p>\u{8}\u{e}\u{f}\u{10}\u{11}").unwrap();
    // Parsing time grows with the square of the nesting depth: refused.
    std::fs::write(dir.path().join("deep.html"), format!("<p>Ahmad Massoud met Amrullah Saleh.</p>{}", "<div>".repeat(100_000))).unwrap();
    std::fs::write(dir.path().join("untagged.html"), "Ahmad Massoud met Amrullah Saleh, but this file has no markup at all.").unwrap();
    let store = dir.path().join("db");
    let out = run_with(&["build", "--store", path(&store), path(dir.path())], &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("empty-page.html: no article text in the HTML page"), "{err}");
    assert!(err.contains("image.html: binary file (PNG image)"), "{err}");
    assert!(err.contains("noise.html: not an HTML page"), "{err}");
    assert!(err.contains("untagged.html: not an HTML page: no HTML tags"), "{err}");
    assert!(err.contains("deep.html: not an article page: elements nested about 100000 deep"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let facts = facts(&store);
    assert_eq!(facts.keys().collect::<Vec<_>>(), ["broken.html"]);
    let names: BTreeSet<String> =
        facts["broken.html"].iter().map(|(s, p, o)| format!("{s} {p} {o}").replace("https://w3id.org/actorgraph/", "")).collect();
    assert!(names.contains("id/ahmad-massoud ontology#leads id/national-resistance-front"), "{names:?}");
    assert!(names.contains("id/ahmad-massoud ontology#metWith id/amrullah-saleh"), "{names:?}");
    assert!(names.contains("id/amir-khan-muttaqi ontology#metWith id/ismail-khan"), "{names:?}");
    let text = select(&store, &format!("{PREFIXES}SELECT ?t WHERE {{ GRAPH ?g {{ ?g nif:isString ?t }} }}"));
    assert!(text[0][0].contains("The Taliban & its envoys waited."), "entities decoded: {:?}", text[0][0]);
}

#[test]
fn each_build_is_a_provenance_activity_that_its_documents_point_to() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.html"));
    std::fs::write(&a, "Ahmad Massoud met Amrullah Saleh in Dushanbe.\n").unwrap();
    std::fs::write(&b, "<p>Amir Khan Muttaqi met Ismail Khan in Tehran.</p>").unwrap();
    let store = dir.path().join("db");
    // 2022-01-10T08:30:00Z, fixed as reproducible builds do.
    let epoch = [("SOURCE_DATE_EPOCH", "1641803400")];
    let out = run_with(&["build", "--store", path(&store), path(&a), path(&b)], &epoch);
    assert!(out.status.success(), "{}", stderr(&out));

    let run1 = "https://w3id.org/actorgraph/run/20220110T083000Z";
    let activities = |store: &Path| {
        select(
            store,
            &format!(
                "{PREFIXES}SELECT ?a ?start ?end ?tool ?onto ?dt WHERE {{ GRAPH <https://w3id.org/actorgraph/graph/provenance> {{
                   ?a a prov:Activity , ag:Build ; prov:startedAtTime ?start ; prov:endedAtTime ?end ;
                      ag:toolVersion ?tool ; ag:ontologyVersion ?onto ; prov:used <https://w3id.org/actorgraph/ontology> .
                   BIND(DATATYPE(?end) AS ?dt) }} }}"
            ),
        )
    };
    // The ontology's version as the store holds it.
    let onto = select(&store, &format!("{PREFIXES}SELECT ?v WHERE {{ <https://w3id.org/actorgraph/ontology> owl:versionInfo ?v }}"));
    let onto = onto[0][0].clone();
    let tool = env!("CARGO_PKG_VERSION");
    let xsd_dt = "http://www.w3.org/2001/XMLSchema#dateTime";
    assert_eq!(
        activities(&store),
        [vec![
            run1.to_string(),
            "2022-01-10T08:30:00Z".into(),
            "2022-01-10T08:30:00Z".into(),
            tool.to_string(),
            onto.clone(),
            xsd_dt.to_string()
        ]]
    );
    let generated = |store: &Path| {
        select(store, &format!("{PREFIXES}SELECT ?doc ?a WHERE {{ GRAPH ?g {{ ?g dcterms:identifier ?doc ; prov:wasGeneratedBy ?a }} }}"))
    };
    assert_eq!(generated(&store), [vec!["a.txt".to_string(), run1.into()], vec!["b.html".to_string(), run1.into()]]);

    // A build on the clock: a new activity, with its real times; only the
    // rebuilt document points to it.
    let before = std::time::SystemTime::now();
    let out = run_with(&["build", "--store", path(&store), path(&a)], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let acts = activities(&store);
    assert_eq!(acts.len(), 2, "{acts:?}");
    let run2 = acts.iter().find(|r| r[0] != run1).unwrap();
    assert!(run2[0].starts_with("https://w3id.org/actorgraph/run/"), "{run2:?}");
    let year = before.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 31_557_600 + 1970;
    assert!(run2[1].starts_with(&year.to_string()) && run2[1].ends_with('Z'), "{run2:?}");
    assert!(run2[1] <= run2[2], "started before it ended: {run2:?}");
    assert_eq!((run2[3].as_str(), run2[4].as_str(), run2[5].as_str()), (tool, onto.as_str(), xsd_dt));
    assert_eq!(generated(&store), [vec!["a.txt".to_string(), run2[0].clone()], vec!["b.html".to_string(), run1.into()]]);
    let count = |store: &Path, sparql: &str| select(store, &format!("{PREFIXES}{sparql}"))[0][0].parse::<usize>().unwrap();
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d prov:wasGeneratedBy ?a } }"), 2, "one link per document");

    // Removing a document removes its link; the activities stay.
    assert!(run_with(&["remove", "--store", path(&store), "b.html"], &[]).status.success());
    assert_eq!(generated(&store), [vec!["a.txt".to_string(), run2[0].clone()]]);
    assert_eq!(activities(&store).len(), 2);

    // A build that writes no document records no activity.
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "").unwrap();
    let out = run_with(&["build", "--store", path(&store), path(&bad)], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(activities(&store).len(), 2);
    // No blank nodes anywhere.
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) } }"), 0);

    // A SOURCE_DATE_EPOCH that is not a number of seconds is refused.
    let out = run_with(&["build", "--store", path(&dir.path().join("x")), path(&a)], &[("SOURCE_DATE_EPOCH", "yesterday")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("SOURCE_DATE_EPOCH=\"yesterday\" is not a number of seconds"), "{}", stderr(&out));
}

#[test]
fn prune_keeps_a_skipped_input_whose_path_holds_a_colon() {
    let dir = tempfile::tempdir().unwrap();
    // Both the folder and the file names hold ':', as "path:line" does.
    let corpus = dir.path().join("feeds:2022");
    std::fs::create_dir(&corpus).unwrap();
    let kept = corpus.join("talks:1.txt");
    std::fs::write(&kept, "Ahmad Massoud met Amrullah Saleh in Dushanbe.\n").unwrap();
    std::fs::write(corpus.join("gone:2.txt"), "Amir Khan Muttaqi met Ismail Khan in Tehran.\n").unwrap();
    std::fs::write(corpus.join("stays.txt"), "The Taliban is led by Haibatullah Akhundzada.\n").unwrap();
    let store = dir.path().join("db");
    assert!(run_with(&["build", "--store", path(&store), path(&corpus)], &[]).status.success());
    assert_eq!(facts(&store).keys().collect::<Vec<_>>(), ["gone:2.txt", "stays.txt", "talks:1.txt"]);

    // talks:1.txt becomes unreadable (binary): skipped, so still present;
    // gone:2.txt is deleted: pruned.
    std::fs::write(&kept, b"%PDF-1.7 not an article").unwrap();
    std::fs::remove_file(corpus.join("gone:2.txt")).unwrap();
    let out = run_with(&["build", "--store", path(&store), "--prune", path(&corpus)], &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("talks:1.txt: binary file (PDF)"), "{err}");
    assert!(err.contains("pruned 1 article(s)"), "{err}");
    assert_eq!(facts(&store).keys().collect::<Vec<_>>(), ["stays.txt", "talks:1.txt"]);
}
