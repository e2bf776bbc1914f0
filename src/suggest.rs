//! A draft gazetteer for a new domain (`actorgraph suggest`): every actor
//! that the articles name, listed or discovered, with its class, its names
//! and the number of articles that name it, as Turtle a user edits and then
//! passes with `--ontology`.
//!
//! The articles go through the same pipeline as `build` (into a temporary
//! store), so the draft holds exactly the actors a build would find, with
//! the spelling variants that a build joins into one actor.

use crate::graph::ingest::{self, Options, Summary};
use crate::ontology::vocab::{AG_DISCOVERED, AG_ORGANIZATION, AG_PERSON, ID_BASE};
use crate::ontology::Ontology;
use crate::text::fold::fold;
use anyhow::Result;
use oxigraph::model::{Literal, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

/// One actor of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// `Person` or `Organization`.
    pub class: String,
    pub pref_label: String,
    /// Every other name the gazetteer or the articles gave it, sorted.
    pub alt_labels: Vec<String>,
    /// How many articles name it.
    pub articles: usize,
    /// Not in the gazetteer used: found by discovery.
    pub discovered: bool,
    /// The gazetteer's IRI for a listed actor; `None` for a discovered one.
    pub listed_iri: Option<String>,
}

/// The draft for `inputs` and what reading them gave (documents, skipped
/// inputs). Actors are sorted by the number of articles, most first, then by
/// name; those named in fewer than `min_articles` articles are left out.
pub fn suggest(ontology: &Ontology, inputs: &[PathBuf], min_articles: usize) -> Result<(Vec<Suggestion>, Summary)> {
    let dir = tempfile::tempdir()?;
    let store = Store::open(dir.path())?;
    let options = Options { bulk: Some(false), ..Options::from_env()? };
    let summary = ingest::build_with_options(&store, ontology, inputs, &options)?;
    let query = format!(
        "SELECT ?actor ?class ?name ?alias ?discovered (COUNT(DISTINCT ?doc) AS ?articles) WHERE {{
           GRAPH ?doc {{ ?doc <http://schema.org/mentions> ?actor }}
           ?actor a ?class ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?name .
           VALUES ?class {{ <{AG_PERSON}> <{AG_ORGANIZATION}> }}
           OPTIONAL {{ ?actor <http://www.w3.org/2004/02/skos/core#altLabel> ?alias }}
           OPTIONAL {{ ?actor <{AG_DISCOVERED}> ?discovered }}
         }} GROUP BY ?actor ?class ?name ?alias ?discovered"
    );
    let QueryResults::Solutions(rows) = SparqlEvaluator::new().parse_query(&query)?.on_store(&store).execute()? else {
        unreachable!("a SELECT query gives solutions")
    };
    let mut actors: BTreeMap<String, Suggestion> = BTreeMap::new();
    for row in rows {
        let row = row?;
        let text = |v: &str| match row.get(v) {
            Some(Term::Literal(l)) => l.value().to_string(),
            Some(Term::NamedNode(n)) => n.as_str().to_string(),
            _ => String::new(),
        };
        let iri = text("actor");
        let discovered = text("discovered") == "true";
        let articles: usize = text("articles").parse().unwrap_or(0);
        let entry = actors.entry(iri.clone()).or_insert_with(|| Suggestion {
            class: text("class").rsplit('#').next().unwrap_or_default().to_string(),
            pref_label: text("name"),
            alt_labels: Vec::new(),
            articles,
            discovered,
            listed_iri: (!discovered).then(|| iri.clone()),
        });
        entry.articles = entry.articles.max(articles);
        let alias = text("alias");
        if !alias.is_empty() && alias != entry.pref_label && !entry.alt_labels.contains(&alias) {
            entry.alt_labels.push(alias);
        }
    }
    let mut out: Vec<Suggestion> = actors.into_values().filter(|s| s.articles >= min_articles.max(1)).collect();
    for s in &mut out {
        s.alt_labels.sort();
    }
    out.sort_by(|a, b| b.articles.cmp(&a.articles).then_with(|| a.pref_label.cmp(&b.pref_label)));
    Ok((out, summary))
}

/// The draft as Turtle in the gazetteer's format: listed actors keep their
/// IRI, discovered ones get `id:` plus their folded name (made unique).
///
/// ```
/// use actorgraph::suggest::{to_turtle, Suggestion};
/// let s = Suggestion { class: "Person".into(), pref_label: "Jane Roe".into(), alt_labels: vec!["Roe".into()],
///     articles: 3, discovered: true, listed_iri: None };
/// let ttl = to_turtle(&[s], 4);
/// assert!(ttl.contains("id:jane-roe a ag:Person ;"));
/// assert!(ttl.contains("skos:altLabel \"Roe\""));
/// assert!(ttl.contains("named in 3 of 4 articles"));
/// ```
pub fn to_turtle(actors: &[Suggestion], documents: usize) -> String {
    let mut out = String::new();
    let discovered = actors.iter().filter(|a| a.discovered).count();
    let _ = writeln!(
        out,
        "# A draft gazetteer written by `actorgraph suggest` from {documents} article(s): {} actor(s), {} of them \
         discovered (not in the gazetteer used), most-named first.\n\
         # Review it before use: delete what is not a person or an organization, merge two entries that are one \
         actor (keep one prefLabel, move the other names to skos:altLabel), add the spellings you know. \
         Then save it as gazetteer.ttl in a folder DIR and run `actorgraph --ontology DIR build ...`.",
        actors.len(),
        discovered
    );
    out.push_str("@prefix ag:   <https://w3id.org/actorgraph/ontology#> .\n");
    let _ = writeln!(out, "@prefix id:   <{ID_BASE}> .");
    out.push_str("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n");
    out.push_str("@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n");
    let mut used: BTreeSet<String> = actors.iter().filter_map(|a| a.listed_iri.clone()).collect();
    for a in actors {
        let subject = match &a.listed_iri {
            Some(iri) => match iri.strip_prefix(ID_BASE) {
                Some(local) if is_plain_local_name(local) => format!("id:{local}"),
                _ => format!("<{iri}>"),
            },
            None => {
                let base: String =
                    fold(&a.pref_label).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-");
                let base = if base.is_empty() { "actor".to_string() } else { base };
                let mut local = base.clone();
                let mut n = 2;
                while !used.insert(format!("{ID_BASE}{local}")) {
                    local = format!("{base}-{n}");
                    n += 1;
                }
                format!("id:{local}")
            }
        };
        let how = if a.discovered { "discovered" } else { "listed" };
        let _ = write!(out, "\n{subject} a ag:{} ;\n    skos:prefLabel {}", a.class, Literal::new_simple_literal(&a.pref_label));
        if !a.alt_labels.is_empty() {
            let labels: Vec<String> = a.alt_labels.iter().map(|l| Literal::new_simple_literal(l).to_string()).collect();
            let _ = write!(out, " ;\n    skos:altLabel {}", labels.join(", "));
        }
        let note = format!("{how}; named in {} of {documents} articles", a.articles);
        let _ = writeln!(out, " ;\n    rdfs:comment {} .", Literal::new_simple_literal(&note));
    }
    out
}

/// Whether `local` can follow `id:` in Turtle without escaping.
fn is_plain_local_name(local: &str) -> bool {
    !local.is_empty()
        && local.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && local.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !local.ends_with('-')
}
