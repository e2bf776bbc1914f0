//! The graph exports (GraphML, GEXF, Cytoscape JSON, DOT, HTML) checked
//! with the programs that read them, and the SPARQL endpoint served by
//! Oxigraph's own server, on stores built from `corpus/` and, when present,
//! `../shared/seeds`.
//!
//! The consumers (python3 with networkx, Graphviz's dot, node with the
//! packages of tests/visual-js, Debian's chromium, the `oxigraph` server from
//! PyPI, curl) are installed by `.ci/run`. When one is missing a test fails
//! if CI is set, and otherwise skips with a notice.
//!
//! `ACTORGRAPH_SCREENSHOT=docs/seed-graph.png cargo test --release --test it
//! visual::the_html_view` refreshes the README's screenshot of the seed graph.

use crate::support::{ok, root, run, seeds};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use tempfile::TempDir;

const FORMATS: &[&str] = &["graphml", "gexf", "cytoscape", "dot", "html"];

/// Skips (returns true) or, in CI, fails.
fn missing(what: &str) -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing, and CI is set");
    }
    eprintln!("notice: {what} not found; skipping a test that needs it");
    true
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program).args(args).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

fn js_dir() -> PathBuf {
    root().join("tests/visual-js")
}

fn have_node_packages() -> bool {
    if !runs("node", &["--version"]) {
        return !missing("node");
    }
    for p in ["cytoscape", "playwright-core"] {
        if !js_dir().join("node_modules").join(p).is_dir() {
            return !missing(&format!("tests/visual-js/node_modules/{p} (npm ci --prefix tests/visual-js)"));
        }
    }
    true
}

fn chromium() -> Option<String> {
    let path = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string());
    if Path::new(&path).is_file() {
        Some(path)
    } else {
        missing(&format!("chromium ({path})"));
        None
    }
}

/// A store built from `inputs` in a temporary folder.
struct Built {
    name: String,
    _dir: TempDir,
    store: PathBuf,
}

impl Built {
    fn new(name: &str, inputs: &[&Path]) -> Built {
        let dir = tempfile::tempdir().unwrap();
        let store = dir.path().join("db");
        let mut args = vec!["build".to_string(), "--store".to_string(), store.display().to_string()];
        args.extend(inputs.iter().map(|p| p.display().to_string()));
        let out = Command::new(crate::support::bin()).args(&args).output().unwrap();
        assert!(out.status.success(), "build {name} failed: {}", String::from_utf8_lossy(&out.stderr));
        Built { name: name.to_string(), _dir: dir, store }
    }

    fn s(&self) -> &str {
        self.store.to_str().unwrap()
    }

    /// A single number from a `SELECT (COUNT(...) AS ?n)` query.
    fn count(&self, sparql: &str) -> usize {
        let text = format!("{PREFIXES}{sparql}");
        let csv = ok(&["query", "--store", self.s(), "--format", "csv", &text]);
        csv.lines().nth(1).unwrap_or_default().trim().parse().unwrap_or_else(|_| panic!("not a count: {csv}"))
    }

    /// Actors named by at least one article.
    fn actors(&self) -> usize {
        self.count("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?d { ?d schema:mentions ?a } }")
    }

    /// Distinct relation triples, optionally of one predicate and with a
    /// minimum number of articles.
    fn relations(&self, predicate: Option<&str>, min_support: usize) -> usize {
        let values = match predicate {
            Some(p) => format!("ag:{p}"),
            None => "ag:metWith ag:rejected ag:leads ag:memberOf ag:childOf".to_string(),
        };
        self.count(&format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT ?s ?p ?o WHERE {{ GRAPH ?d {{ ?d a ag:Article . ?s ?p ?o . VALUES ?p {{ {values} }} }} }}
             GROUP BY ?s ?p ?o HAVING (COUNT(DISTINCT ?d) >= {min_support}) }}"
        ))
    }

    fn articles(&self) -> usize {
        self.count("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a ag:Article } }")
    }

    fn mentions(&self) -> usize {
        self.count("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?d ?a WHERE { GRAPH ?d { ?d schema:mentions ?a } } }")
    }

    /// Exports `format` with `extra` options into a file; returns its path.
    fn export(&self, dir: &Path, format: &str, extra: &[&str]) -> PathBuf {
        let tag: String = extra.concat().chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        let path = dir.join(format!("{}{}{tag}.{format}", self.name, if tag.is_empty() { "" } else { "-" }));
        let mut args = vec!["export", "--store", self.s(), "--format", format, "-o", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        ok(&args);
        path
    }
}

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX schema: <http://schema.org/>
";

/// The stores the consumer tests run on: corpus/ and, when present, the seeds.
fn stores() -> Vec<Built> {
    let mut v = vec![Built::new("corpus", &[&root().join("corpus")])];
    if let Some(seeds) = seeds() {
        v.push(Built::new("seeds", &[&seeds]));
    }
    v
}

const INJECTED_SENTENCE: &str = "Ahmad Massoud met Amir Khan Muttaqi in Tehran on Sunday <script>window.__pwned = 1; document.title = \"pwned\"</script> and \"><img src=x onerror=\"window.__pwned2=1\"> officials said.";

/// A store from one article whose headline and sentences carry markup.
fn injected() -> (Built, TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let text = format!(
        "Talks <b>in</b> Kabul <script>window.__pwned=1</script>\n\n{INJECTED_SENTENCE}\n\nThe National Resistance Front is led by Ahmad Massoud.\n"
    );
    std::fs::write(input.join("inject<b>&.txt"), text).unwrap();
    (Built::new("injected", &[&input]), dir)
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn graph_exports_hold_the_store_counts_and_are_byte_identical() {
    let out = tempfile::tempdir().unwrap();
    for b in stores() {
        let (actors, relations) = (b.actors(), b.relations(None, 1));
        assert!(actors > 0 && relations > 0, "{}: empty store", b.name);
        for format in FORMATS {
            let first = std::fs::read(b.export(out.path(), format, &[])).unwrap();
            let again = ok(&["export", "--store", b.s(), "--format", format]);
            assert_eq!(first, again.as_bytes(), "{} {format}: two exports differ", b.name);
        }
        // Counts through serde_json on the Cytoscape JSON; the consumer
        // tests check the other formats.
        let cy = |extra: &[&str]| {
            let mut args = vec!["export", "--store", b.s(), "--format", "cytoscape"];
            args.extend_from_slice(extra);
            let v = json(&ok(&args));
            (v["elements"]["nodes"].as_array().unwrap().len(), v["elements"]["edges"].as_array().unwrap().len())
        };
        assert_eq!(cy(&[]), (actors, relations), "{}: nodes and edges", b.name);
        assert_eq!(cy(&["--predicates", "metWith"]).1, b.relations(Some("metWith"), 1), "{}", b.name);
        assert_eq!(cy(&["--predicates", "rejected,leads"]).1, b.relations(Some("rejected"), 1) + b.relations(Some("leads"), 1));
        assert_eq!(cy(&["--min-support", "2"]).1, b.relations(None, 2), "{}: --min-support 2", b.name);
        assert_eq!(cy(&["--with-articles"]), (actors + b.articles(), relations + b.mentions()), "{}: --with-articles", b.name);
        assert_eq!(cy(&["--with-articles", "--predicates", "mentions"]), (actors + b.articles(), b.mentions()), "{}: bipartite", b.name);
        // The HTML view's embedded data: the same network, and a legend of
        // the kept predicates only.
        let html = ok(&["export", "--store", b.s(), "--format", "html", "--predicates", "metWith"]);
        let data = embedded_data(&html);
        assert_eq!(data["nodes"].as_array().unwrap().len(), actors);
        assert_eq!(data["edges"].as_array().unwrap().len(), b.relations(Some("metWith"), 1));
        assert_eq!(data["predicates"], serde_json::json!(["metWith"]));
    }
}

/// The JSON the HTML view embeds in `<script type="application/json">`.
fn embedded_data(html: &str) -> serde_json::Value {
    let start = html.find(r#"id="graph-data">"#).expect("no graph-data element") + r#"id="graph-data">"#.len();
    let end = start + html[start..].find("</script>").unwrap();
    json(&html[start..end])
}

#[test]
fn escaping_helpers() {
    use actorgraph::output::visual::{dot_string, html_safe_json};
    let s = html_safe_json(&["</script><img src=x onerror=alert(1)>&\u{2028}"]).unwrap();
    assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{s}");
    let back: Vec<String> = serde_json::from_str(&s).unwrap();
    assert_eq!(back[0], "</script><img src=x onerror=alert(1)>&\u{2028}");
    assert_eq!(dot_string(r#"a "b" \N"#), r#""a \"b\" \\N""#);
    assert_eq!(dot_string("x\ny"), r#""x\ny""#);
}

#[test]
fn graph_export_options_are_checked() {
    let b = Built::new("corpus", &[&root().join("corpus")]);
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.graphml");
    let out = run(&["export", "--store", b.s(), "--format", "graphml", "--predicates", "metWith,knows", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown predicate 'knows'") && err.contains("metWith"), "{err}");
    assert!(!target.exists(), "a failed export left a file");
    let out = run(&["export", "--store", b.s(), "--format", "turtle", "--min-support", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("graph formats"));
    let out = run(&["export", "--store", b.s(), "--format", "gexf", "--predicates", "mentions"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--with-articles"));
}

const NETWORKX: &str = r#"
import json, sys
import networkx as nx
out = {}
for path in sys.argv[1:]:
    g = nx.read_graphml(path) if path.endswith(".graphml") else nx.read_gexf(path)
    edges = list(g.edges(data=True))
    out[path] = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "labels": sorted(str(d.get("label", "")) for _, d in g.nodes(data=True)),
        "evidence": [str(d.get("evidence", "")) for _, _, d in edges],
        "support": sum(int(d.get("support", 0)) for _, _, d in edges),
    }
print(json.dumps(out))
"#;

fn have_networkx() -> bool {
    if runs("python3", &["-c", "import networkx"]) {
        true
    } else {
        !missing("python3 with networkx (pip install networkx)")
    }
}

fn networkx(files: &[&Path]) -> serde_json::Value {
    let mut cmd = Command::new("python3");
    cmd.arg("-c").arg(NETWORKX).args(files);
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "networkx failed: {}", String::from_utf8_lossy(&out.stderr));
    json(&String::from_utf8(out.stdout).unwrap())
}

#[test]
fn networkx_reads_graphml_and_gexf_with_the_store_counts() {
    if !have_networkx() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for b in stores() {
        let plain = [b.export(dir.path(), "graphml", &[]), b.export(dir.path(), "gexf", &[])];
        let articles = [b.export(dir.path(), "graphml", &["--with-articles"]), b.export(dir.path(), "gexf", &["--with-articles"])];
        let all: Vec<&Path> = plain.iter().chain(&articles).map(|p| p.as_path()).collect();
        let r = networkx(&all);
        for p in &plain {
            let g = &r[p.to_str().unwrap()];
            assert_eq!(g["nodes"], b.actors(), "{}: nodes of {}", b.name, p.display());
            assert_eq!(g["edges"], b.relations(None, 1), "{}: edges of {}", b.name, p.display());
        }
        for p in &articles {
            let g = &r[p.to_str().unwrap()];
            assert_eq!(g["nodes"], b.actors() + b.articles(), "{}: {}", b.name, p.display());
            assert_eq!(g["edges"], b.relations(None, 1) + b.mentions(), "{}: {}", b.name, p.display());
        }
    }
    // Markup in article text is data: it comes back unchanged.
    let (b, _keep) = injected();
    let files = [b.export(dir.path(), "graphml", &["--with-articles"]), b.export(dir.path(), "gexf", &["--with-articles"])];
    let r = networkx(&[&files[0], &files[1]]);
    for f in &files {
        let g = &r[f.to_str().unwrap()];
        let evidence = g["evidence"].as_array().unwrap();
        assert!(evidence.iter().any(|e| e.as_str().unwrap().contains(INJECTED_SENTENCE)), "{}: {evidence:?}", f.display());
        let labels = g["labels"].as_array().unwrap();
        assert!(labels.iter().any(|l| l == "Talks <b>in</b> Kabul <script>window.__pwned=1</script>"), "{labels:?}");
    }
}

#[test]
fn graphviz_renders_the_dot_without_warnings() {
    if !runs("dot", &["-V"]) && missing("Graphviz dot (apt-get install graphviz)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (inj, _keep) = injected();
    let mut all = stores();
    all.push(inj);
    for b in &all {
        for extra in [&[][..], &["--with-articles"][..]] {
            let dot = b.export(dir.path(), "dot", extra);
            let out = Command::new("dot").arg("-Tsvg").arg(&dot).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success() && stderr.trim().is_empty(), "{}: dot -Tsvg {}: {stderr}", b.name, dot.display());
            let svg = String::from_utf8(out.stdout).unwrap();
            // Graphviz draws one <g class="node"> per node and one <g class="edge"> per edge.
            let nodes = svg.matches("class=\"node").count();
            let edges = svg.matches("class=\"edge").count();
            let with = !extra.is_empty();
            assert_eq!(nodes, b.actors() + if with { b.articles() } else { 0 }, "{}: nodes drawn", b.name);
            assert_eq!(edges, b.relations(None, 1) + if with { b.mentions() } else { 0 }, "{}: edges drawn", b.name);
        }
    }
}

#[test]
fn cytoscape_js_loads_the_json_with_the_store_counts() {
    if !have_node_packages() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for b in stores() {
        for extra in [&[][..], &["--with-articles"][..]] {
            let file = b.export(dir.path(), "cytoscape", extra);
            let out = Command::new("node").arg(js_dir().join("check-cytoscape.js")).arg(&file).output().unwrap();
            assert!(out.status.success(), "cytoscape.js: {}", String::from_utf8_lossy(&out.stderr));
            let r = json(&String::from_utf8(out.stdout).unwrap());
            let with = !extra.is_empty();
            assert_eq!(r["nodes"], b.actors() + if with { b.articles() } else { 0 }, "{}: {r}", b.name);
            assert_eq!(r["edges"], b.relations(None, 1) + if with { b.mentions() } else { 0 }, "{}: {r}", b.name);
            assert_eq!(r["dangling"], 0, "{r}");
            assert_eq!(r["warnings"].as_array().unwrap().len(), 0, "{r}");
            assert_eq!(r["predicates"]["metWith"], b.relations(Some("metWith"), 1), "{r}");
        }
    }
}

/// Runs check-html.js on `html`; returns its findings.
fn check_html(html: &Path, chromium: &str, extra: &[&str]) -> serde_json::Value {
    let out = Command::new("node").arg(js_dir().join("check-html.js")).arg(html).args(extra).env("CHROMIUM", chromium).output().unwrap();
    assert!(out.status.success(), "check-html.js: {}", String::from_utf8_lossy(&out.stderr));
    let r = json(&String::from_utf8(out.stdout).unwrap());
    for k in ["errors", "dialogs", "requests", "console"] {
        assert_eq!(r[k].as_array().map(|a| a.len()), Some(0), "{k} in {}: {r:#}", html.display());
    }
    r
}

#[test]
fn the_html_view_draws_the_graph_shows_evidence_and_filters() {
    if !have_node_packages() {
        return;
    }
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    for b in stores() {
        let html = b.export(dir.path(), "html", &[]);
        let shot = std::env::var("ACTORGRAPH_SCREENSHOT").ok().filter(|_| b.name == "seeds");
        let shot = shot.map(|s| if Path::new(&s).is_absolute() { PathBuf::from(s) } else { root().join(s) });
        let mut extra = Vec::new();
        if let Some(s) = &shot {
            extra = vec!["--screenshot", s.to_str().unwrap()];
        }
        let r = check_html(&html, &chromium, &extra);
        let (actors, relations) = (b.actors(), b.relations(None, 1));
        // Memberships are off at first.
        let members = b.relations(Some("memberOf"), 1);
        let shown = relations - members;
        assert_eq!(r["drawnNodes"], actors, "{}: every actor drawn inside the picture: {r:#}", b.name);
        assert_eq!(r["drawnEdges"], relations, "{}: {r:#}", b.name);
        assert_eq!(r["status"], format!("{actors} nodes, {shown} of {relations} edges shown"));
        assert_eq!(r["labelOverlaps"], serde_json::json!([]), "{}: overlapping labels at the default view: {r:#}", b.name);
        assert_eq!(r["topActorLabelShown"], true, "{}: {r:#}", b.name);
        assert_eq!(r["memberOfEdges"].as_u64().unwrap_or(0), members as u64);
        if members > 0 {
            assert_eq!(r["memberOfCheckedAtFirst"], false);
            assert_eq!(r["visibleWithMemberships"].as_u64().unwrap(), relations as u64, "{r:#}");
        }
        // Clicking an edge shows its evidence sentences, all of them.
        let sentences = r["clicked"]["sentences"].as_array().unwrap();
        assert!(!sentences.is_empty());
        assert!(r["clickPoint"].is_object(), "{}: no point of the edge could be clicked: {r:#}", b.name);
        assert_eq!(r["selectedLabelShown"], true, "the selected edge's relation label shows: {r:#}");
        assert_eq!(&r["panelSentences"], &r["clicked"]["sentences"], "{}: {r:#}", b.name);
        // The predicate filter hides exactly that predicate's edges.
        assert_eq!(r["clickedHiddenByPredicate"], true);
        let same = r["samePredicateEdges"].as_u64().unwrap();
        assert_eq!(r["visibleBefore"].as_u64().unwrap(), shown as u64);
        assert_eq!(r["visibleAfterPredicateFilter"].as_u64().unwrap(), (shown - same as usize) as u64);
        assert_eq!(r["visibleAfterRecheck"].as_u64().unwrap(), shown as u64);
        assert_eq!(r["visibleAtMaxSupport"], r["edgesAtMaxSupport"]);
        // The search box finds an actor.
        assert!(!r["searchMatches"].as_array().unwrap().is_empty(), "{r:#}");
        assert_eq!(r["searchPanelTitle"], r["searchFor"]);
        if let Some(s) = shot {
            assert!(s.is_file(), "no screenshot at {}", s.display());
        }
    }
}

/// The texts of the seeds, `corpus/` and the held-out sets in one store,
/// each set with its own publication date (the seeds only when present).
fn real_sized() -> Built {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("db");
    let mut sets: Vec<(PathBuf, &str)> = vec![
        (root().join("corpus"), "2022-01-10"),
        (root().join("tests/heldout/docs"), "2022-02-07"),
        (root().join("tests/heldout2/docs"), "2022-04-04"),
        (root().join("tests/heldout3/docs"), "2022-05-02"),
    ];
    if let Some(s) = seeds() {
        sets.push((s, "2022-03-07"));
    }
    for (path, date) in &sets {
        ok(&["build", "--store", store.to_str().unwrap(), "--date", date, path.to_str().unwrap()]);
    }
    Built { name: "real".to_string(), _dir: dir, store }
}

#[test]
fn the_html_view_of_a_real_sized_store_is_readable_and_filters_by_week() {
    let b = real_sized();
    if !have_node_packages() {
        return;
    }
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let r = check_html(&b.export(dir.path(), "html", &[]), &chromium, &[]);
    assert!(b.actors() >= 60, "a real-sized store: {} actors", b.actors());
    assert_eq!(r["drawnNodes"], b.actors(), "every actor drawn inside the picture: {r:#}");
    assert_eq!(r["labelOverlaps"], serde_json::json!([]), "overlapping labels at the default view: {r:#}");
    assert!(r["labelsShown"].as_u64().unwrap() >= 20, "the most connected actors are labelled: {r:#}");
    assert_eq!(r["topActorLabelShown"], true, "{r:#}");
    // The timeline's first week keeps exactly the facts reported in it.
    assert!(r["weeks"].as_u64().unwrap() >= 4, "{r:#}");
    assert_eq!(r["timeVisible"], r["timeExpected"], "{r:#}");
    assert!(!r["timeVisible"].as_array().unwrap().is_empty(), "{r:#}");
    assert_eq!(r["timeBarsIn"], serde_json::json!([r["timeFirstWeek"]]), "{r:#}");
    assert!(r["timeStatus"].as_str().unwrap().starts_with("weeks of 2022-01-10 to 2022-01-10"), "{r:#}");
    eprintln!("real-sized store: page ready in {} ms, {} labels shown", r["loadMs"], r["labelsShown"]);
}

/// Nodes and edges of a graph export, counted in its own syntax.
fn graph_counts(format: &str, text: &str) -> (usize, usize) {
    match format {
        "cytoscape" => {
            let v = json(text);
            (v["elements"]["nodes"].as_array().unwrap().len(), v["elements"]["edges"].as_array().unwrap().len())
        }
        "html" => {
            let v = embedded_data(text);
            (v["nodes"].as_array().unwrap().len(), v["edges"].as_array().unwrap().len())
        }
        "graphml" | "gexf" => (text.matches("<node id=").count(), text.matches("<edge id=").count()),
        "dot" => {
            let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  \"")).collect();
            let edges = lines.iter().filter(|l| l.contains("\" -> \"")).count();
            (lines.len() - edges, edges)
        }
        other => panic!("{other}"),
    }
}

#[test]
fn from_and_to_keep_the_articles_of_a_date_range_in_every_graph_format() {
    // corpus/ split in two: the first files early, the others later.
    let dir = tempfile::tempdir().unwrap();
    let (early, late) = (dir.path().join("early"), dir.path().join("late"));
    std::fs::create_dir_all(&early).unwrap();
    std::fs::create_dir_all(&late).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        std::fs::copy(f, if i < 2 { &early } else { &late }.join(f.file_name().unwrap())).unwrap();
    }
    let both = dir.path().join("both");
    let only_late = dir.path().join("late-db");
    let only_early = dir.path().join("early-db");
    for (store, sets) in [
        (&both, vec![(&early, "2022-01-10"), (&late, "2022-03-07")]),
        (&only_late, vec![(&late, "2022-03-07")]),
        (&only_early, vec![(&early, "2022-01-10")]),
    ] {
        for (input, date) in sets {
            ok(&["build", "--store", store.to_str().unwrap(), "--date", date, input.to_str().unwrap()]);
        }
    }
    for format in FORMATS {
        let export = |store: &Path, extra: &[&str]| {
            let mut args = vec!["export", "--store", store.to_str().unwrap(), "--format", format];
            args.extend_from_slice(extra);
            graph_counts(format, &ok(&args))
        };
        let all = export(&both, &[]);
        let late = export(&only_late, &[]);
        let early = export(&only_early, &[]);
        assert!(all.1 > late.1 && all.1 > early.1, "{format}: {all:?} {late:?} {early:?}");
        assert_eq!(export(&both, &["--from", "2022-03-01"]), late, "{format} --from");
        assert_eq!(export(&both, &["--to", "2022-01-31"]), early, "{format} --to");
        assert_eq!(export(&both, &["--from", "2022-01-10", "--to", "2022-01-10"]), early, "{format} --from --to");
        assert_eq!(export(&both, &["--from", "2023-01-01"]), (0, 0), "{format}: nothing after");
    }
    // Dates are checked.
    let out = run(&["export", "--store", both.to_str().unwrap(), "--format", "gexf", "--from", "2022-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = run(&["export", "--store", both.to_str().unwrap(), "--format", "gexf", "--from", "2022-03-01", "--to", "2022-01-01"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["export", "--store", both.to_str().unwrap(), "--format", "turtle", "--from", "2022-03-01"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn evidence_is_capped_per_edge_with_the_count_of_all_and_positions_agree() {
    let b = Built::new("corpus", &[&root().join("corpus")]);
    let cy = |extra: &[&str]| {
        let mut args = vec!["export", "--store", b.s(), "--format", "cytoscape"];
        args.extend_from_slice(extra);
        json(&ok(&args))
    };
    let edges = |v: &serde_json::Value| v["elements"]["edges"].as_array().unwrap().clone();
    let all = cy(&["--max-evidence", "all"]);
    let one = cy(&["--max-evidence", "1"]);
    let default = cy(&[]);
    let mut capped = 0;
    for ((a, o), d) in edges(&all).iter().zip(edges(&one)).zip(edges(&default)) {
        let total = a["data"]["evidence"].as_array().unwrap().len();
        assert_eq!(a["data"]["evidence_total"], total, "{a}");
        assert_eq!(o["data"]["evidence_total"], total, "{o}");
        assert_eq!(o["data"]["evidence"].as_array().unwrap().len(), total.min(1), "{o}");
        assert_eq!(d["data"]["evidence"].as_array().unwrap().len(), total.min(3), "{d}");
        // The kept sentence is one of all of them.
        for e in o["data"]["evidence"].as_array().unwrap() {
            assert!(a["data"]["evidence"].as_array().unwrap().contains(e));
        }
        capped += usize::from(total > 1);
    }
    assert!(capped > 0, "some edge has more than one sentence");
    // The page gives the command that lists them all, and the command works.
    let html = ok(&["export", "--store", b.s(), "--format", "html", "--max-evidence", "1"]);
    let data = embedded_data(&html);
    let command = data["evidence_command"].as_str().unwrap();
    assert!(command.starts_with(&format!("actorgraph query --store {} '", b.s())), "{command}");
    let edge = data["edges"].as_array().unwrap().iter().find(|e| e["evidence_total"].as_u64().unwrap() > 1).unwrap();
    let p = data["predicate_iris"][edge["predicate"].as_str().unwrap()].as_str().unwrap();
    let sparql = command.split_once(" '").unwrap().1.trim_end_matches('\'');
    let sparql = sparql.replace("{S}", edge["source"].as_str().unwrap()).replace("{P}", p).replace("{O}", edge["target"].as_str().unwrap());
    let rows = ok(&["query", "--store", b.s(), "--format", "csv", &sparql]);
    assert_eq!(rows.lines().count() - 1, edge["evidence_total"].as_u64().unwrap() as usize, "{rows}");
    // Every format carries the same positions.
    let positions: Vec<(String, f64, f64)> = default["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (n["data"]["id"].as_str().unwrap().to_string(), n["position"]["x"].as_f64().unwrap(), n["position"]["y"].as_f64().unwrap())
        })
        .collect();
    let spread = positions.iter().map(|p| p.1).fold(f64::MIN, f64::max) - positions.iter().map(|p| p.1).fold(f64::MAX, f64::min);
    assert!(spread > 0.0, "a layout, not one point");
    let html = embedded_data(&ok(&["export", "--store", b.s(), "--format", "html"]));
    let gexf = ok(&["export", "--store", b.s(), "--format", "gexf"]);
    let graphml = ok(&["export", "--store", b.s(), "--format", "graphml"]);
    assert_eq!(gexf.matches("<viz:position ").count(), positions.len());
    for (n, (id, x, y)) in html["nodes"].as_array().unwrap().iter().zip(&positions) {
        assert_eq!((n["id"].as_str().unwrap(), n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap()), (id.as_str(), *x, *y));
        assert!(gexf.contains(&format!("<viz:position x=\"{x}\" y=\"{y}\"")), "{id} at {x},{y} in the GEXF");
        assert!(graphml.contains(&format!("<data key=\"x\">{x}</data>")), "{id} x in the GraphML");
    }
}

#[test]
fn the_html_view_shows_injected_markup_as_text() {
    let (b, _keep) = injected();
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(b.export(dir.path(), "html", &["--with-articles"])).unwrap();
    // The data cannot close its script element: no '<' from the articles.
    assert_eq!(html.matches("</script>").count(), 2, "only the two script elements of the template");
    assert!(!html.contains("<img") && !html.contains("<b>"), "markup from the article reached the page");
    assert!(html.contains("\\u003cscript\\u003e"));
    if !have_node_packages() {
        return;
    }
    let Some(chromium) = chromium() else { return };
    let path = dir.path().join("injected.html");
    std::fs::write(&path, &html).unwrap();
    let r = check_html(&path, &chromium, &["--click-text", "<script>"]);
    assert_eq!(r["pwned"], false, "{r:#}");
    assert_eq!(r["imgElements"], 0, "{r:#}");
    assert_eq!(r["scriptElements"], 2, "{r:#}");
    assert_eq!(r["panelSentences"][0], INJECTED_SENTENCE, "the sentence shows as text: {r:#}");
    assert_eq!(r["panelArticles"][0], "inject<b>&.txt: Talks <b>in</b> Kabul <script>window.__pwned=1</script>", "{r:#}");
}

/// Kills the server when the test ends, however it ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn oxigraph_server_answers_bundled_queries_like_actorgraph_query() {
    if !runs("oxigraph", &["--version"]) && missing("the oxigraph server (pip install oxigraph, same 0.5.x as the crate)") {
        return;
    }
    if !runs("curl", &["--version"]) && missing("curl") {
        return;
    }
    let b = match seeds() {
        Some(s) => Built::new("seeds", &[&s]),
        None => Built::new("corpus", &[&root().join("corpus")]),
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let bind = format!("127.0.0.1:{port}");
    let mut server = Server(
        Command::new("oxigraph")
            .args(["serve-read-only", "--location", b.s(), "--union-default-graph", "--timeout-s", "30", "--bind", &bind])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(&bind).is_err() {
        if let Some(status) = server.0.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(server.0.stderr.as_mut().unwrap(), &mut err).unwrap();
            panic!("oxigraph serve-read-only exited with {status}: {err}");
        }
        assert!(std::time::Instant::now() < deadline, "oxigraph did not listen on {bind}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    for name in ["met-with", "actors", "evidence"] {
        let query = root().join(format!("queries/{name}.rq"));
        // SPARQL 1.1 Protocol: query via POST directly.
        let out = Command::new("curl")
            .args(["-sS", "--fail", "-H", "Content-Type: application/sparql-query", "-H", "Accept: text/csv"])
            .arg("--data-binary")
            .arg(format!("@{}", query.display()))
            .arg(format!("http://{bind}/query"))
            .output()
            .unwrap();
        assert!(out.status.success(), "curl {name}: {}", String::from_utf8_lossy(&out.stderr));
        let http = String::from_utf8(out.stdout).unwrap();
        let local = ok(&["query", "--store", b.s(), "--format", "csv", name]);
        assert!(local.lines().count() > 1, "{name}: no rows");
        assert_eq!(http, local, "{name}: the endpoint and actorgraph query differ");
    }
}

#[test]
fn the_layout_is_deterministic_and_spreads_communities_apart() {
    use actorgraph::output::visual::layout::forceatlas2;
    // Two communities of `k` nodes, each node linked to four others of its
    // own drawn at random, joined by one edge. (Above the Barnes-Hut
    // threshold, 2,000 nodes, this does not hold yet: see BENCHMARKS.md.)
    let mut seed = 42u64;
    let mut below = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for k in [20usize, 300] {
        let mut edges = Vec::new();
        for c in 0..2 {
            for i in 0..k {
                for _ in 0..4 {
                    edges.push((c * k + i, c * k + below(k)));
                }
            }
        }
        edges.push((0, k));
        let a = forceatlas2(2 * k, &edges);
        assert_eq!(a, forceatlas2(2 * k, &edges), "k={k}: the same graph, the same positions");
        assert!(a.iter().all(|(x, y)| x.is_finite() && y.is_finite()), "k={k}");
        let centre = |c: usize| {
            let pts = &a[c * k..(c + 1) * k];
            (pts.iter().map(|p| p.0).sum::<f64>() / k as f64, pts.iter().map(|p| p.1).sum::<f64>() / k as f64)
        };
        let dist = |p: (f64, f64), q: (f64, f64)| ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
        let (c0, c1) = (centre(0), centre(1));
        // Every node is nearer its own community's centre than the other's.
        let wrong = (0..2 * k).filter(|&i| dist(a[i], if i < k { c0 } else { c1 }) >= dist(a[i], if i < k { c1 } else { c0 })).count();
        assert_eq!(wrong, 0, "k={k}: {wrong} nodes nearer the other community");
        // No two nodes on the same spot.
        let mut sorted = a.clone();
        sorted.sort_by(|p, q| p.partial_cmp(q).unwrap());
        sorted.dedup();
        assert_eq!(sorted.len(), 2 * k, "k={k}");
    }
}
