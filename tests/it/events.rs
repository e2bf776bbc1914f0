//! Meetings as events: per-article reports merged into one event per
//! meeting across articles, with places and dates, kept consistent when
//! articles are rebuilt or removed.

use crate::support::{ok, seeds};
use std::collections::BTreeMap;
use std::path::Path;

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
";

/// One row per merged event: place, date, precision, date texts,
/// participants, reports and articles.
const EVENTS: &str = "SELECT ?event ?place ?date ?precision
  (GROUP_CONCAT(DISTINCT ?text; separator='|') AS ?texts)
  (GROUP_CONCAT(DISTINCT ?name; separator='|') AS ?participants)
  (COUNT(DISTINCT ?report) AS ?reports) (GROUP_CONCAT(DISTINCT ?id; separator='|') AS ?articles)
WHERE {
  GRAPH <https://w3id.org/actorgraph/graph/events> {
    ?event a ag:Meeting ; ag:report ?report ; sem:hasActor ?actor .
    OPTIONAL { ?event ag:date ?date ; ag:datePrecision ?precision }
    OPTIONAL { ?event ag:dateText ?text }
  }
  GRAPH ?doc { ?report a ag:MeetingReport . ?doc dcterms:identifier ?id }
  ?actor skos:prefLabel ?name .
  OPTIONAL { GRAPH <https://w3id.org/actorgraph/graph/events> { ?event sem:hasPlace ?p } ?p skos:prefLabel ?place }
}
GROUP BY ?event ?place ?date ?precision
ORDER BY ?place ?date";

/// Runs a SELECT and returns its rows as variable → lexical value.
fn select(store: &Path, sparql: &str) -> Vec<BTreeMap<String, String>> {
    let query = format!("{PREFIXES}{sparql}");
    let out = ok(&["query", "--store", store.to_str().unwrap(), "--format", "json", &query]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_object().unwrap().iter().map(|(k, v)| (k.clone(), v["value"].as_str().unwrap().to_string())).collect())
        .collect()
}

fn events(store: &Path) -> Vec<BTreeMap<String, String>> {
    select(store, EVENTS)
}

/// Writes one JSON Lines file with the given articles (id, text, published).
fn jsonl(path: &Path, articles: &[(&str, &str, Option<&str>)]) {
    let lines: Vec<String> = articles
        .iter()
        .map(|(id, text, published)| {
            let mut o = serde_json::json!({ "id": id, "text": text });
            if let Some(p) = published {
                o["published"] = serde_json::json!(p);
            }
            o.to_string()
        })
        .collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn build(store: &Path, inputs: &[&Path]) {
    let mut args = vec!["build", "--store", store.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    ok(&args);
}

fn get<'a>(row: &'a BTreeMap<String, String>, key: &str) -> &'a str {
    row.get(key).map_or("", String::as_str)
}

/// A `|`-joined list of the row, sorted (GROUP_CONCAT has no order).
fn list(row: &BTreeMap<String, String>, key: &str) -> String {
    let mut items: Vec<&str> = get(row, key).split('|').collect();
    items.sort_unstable();
    items.join("|")
}

/// The evidence sentences of every event, as text.
fn event_evidence(store: &Path) -> Vec<String> {
    let rows = select(
        store,
        "SELECT ?text WHERE { GRAPH <https://w3id.org/actorgraph/graph/events> { ?e ag:report ?r } GRAPH ?doc { ?r ag:evidence ?s . ?s nif:anchorOf ?text } } ORDER BY ?text",
    );
    rows.iter().map(|r| get(r, "text").to_string()).collect()
}

// Published on a Friday; "on Tuesday" is 2023-03-07.
const DUSHANBE_A: &str =
    "Ahmad Massoud and Ismail Khan met in Dushanbe on Tuesday. The meeting lasted three hours, and Ismail Khan said it went well.";
// Published the day after the meeting; "yesterday" is 2023-03-07 too.
const DUSHANBE_B: &str = "Ismail Khan held talks with Ahmad Massoud in the Tajik capital yesterday, aides said.";

#[test]
fn seeds_give_one_meeting_in_tehran_in_january_2022() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let texts: Vec<(String, String)> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(p).unwrap()))
        .collect();
    assert_eq!(texts.len(), 5);
    let articles: Vec<(&str, &str, Option<&str>)> = texts.iter().map(|(id, t)| (id.as_str(), t.as_str(), Some("2022-01-12"))).collect();
    let input = dir.path().join("seeds.jsonl");
    jsonl(&input, &articles);
    let store = dir.path().join("db");
    build(&store, &[&input]);
    let all = events(&store);
    let tehran: Vec<_> = all.iter().filter(|e| get(e, "place") == "Tehran").collect();
    assert_eq!(tehran.len(), 1, "one meeting in Tehran, not {all:#?}");
    let m = tehran[0];
    assert!(get(m, "date").starts_with("2022-01"), "{m:?}");
    for name in ["Ahmad Massoud", "Ismail Khan", "Amir Khan Muttaqi"] {
        assert!(get(m, "participants").split('|').any(|p| p == name), "{name} missing from {m:?}");
    }
    // Two seed articles report it, and both are on the one event.
    assert_eq!(get(m, "reports"), "2", "{m:?}");
    assert_eq!(get(m, "articles").split('|').count(), 2, "{m:?}");
    // The bundled query shows it the same way.
    let table = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv", "meetings"]);
    assert!(table.lines().any(|l| l.contains("Tehran") && l.contains("2022-01-11") && l.contains(",day,")), "{table}");
    // The obvious count counts meetings: every ag:Meeting is a merged event,
    // the per-article reports are ag:MeetingReport (ontology 0.3.0).
    let count = select(&store, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a ag:Meeting }");
    assert_eq!(count[0]["n"], all.len().to_string(), "{count:?} vs {all:#?}");
    let in_articles =
        select(&store, "SELECT ?m WHERE { GRAPH ?g { ?m a ag:Meeting } FILTER(?g != <https://w3id.org/actorgraph/graph/events>) }");
    assert!(in_articles.is_empty(), "no per-article copies: {in_articles:?}");
}

#[test]
fn two_articles_reporting_one_meeting_are_one_event_with_both_articles_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    jsonl(&input, &[("a", DUSHANBE_A, Some("2023-03-10")), ("b", DUSHANBE_B, Some("2023-03-08"))]);
    let store = dir.path().join("db");
    build(&store, &[&input]);
    let all = events(&store);
    assert_eq!(all.len(), 1, "{all:#?}");
    let e = &all[0];
    assert_eq!(get(e, "place"), "Dushanbe");
    assert_eq!((get(e, "date"), get(e, "precision")), ("2023-03-07", "day"));
    assert_eq!(list(e, "participants"), "Ahmad Massoud|Ismail Khan");
    assert_eq!((get(e, "reports"), list(e, "articles").as_str()), ("2", "a|b"));
    let evidence = event_evidence(&store);
    assert_eq!(
        evidence,
        [
            "Ahmad Massoud and Ismail Khan met in Dushanbe on Tuesday.",
            "Ismail Khan held talks with Ahmad Massoud in the Tajik capital yesterday, aides said.",
            "The meeting lasted three hours, and Ismail Khan said it went well.",
        ]
    );
    // Each article's report stands behind that article's metWith fact.
    let supports = select(
        &store,
        "SELECT ?id ?p WHERE { GRAPH ?doc { ?m a ag:MeetingReport ; ag:supports ?f . ?f a ag:Fact ; rdf:predicate ?p . ?doc dcterms:identifier ?id } } ORDER BY ?id",
    );
    let got: Vec<(&str, &str)> = supports.iter().map(|r| (get(r, "id"), get(r, "p"))).collect();
    let met = "https://w3id.org/actorgraph/ontology#metWith";
    assert_eq!(got, [("a", met), ("b", met)]);
}

#[test]
fn different_places_or_disagreeing_dates_are_different_events() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    jsonl(
        &input,
        &[
            ("dushanbe", "Ahmad Massoud and Ismail Khan met in Dushanbe on Tuesday.", Some("2023-03-10")),
            ("tehran", "Ahmad Massoud and Ismail Khan met in Tehran on Tuesday.", Some("2023-03-10")),
            ("january", "Ahmad Massoud and Ismail Khan met in Dushanbe on Jan 5.", Some("2023-03-10")),
            ("month", "Ahmad Massoud and Ismail Khan met in Dushanbe in March.", Some("2023-03-20")),
        ],
    );
    let store = dir.path().join("db");
    build(&store, &[&input]);
    let all = events(&store);
    let summary: Vec<(&str, &str, String)> = all.iter().map(|e| (get(e, "place"), get(e, "date"), list(e, "articles"))).collect();
    // "in March" agrees with Tuesday 7 March within its precision, so that
    // article joins the Dushanbe meeting; 5 January does not.
    assert_eq!(
        summary,
        [
            ("Dushanbe", "2023-01-05", "january".to_string()),
            ("Dushanbe", "2023-03-07", "dushanbe|month".to_string()),
            ("Tehran", "2023-03-07", "tehran".to_string())
        ]
    );
}

#[test]
fn an_unknown_article_date_leaves_relative_dates_unresolved() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    jsonl(
        &input,
        &[
            ("undated", "Ahmad Massoud and Ismail Khan met in Doha on Tuesday.", None),
            ("absolute", "Ahmad Massoud and Ismail Khan met in Kabul on January 12, 2022.", None),
            ("no-year", "Ahmad Massoud and Ismail Khan met in Herat on Jan 12.", None),
        ],
    );
    let store = dir.path().join("db");
    build(&store, &[&input]);
    let all = events(&store);
    let summary: Vec<(&str, &str, &str, &str)> =
        all.iter().map(|e| (get(e, "place"), get(e, "date"), get(e, "precision"), get(e, "texts"))).collect();
    assert_eq!(
        summary,
        [("Doha", "", "", "on Tuesday"), ("Herat", "", "", "on Jan 12"), ("Kabul", "2022-01-12", "day", "on January 12, 2022")]
    );
    // No guessed value in the article's own graph either.
    let dated = select(&store, "SELECT ?d WHERE { GRAPH <https://w3id.org/actorgraph/doc/undated> { ?m ag:date ?d } }");
    assert!(dated.is_empty(), "{dated:?}");
}

#[test]
fn rebuilding_or_removing_an_article_keeps_the_events_graph_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    jsonl(&a, &[("a", DUSHANBE_A, Some("2023-03-10"))]);
    jsonl(&b, &[("b", DUSHANBE_B, Some("2023-03-08"))]);
    let store = dir.path().join("db");
    let s = store.to_str().unwrap();
    build(&store, &[&a, &b]);
    assert_eq!(list(&events(&store)[0], "articles"), "a|b");

    ok(&["remove", "--store", s, "b"]);
    let all = events(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(get(&all[0], "articles"), "a");
    assert!(event_evidence(&store).iter().all(|t| !t.contains("Tajik capital")));

    // Rebuilt with another place, b is a meeting of its own.
    jsonl(&b, &[("b", "Ismail Khan held talks with Ahmad Massoud in Tehran yesterday, aides said.", Some("2023-03-08"))]);
    build(&store, &[&b]);
    let places: Vec<String> = events(&store).iter().map(|e| format!("{} {}", get(e, "place"), get(e, "articles"))).collect();
    assert_eq!(places, ["Dushanbe a", "Tehran b"]);

    // Back to the first text: the same bytes as a store built from scratch.
    jsonl(&b, &[("b", DUSHANBE_B, Some("2023-03-08"))]);
    build(&store, &[&b]);
    let fresh = dir.path().join("fresh");
    build(&fresh, &[&a, &b]);
    // Each build is its own provenance activity; everything else must match.
    let export = |st: &Path| {
        let all = ok(&["export", "--store", st.to_str().unwrap(), "--format", "nquads"]);
        all.lines()
            .filter(|l| !l.ends_with("<https://w3id.org/actorgraph/graph/provenance> .") && !l.contains("prov#wasGeneratedBy"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (incremental, scratch) = (export(&store), export(&fresh));
    assert!(incremental.contains("graph/events"));
    assert_eq!(incremental, scratch);

    ok(&["remove", "--store", s, "a", "b"]);
    let left = select(&store, "SELECT * WHERE { GRAPH <https://w3id.org/actorgraph/graph/events> { ?s ?p ?o } }");
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn relation_support_counts_articles_outlets_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    let lines = [
        serde_json::json!({"id": "a", "text": DUSHANBE_A, "published": "2023-03-10", "source": "Kabul Times"}),
        serde_json::json!({"id": "b", "text": DUSHANBE_B, "published": "2023-03-08", "source": "Wire"}),
        serde_json::json!({"id": "c", "text": "Ahmad Massoud and Ismail Khan met in Doha on Tuesday.", "source": "Wire"}),
    ];
    std::fs::write(&input, lines.iter().map(|l| l.to_string() + "\n").collect::<String>()).unwrap();
    let store = dir.path().join("db");
    build(&store, &[&input]);
    let out = ok(&["query", "--store", store.to_str().unwrap(), "--format", "json", "relation-support"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = json["results"]["bindings"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{out}");
    let v = |k: &str| rows[0][k]["value"].as_str().unwrap_or("").to_string();
    assert_eq!((v("subject"), v("relation"), v("object")), ("Ahmad Massoud".into(), "metWith".into(), "Ismail Khan".into()));
    assert_eq!((v("articles"), v("outlets"), v("first"), v("last")), ("3".into(), "2".into(), "2023-03-08".into(), "2023-03-10".into()));
    let mut evidence: Vec<String> = v("evidence").split(" | ").map(str::to_string).collect();
    evidence.sort();
    assert_eq!(
        evidence,
        [
            "a: Ahmad Massoud and Ismail Khan met in Dushanbe on Tuesday.",
            "b: Ismail Khan held talks with Ahmad Massoud in the Tajik capital yesterday, aides said.",
            "c: Ahmad Massoud and Ismail Khan met in Doha on Tuesday.",
        ]
    );
}

#[test]
fn roles_query_lists_memberships_by_person_and_article_date() {
    let dir = tempfile::tempdir().unwrap();
    let (late, early) = (dir.path().join("late.jsonl"), dir.path().join("early.jsonl"));
    jsonl(&late, &[("late", "Acting foreign minister Amir Khan Muttaqi arrived in Tehran on Sunday.", Some("2022-01-12"))]);
    jsonl(&early, &[("early", "Taliban spokesman Amir Khan Muttaqi spoke in Kabul on Monday.", Some("2021-09-06"))]);
    let store = dir.path().join("db");
    build(&store, &[&late, &early]);
    let csv = ok(&["query", "--store", store.to_str().unwrap(), "--format", "csv", "roles"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines,
        [
            "person,role,organization,date,article,confidence,sentence",
            "Amir Khan Muttaqi,spokesman,Taliban,2021-09-06,early,0.85,Taliban spokesman Amir Khan Muttaqi spoke in Kabul on Monday.",
            "Amir Khan Muttaqi,Acting foreign minister,,2022-01-12,late,0.85,Acting foreign minister Amir Khan Muttaqi arrived in Tehran on Sunday.",
        ]
    );
}

fn meeting_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop::sample::select(vec![
        "Ahmad Massoud",
        "Ismail Khan",
        "Amir Khan Muttaqi",
        " met ",
        " held talks with ",
        " and ",
        " in Tehran",
        " in Iran's capital",
        " in the Iranian capital",
        " at Doha",
        " on Tuesday",
        " yesterday",
        " last week",
        " Jan 12",
        " Jan. 12, 2022",
        " 31 February",
        " in January",
        " in 2021",
        " two days ago",
        "New Delhi, Jan 12: ",
        " said on Monday ",
        " since ",
        "The meeting",
        ", officials said",
        ". ",
        "\n",
        "’s ",
        "—",
        "é",
        "🇦🇫",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(str::to_string), any::<String>()], 0..40).prop_map(|v| v.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    #[test]
    fn meetings_and_dates_never_panic_and_keep_their_evidence(text in meeting_text(), dated in proptest::prelude::any::<bool>()) {
        use actorgraph::ontology::vocab;
        use oxigraph::model::Term;
        for d in actorgraph::events::dates::find(&text, actorgraph::events::dates::Date::parse_iso("2022-01-12")) {
            proptest::prop_assert_eq!(&text[d.start..d.end], d.text.as_str());
        }
        let ontology = actorgraph::Ontology::builtin().unwrap();
        let ex = actorgraph::Extractor::new(&ontology).extract(&text);
        let doc = actorgraph::text::document::Document {
            identifier: "p".into(),
            text: text.clone(),
            published: dated.then(|| "2022-01-12".to_string()),
            ..Default::default()
        };
        let quads = actorgraph::graph::rdf::document_quads(&doc, &ex, &ontology);
        let anchored: std::collections::HashSet<String> =
            quads.iter().filter(|q| q.predicate.as_str() == vocab::NIF_ANCHOR_OF).map(|q| q.subject.to_string()).collect();
        let meetings: std::collections::HashSet<String> = quads
            .iter()
            .filter(|q| q.predicate.as_str() == vocab::RDF_TYPE && matches!(&q.object, Term::NamedNode(n) if n.as_str() == vocab::AG_MEETING))
            .map(|q| q.subject.to_string())
            .collect();
        for q in quads.iter().filter(|q| q.predicate.as_str() == vocab::AG_EVIDENCE && meetings.contains(&q.subject.to_string())) {
            proptest::prop_assert!(anchored.contains(&q.object.to_string()), "meeting evidence without a sentence node: {q}");
        }
        // No guessed date without an article date... unless the text names the year.
        if !dated {
            for q in quads.iter().filter(|q| q.predicate.as_str() == vocab::AG_DATE) {
                let Term::Literal(l) = &q.object else { continue };
                proptest::prop_assert!(text.contains(&l.value()[..4]), "date {} not in the text", l.value());
            }
        }
    }
}

#[test]
fn a_places_file_in_the_ontology_folder_replaces_the_built_in_places() {
    let dir = tempfile::tempdir().unwrap();
    let ontology = dir.path().join("ontology");
    std::fs::create_dir(&ontology).unwrap();
    std::fs::copy(crate::support::root().join("ontology/gazetteer.ttl"), ontology.join("gazetteer.ttl")).unwrap();
    std::fs::write(
        ontology.join("places.ttl"),
        "@prefix ag: <https://w3id.org/actorgraph/ontology#> .
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
         <https://example.org/place/port-alder> a ag:City ; skos:prefLabel \"Port Alder\" ; skos:altLabel \"the harbour city\" .",
    )
    .unwrap();
    let input = dir.path().join("news.jsonl");
    jsonl(
        &input,
        &[
            ("alder", "Ahmad Massoud and Ismail Khan met in the harbour city on Tuesday.", Some("2023-03-10")),
            ("tehran", "Ahmad Massoud and Ismail Khan met in Tehran on Jan 5.", Some("2023-03-10")),
        ],
    );
    let store = dir.path().join("db");
    ok(&["build", "--store", store.to_str().unwrap(), "--ontology", ontology.to_str().unwrap(), input.to_str().unwrap()]);
    let summary: Vec<(String, String)> = events(&store).iter().map(|e| (get(e, "place").to_string(), get(e, "date").to_string())).collect();
    // Tehran is not a place of this folder, so that meeting has none.
    assert_eq!(summary, [("".to_string(), "2023-01-05".to_string()), ("Port Alder".to_string(), "2023-03-07".to_string())]);
}
