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
use crate::output::query::compact_value;
use crate::text::fold::fold;
use anyhow::Result;
use oxigraph::model::Literal;
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
    // Discovered actors are described in every article graph that names
    // them: each question is asked DISTINCT on its own and joined here.
    let rows = |sparql: &str| -> Result<Vec<Vec<String>>> {
        let mut prepared = SparqlEvaluator::new().parse_query(sparql)?;
        prepared.dataset_mut().set_default_graph_as_union();
        let QueryResults::Solutions(solutions) = prepared.on_store(&store).execute()? else {
            unreachable!("a SELECT query gives solutions")
        };
        let mut out = Vec::new();
        for row in solutions {
            let row = row?;
            out.push(row.iter().map(|(_, t)| compact_value(t)).collect());
        }
        Ok(out)
    };
    let counts: BTreeMap<String, usize> = rows(
        "SELECT ?actor (COUNT(DISTINCT ?doc) AS ?n) WHERE { GRAPH ?doc { ?doc <http://schema.org/mentions> ?actor } } GROUP BY ?actor",
    )?
    .into_iter()
    .map(|r| (r[0].clone(), r[1].parse().unwrap_or(0)))
    .collect();
    let discovered: BTreeSet<String> =
        rows(&format!("SELECT DISTINCT ?actor WHERE {{ ?actor <{AG_DISCOVERED}> true }}"))?.into_iter().map(|r| r[0].clone()).collect();
    let mut actors: BTreeMap<String, Suggestion> = BTreeMap::new();
    let described = format!(
        "SELECT DISTINCT ?actor ?class ?name WHERE {{ ?actor a ?class ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?name . \
         VALUES ?class {{ <{AG_PERSON}> <{AG_ORGANIZATION}> }} }}"
    );
    for r in rows(&described)? {
        let Some(&articles) = counts.get(&r[0]) else { continue };
        let is_discovered = discovered.contains(&r[0]);
        actors.entry(r[0].clone()).or_insert_with(|| Suggestion {
            class: r[1].rsplit('#').next().unwrap_or_default().to_string(),
            pref_label: r[2].clone(),
            alt_labels: Vec::new(),
            articles,
            discovered: is_discovered,
            listed_iri: (!is_discovered).then(|| r[0].clone()),
        });
    }
    for r in rows("SELECT DISTINCT ?actor ?alias WHERE { ?actor <http://www.w3.org/2004/02/skos/core#altLabel> ?alias }")? {
        if let Some(a) = actors.get_mut(&r[0]) {
            if r[1] != a.pref_label && !a.alt_labels.contains(&r[1]) {
                a.alt_labels.push(r[1].clone());
            }
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
