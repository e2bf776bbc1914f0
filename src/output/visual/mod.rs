//! The actor network for graph visualizers: GraphML (Gephi, Cytoscape,
//! yEd, networkx), GEXF (Gephi), Cytoscape JSON (Cytoscape, cytoscape.js),
//! Graphviz DOT, and a self-contained HTML view.
//!
//! The network is read from the store with SPARQL over the union of all
//! graphs: nodes are the actors that at least one article names (with their
//! class, labels and the number of articles naming them); edges are the
//! relation triples that have an `ag:Fact`, one edge per distinct (subject,
//! predicate, object), with the number of articles that state it, the
//! evidence sentences and the highest confidence. `--with-articles` adds the
//! articles as nodes and their `schema:mentions` as `mentions` edges.
//!
//! Large stores stay light: each edge carries at most
//! [`DEFAULT_MAX_EVIDENCE`] evidence sentences (the most confident), with
//! the number of all of them (`--max-evidence all` writes every one), and
//! only the kept sentences are read from the store. `--from`/`--to` keep the
//! articles published in a range of `dcterms:issued` dates. Every node gets
//! a position from [`layout::forceatlas2`], the same in every format.
//!
//! XML is written with quick-xml and JSON with serde_json, so every label and
//! sentence is escaped by a library. Everything is sorted: the same store
//! gives the same bytes.

mod cytoscape;
mod dot;
mod html;
pub mod layout;
mod xml;

pub use dot::dot_string;
pub use html::html_safe_json;

use anyhow::{anyhow, bail, Result};
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

/// The graph formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Graphml,
    Gexf,
    Cytoscape,
    Dot,
    Html,
}

/// Evidence sentences kept per edge unless `--max-evidence` says otherwise.
pub const DEFAULT_MAX_EVIDENCE: usize = 3;

/// What goes into the network.
#[derive(Debug, Clone)]
pub struct Options {
    /// Local names of the predicates to keep (`metWith`, `rejected`,
    /// `leads`, `mentions`); empty keeps all.
    pub predicates: Vec<String>,
    /// Keep only edges stated by at least this many articles.
    pub min_support: usize,
    /// Add articles as nodes, with `mentions` edges to the actors they name.
    pub with_articles: bool,
    /// Keep only facts whose confidence in an article is at least this;
    /// an article whose fact scores lower does not support the edge.
    pub min_confidence: f64,
    /// Evidence sentences kept per edge (the most confident first); `None`
    /// keeps them all. Every edge still counts all of its sentences.
    pub max_evidence: Option<usize>,
    /// Keep only the articles issued on or after this date (YYYY-MM-DD);
    /// with `from` or `to`, undated articles are left out.
    pub from: Option<String>,
    /// Keep only the articles issued on or before this date (YYYY-MM-DD).
    pub to: Option<String>,
    /// The store's folder as the user named it, for the `actorgraph query`
    /// command that lists an edge's evidence (`STORE` when unknown).
    pub store_path: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            predicates: Vec::new(),
            min_support: 0,
            with_articles: false,
            min_confidence: 0.0,
            max_evidence: Some(DEFAULT_MAX_EVIDENCE),
            from: None,
            to: None,
            store_path: None,
        }
    }
}

/// The name of the edges from an article to the actors it names.
pub const MENTIONS: &str = "mentions";

/// A node: an actor, or an article with `--with-articles`.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// The IRI.
    pub id: String,
    pub label: String,
    /// `Person`, `Organization`, `Article` (or `Actor` when the store has no class).
    pub class: String,
    pub aliases: Vec<String>,
    /// The number of articles that name the actor (1 for an article).
    pub articles: usize,
    /// An article's file name (empty for actors).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub identifier: String,
    /// The position from [`layout::forceatlas2`].
    pub x: f64,
    pub y: f64,
    /// Relation edges (not `mentions`) at this node.
    pub degree: usize,
    /// The naming articles per week, as (week, count): weeks are counted
    /// from Monday 1970-01-05 ([`week_of`]).
    pub weeks: Vec<(i64, usize)>,
    /// The naming articles without a date.
    pub undated: usize,
}

/// One sentence supporting an edge.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// The article's identifier (its file name).
    pub article: String,
    /// Unicode code points from the start of the article.
    pub begin: u64,
    pub end: u64,
    pub sentence: String,
    /// The fact's confidence in that article, as stored (xsd:decimal).
    pub confidence: String,
    pub kind: String,
}

/// An edge: a relation, or an article's mention of an actor.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub id: String,
    pub source: String,
    pub target: String,
    /// Local name: `metWith`, `rejected`, `leads` or `mentions`.
    pub predicate: String,
    /// True for symmetric relations (`metWith`): the direction means nothing.
    pub symmetric: bool,
    /// The number of articles that state the relation.
    pub support: usize,
    /// The highest confidence over those articles (None for `mentions`).
    pub confidence: Option<f64>,
    /// Identifiers of the supporting articles, sorted.
    pub articles: Vec<String>,
    /// The kept evidence sentences (see [`Options::max_evidence`]), sorted
    /// by article and position.
    pub evidence: Vec<Evidence>,
    /// The number of evidence sentences in the store, kept or not.
    pub evidence_total: usize,
    /// The supporting articles per week, as (week, count).
    pub weeks: Vec<(i64, usize)>,
    /// The supporting articles without a date.
    pub undated: usize,
}

/// The network, sorted.
#[derive(Debug, Clone, Serialize)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The predicates present in the store's facts that `--predicates` keeps,
    /// sorted (then `mentions` with `--with-articles`).
    pub predicates: Vec<String>,
    /// Article identifier -> headline, for every article that has one.
    pub titles: BTreeMap<String, String>,
    /// The `actorgraph query` command line that lists every evidence
    /// sentence of an edge, with `{S}`, `{P}` and `{O}` for its IRIs.
    pub evidence_command: String,
    /// Predicate local name -> IRI, for the evidence command.
    pub predicate_iris: BTreeMap<String, String>,
    /// The kept date range (`--from`, `--to`), as given.
    pub from: Option<String>,
    pub to: Option<String>,
}

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
";

// Classes and labels are read apart and joined here: discovered actors are
// described in every article graph that names them, and a join over the
// union graph multiplies those repetitions (millions of rows on a large
// store).
const Q_ACTORS: &str = "SELECT DISTINCT ?actor ?class WHERE {
  ?actor a ?c . VALUES ?c { ag:Person ag:Organization }
  BIND(STRAFTER(STR(?c), \"#\") AS ?class)
}";

const Q_LABELS: &str = "SELECT DISTINCT ?actor ?name WHERE { ?actor skos:prefLabel ?name }";

const Q_ALIASES: &str = "SELECT DISTINCT ?actor ?alias WHERE { ?actor skos:altLabel ?alias }";

/// Every quad with `predicate` (and `object`, when given) in a named
/// graph, as (graph, subject, object): a scan of one index, much faster on
/// a large store than a SPARQL join over the same quads.
fn scan(store: &Store, predicate: &str, object: Option<&str>) -> Result<Vec<(String, String, Term)>> {
    let p = NamedNodeRef::new(predicate).map_err(|e| anyhow!("internal error: {e}"))?;
    let o = object.map(NamedNodeRef::new).transpose().map_err(|e| anyhow!("internal error: {e}"))?;
    let mut out = Vec::new();
    for q in store.quads_for_pattern(None, Some(p), o.map(|o| o.into()), None) {
        let q = q?;
        let GraphName::NamedNode(g) = q.graph_name else { continue };
        let NamedOrBlankNode::NamedNode(s) = q.subject else { continue };
        out.push((g.into_string(), s.into_string(), q.object));
    }
    Ok(out)
}

/// A term's lexical value.
fn lexical(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

const Q_ARTICLES: &str = "SELECT DISTINCT ?doc WHERE { GRAPH ?doc { ?doc a ag:Article } }";

/// Articles naming each actor, per publication date.
const Q_NAMED: &str = "SELECT ?actor ?issued (COUNT(DISTINCT ?doc) AS ?n) WHERE {
  GRAPH ?doc { ?doc schema:mentions ?actor . OPTIONAL { ?doc dcterms:issued ?issued } }
} GROUP BY ?actor ?issued";

/// Per relation triple and publication date: the supporting articles, the
/// highest confidence and the number of evidence sentences.
const Q_EDGES: &str = "SELECT ?s ?p ?o ?issued (COUNT(DISTINCT ?fact) AS ?n) (MAX(?c) AS ?conf) (COUNT(?ev) AS ?evidence) WHERE {
  GRAPH ?doc {
    ?fact a ag:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?fact ag:confidence ?c }
    OPTIONAL { ?fact ag:evidence ?ev }
    OPTIONAL { ?doc dcterms:issued ?issued }
    {MIN_CONFIDENCE}
  }
} GROUP BY ?s ?p ?o ?issued";

/// The evidence of one relation triple (a fact is one per article). The
/// asserted triple comes first: the store finds its graphs in one index
/// lookup, where starting from the fact's properties scans a hub's facts.
const Q_EVIDENCE: &str = "SELECT ?doc ?ev ?c ?kind WHERE {
  GRAPH ?doc {
    <{S}> <{P}> <{O}> .
    ?fact rdf:subject <{S}> ; rdf:predicate <{P}> ; rdf:object <{O}> ; a ag:Fact .
    OPTIONAL { ?fact ag:confidence ?c }
    OPTIONAL { ?fact ag:kind ?kind }
    OPTIONAL { ?fact ag:evidence ?ev }
    {MIN_CONFIDENCE}
    {RANGE}
  }
} {LIMIT}";

const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";

/// The first literal value of `subject predicate ?` in `graph`.
fn literal_of(store: &Store, graph: &str, subject: &str, predicate: &str) -> Result<Option<String>> {
    let (Ok(g), Ok(s), Ok(p)) = (NamedNodeRef::new(graph), NamedNodeRef::new(subject), NamedNodeRef::new(predicate)) else {
        return Ok(None);
    };
    let mut quads = store.quads_for_pattern(Some(NamedOrBlankNodeRef::from(s)), Some(p), None, Some(GraphNameRef::from(g)));
    match quads.next() {
        Some(q) => Ok(match q?.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        }),
        None => Ok(None),
    }
}

/// The offsets and text of the evidence `ev` of article graph `doc`.
fn sentence(store: &Store, doc: &str, ev: &str) -> Result<Option<(u64, u64, String)>> {
    let get = |local: &str| literal_of(store, doc, ev, &format!("{NIF}{local}"));
    let (Some(b), Some(e), Some(text)) = (get("beginIndex")?, get("endIndex")?, get("anchorOf")?) else { return Ok(None) };
    Ok(Some((b.parse().unwrap_or(0), e.parse().unwrap_or(0), text)))
}

/// The week of a date written YYYY-MM-DD (or starting so): weeks run from
/// Monday, counted from Monday 1970-01-05 (week 0). None for anything else.
pub fn week_of(date: &str) -> Option<i64> {
    let d = crate::events::dates::Date::parse_iso(date)?;
    Some((d.days() - 4).div_euclid(7))
}

/// Counts per week, sorted, from the dates of some articles.
fn histogram<'a>(dates: impl Iterator<Item = Option<&'a str>>) -> (Vec<(i64, usize)>, usize) {
    let mut weeks: BTreeMap<i64, usize> = BTreeMap::new();
    let mut undated = 0;
    for d in dates {
        match d.and_then(week_of) {
            Some(w) => *weeks.entry(w).or_default() += 1,
            None => undated += 1,
        }
    }
    (weeks.into_iter().collect(), undated)
}

/// A shell word: single-quoted unless plain.
fn shell_word(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+=:,@".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The command that lists every evidence sentence of one edge.
fn evidence_command(store_path: Option<&str>) -> String {
    let query = "PREFIX ag: <https://w3id.org/actorgraph/ontology#> \
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> \
PREFIX dcterms: <http://purl.org/dc/terms/> \
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> \
SELECT ?article ?begin ?end ?confidence ?sentence WHERE { GRAPH ?doc { \
?fact rdf:subject <{S}> ; rdf:predicate <{P}> ; rdf:object <{O}> ; ag:evidence ?ev . \
OPTIONAL { ?fact ag:confidence ?confidence } \
?ev nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?sentence . \
?doc dcterms:identifier ?article } } ORDER BY ?article ?begin";
    format!("actorgraph query --store {} {}", shell_word(store_path.unwrap_or("STORE")), shell_word(query))
}

const Q_SYMMETRIC: &str = "SELECT ?p WHERE { ?p a owl:SymmetricProperty }";

type Row = Vec<Option<Term>>;

/// Runs a SELECT with the union of all graphs as default graph.
fn select(store: &Store, query: &str) -> Result<Vec<Row>> {
    let text = format!("{PREFIXES}{query}");
    let mut prepared = SparqlEvaluator::new().parse_query(&text).map_err(|e| anyhow!("internal SPARQL error: {e}"))?;
    prepared.dataset_mut().set_default_graph_as_union();
    match prepared.on_store(store).execute().map_err(|e| anyhow!("query failed: {e}"))? {
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for s in solutions {
                let s = s?;
                rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
            }
            Ok(rows)
        }
        _ => bail!("internal error: not a SELECT query"),
    }
}

/// A term's lexical value (IRI string or literal value).
fn value(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        Some(other) => Some(other.to_string()),
        None => None,
    }
}

pub(super) fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().filter(|s| !s.is_empty()).unwrap_or(iri)
}

/// Whether an article issued on `date` is in the range of `options`.
fn in_range(options: &Options, date: Option<&str>) -> bool {
    if options.from.is_none() && options.to.is_none() {
        return true;
    }
    let Some(d) = date.and_then(|d| d.get(..10)) else { return false };
    options.from.as_deref().is_none_or(|f| d >= f) && options.to.as_deref().is_none_or(|t| d <= t)
}

/// Reads the network from the store and applies `options`.
///
/// Counts come from SPARQL aggregates, which the store computes without
/// spelling out every IRI; only the kept evidence sentences, and the
/// articles they come from, are read as text. On a large store that is the
/// difference between a minute and a few seconds.
pub fn network(store: &Store, options: &Options) -> Result<Network> {
    // Actors: class and preferred label (the smallest, if a store has several).
    let mut actors: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
    for r in select(store, Q_ACTORS)? {
        let (Some(iri), Some(class)) = (value(&r[0]), value(&r[1])) else { continue };
        let e = actors.entry(iri).or_insert_with(|| (class.clone(), None));
        e.0 = e.0.clone().min(class);
    }
    for r in select(store, Q_LABELS)? {
        let (Some(iri), Some(name)) = (value(&r[0]), value(&r[1])) else { continue };
        if let Some(e) = actors.get_mut(&iri) {
            e.1 = Some(e.1.clone().map_or(name.clone(), |o| o.min(name)));
        }
    }
    let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in select(store, Q_ALIASES)? {
        if let (Some(a), Some(l)) = (value(&r[0]), value(&r[1])) {
            if actors.contains_key(&a) {
                aliases.entry(a).or_default().insert(l);
            }
        }
    }
    let symmetric: BTreeSet<String> = select(store, Q_SYMMETRIC)?.iter().filter_map(|r| value(&r[0])).collect();
    let date_ok = |d: &Option<String>| in_range(options, d.as_deref());

    let min_confidence =
        if options.min_confidence > 0.0 { format!("FILTER(BOUND(?c) && ?c >= {})", options.min_confidence) } else { String::new() };
    // The two aggregates are most of the work: one on each core.
    let (named_rows, edge_rows) =
        rayon::join(|| select(store, Q_NAMED), || select(store, &Q_EDGES.replace("{MIN_CONFIDENCE}", &min_confidence)));

    // Actors named by the articles: counts per publication date.
    let mut named: BTreeMap<String, (usize, BTreeMap<i64, usize>, usize)> = BTreeMap::new();
    for r in named_rows? {
        let (Some(actor), issued, Some(n)) = (value(&r[0]), value(&r[1]), value(&r[2])) else { continue };
        if !date_ok(&issued) {
            continue;
        }
        let n: usize = n.parse().unwrap_or(0);
        let e = named.entry(actor).or_default();
        e.0 += n;
        match issued.as_deref().and_then(week_of) {
            Some(w) => *e.1.entry(w).or_default() += n,
            None => e.2 += n,
        }
    }

    // Relation edges, one per distinct triple, summed over publication dates.
    struct Acc {
        support: usize,
        confidence: Option<f64>,
        evidence: usize,
        weeks: BTreeMap<i64, usize>,
        undated: usize,
    }
    let mut triples: BTreeMap<(String, String, String), Acc> = BTreeMap::new();
    for r in edge_rows? {
        let (Some(s), Some(p), Some(o), issued, Some(n)) = (value(&r[0]), value(&r[1]), value(&r[2]), value(&r[3]), value(&r[4])) else {
            continue;
        };
        if !date_ok(&issued) {
            continue;
        }
        let n: usize = n.parse().unwrap_or(0);
        let acc = triples.entry((s, p, o)).or_insert_with(|| Acc {
            support: 0,
            confidence: None,
            evidence: 0,
            weeks: BTreeMap::new(),
            undated: 0,
        });
        acc.support += n;
        if let Some(c) = value(&r[5]).and_then(|c| c.parse::<f64>().ok()) {
            acc.confidence = Some(acc.confidence.map_or(c, |m| m.max(c)));
        }
        acc.evidence += value(&r[6]).and_then(|c| c.parse().ok()).unwrap_or(0);
        match issued.as_deref().and_then(week_of) {
            Some(w) => *acc.weeks.entry(w).or_default() += n,
            None => acc.undated += n,
        }
    }
    let all_predicates: BTreeSet<String> = triples.keys().map(|(_, p, _)| local_name(p).to_string()).collect();

    // Check the requested predicates.
    let mut known: BTreeSet<String> = ["metWith", "rejected", "leads", "memberOf", "childOf"].iter().map(|s| s.to_string()).collect();
    known.extend(all_predicates.iter().cloned());
    known.insert(MENTIONS.to_string());
    for p in &options.predicates {
        if !known.contains(p) {
            bail!("unknown predicate '{p}' in --predicates; known: {}", known.iter().cloned().collect::<Vec<_>>().join(", "));
        }
        if p == MENTIONS && !options.with_articles {
            bail!("--predicates mentions needs --with-articles (mentions edges join articles to actors)");
        }
    }
    let keep = |p: &str| options.predicates.is_empty() || options.predicates.iter().any(|q| q == p);

    // Articles, read one by one for the evidence kept (all of them with
    // --with-articles): IRI -> (identifier, title, issued).
    let mut articles: BTreeMap<String, (String, Option<String>, Option<String>)> = BTreeMap::new();
    let mut article = |doc: &str| -> Result<(String, Option<String>, Option<String>)> {
        use crate::ontology::vocab::*;
        if let Some(a) = articles.get(doc) {
            return Ok(a.clone());
        }
        let id = literal_of(store, doc, doc, DCTERMS_IDENTIFIER)?.unwrap_or_else(|| local_name(doc).to_string());
        let a = (id, literal_of(store, doc, doc, DCTERMS_TITLE)?, literal_of(store, doc, doc, DCTERMS_ISSUED)?);
        articles.insert(doc.to_string(), a.clone());
        Ok(a)
    };

    // Nodes: actors named by an article or taking part in a relation.
    let mut actor_ids: BTreeSet<String> = named.keys().cloned().collect();
    for (s, _, o) in triples.keys() {
        actor_ids.insert(s.clone());
        actor_ids.insert(o.clone());
    }
    let mut nodes: Vec<Node> = actor_ids
        .iter()
        .map(|iri| {
            let (class, name) = actors.get(iri).cloned().unwrap_or_else(|| ("Actor".to_string(), None));
            let (articles, weeks, undated) = named.get(iri).cloned().unwrap_or_default();
            Node {
                id: iri.clone(),
                label: name.unwrap_or_else(|| local_name(iri).to_string()),
                class,
                aliases: aliases.get(iri).map(|a| a.iter().cloned().collect()).unwrap_or_default(),
                articles,
                identifier: String::new(),
                x: 0.0,
                y: 0.0,
                degree: 0,
                weeks: weeks.into_iter().collect(),
                undated,
            }
        })
        .collect();

    let mut edges = Vec::new();
    let range_filter = match (&options.from, &options.to) {
        (None, None) => String::new(),
        (f, t) => {
            let mut s = "?doc dcterms:issued ?issued . BIND(SUBSTR(STR(?issued), 1, 10) AS ?day)".to_string();
            if let Some(f) = f {
                s.push_str(&format!(" FILTER(?day >= \"{f}\")"));
            }
            if let Some(t) = t {
                s.push_str(&format!(" FILTER(?day <= \"{t}\")"));
            }
            s
        }
    };
    // The kept evidence: the most confident first. A first query stops
    // after `max` facts at the edge's highest confidence (cheap however many
    // articles state it); only when those are too few does a second one
    // sort all the edge's facts. The queries run on every core.
    let kept: Vec<(usize, &(String, String, String), &Acc)> = triples
        .iter()
        .enumerate()
        .filter(|(_, ((_, p, _), acc))| keep(local_name(p)) && acc.support >= options.min_support)
        .map(|(i, (k, acc))| (i, k, acc))
        .collect();
    let evidence_rows = |(s, p, o): &(String, String, String), acc: &Acc| -> Result<Vec<Row>> {
        let query = Q_EVIDENCE.replace("{S}", s).replace("{P}", p).replace("{O}", o).replace("{RANGE}", &range_filter);
        let mut rows = Vec::new();
        match options.max_evidence {
            None => rows = select(store, &query.replace("{MIN_CONFIDENCE}", &min_confidence).replace("{LIMIT}", ""))?,
            Some(0) => {}
            Some(max) => {
                if let Some(best) = acc.confidence {
                    let filter = format!("FILTER(BOUND(?c) && ?c >= {best})");
                    rows = select(store, &query.replace("{MIN_CONFIDENCE}", &filter).replace("{LIMIT}", &format!("LIMIT {max}")))?;
                }
                if rows.len() < max && rows.len() < acc.evidence.max(acc.support) {
                    let limit = format!("ORDER BY DESC(?c) ?doc ?ev LIMIT {max}");
                    rows = select(store, &query.replace("{MIN_CONFIDENCE}", &min_confidence).replace("{LIMIT}", &limit))?;
                }
            }
        }
        Ok(rows)
    };
    let all_rows: Vec<Result<Vec<Row>>> = {
        use rayon::prelude::*;
        kept.par_iter().map(|(_, k, acc)| evidence_rows(k, acc)).collect()
    };
    for ((i, (s, p, o), acc), rows) in kept.into_iter().zip(all_rows) {
        let rows = rows?;
        let name = local_name(p);
        let mut evidence = Vec::with_capacity(rows.len());
        let mut arts = BTreeSet::new();
        for r in &rows {
            let Some(doc) = value(&r[0]) else { continue };
            let (id, _, _) = article(&doc)?;
            arts.insert(id.clone());
            let Some(ev) = value(&r[1]) else { continue };
            if let Some((begin, end, sentence)) = sentence(store, &doc, &ev)? {
                let confidence = value(&r[2]).unwrap_or_default();
                evidence.push(Evidence { article: id, begin, end, sentence, confidence, kind: value(&r[3]).unwrap_or_default() });
            }
        }
        evidence.sort();
        evidence.dedup();
        edges.push(Edge {
            id: format!("e{}", i + 1),
            source: s.clone(),
            target: o.clone(),
            predicate: name.to_string(),
            symmetric: symmetric.contains(p),
            support: acc.support,
            confidence: acc.confidence,
            articles: arts.into_iter().collect(),
            evidence,
            evidence_total: acc.evidence,
            weeks: acc.weeks.iter().map(|(w, n)| (*w, *n)).collect(),
            undated: acc.undated,
        });
    }

    if options.with_articles {
        // Every article in the range, and the actors each one names.
        let mut docs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for r in select(store, Q_ARTICLES)? {
            if let Some(d) = value(&r[0]) {
                docs.insert(d, BTreeSet::new());
            }
        }
        for (d, s, a) in scan(store, crate::ontology::vocab::SCHEMA_MENTIONS, None)? {
            if d == s {
                if let Some(set) = docs.get_mut(&d) {
                    set.insert(lexical(&a));
                }
            }
        }
        let mut pairs = Vec::new();
        for (doc, named) in &docs {
            let (id, title, date) = article(doc)?;
            if !in_range(options, date.as_deref()) {
                continue;
            }
            let (weeks, undated) = histogram(std::iter::once(date.as_deref()));
            nodes.push(Node {
                id: doc.clone(),
                label: title.clone().unwrap_or_else(|| id.clone()),
                class: "Article".to_string(),
                aliases: Vec::new(),
                articles: 1,
                identifier: id.clone(),
                x: 0.0,
                y: 0.0,
                degree: 0,
                weeks: weeks.clone(),
                undated,
            });
            pairs.extend(named.iter().map(|a| (doc.clone(), a.clone(), id.clone(), weeks.clone(), undated)));
        }
        if keep(MENTIONS) && options.min_support <= 1 {
            for (i, (d, a, id, weeks, undated)) in pairs.into_iter().enumerate() {
                edges.push(Edge {
                    id: format!("m{}", i + 1),
                    source: d,
                    target: a,
                    predicate: MENTIONS.to_string(),
                    symmetric: false,
                    support: 1,
                    confidence: None,
                    articles: vec![id],
                    evidence: Vec::new(),
                    evidence_total: 0,
                    weeks,
                    undated,
                });
            }
        }
    }
    place(&mut nodes, &edges);
    let mut predicates: Vec<String> = all_predicates.into_iter().filter(|p| keep(p)).collect();
    if options.with_articles && keep(MENTIONS) {
        predicates.push(MENTIONS.to_string());
    }
    let titles = articles.values().filter_map(|(id, title, _)| title.clone().map(|t| (id.clone(), t))).collect();
    let predicate_iris = triples.keys().map(|(_, p, _)| (local_name(p).to_string(), p.clone())).collect();
    Ok(Network {
        predicate_iris,
        nodes,
        edges,
        predicates,
        titles,
        evidence_command: evidence_command(options.store_path.as_deref()),
        from: options.from.clone(),
        to: options.to.clone(),
    })
}

/// Counts the relation degree of every node and lays the network out.
fn place(nodes: &mut [Node], edges: &[Edge]) {
    let index: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
    let pairs: Vec<(usize, usize)> =
        edges.iter().filter_map(|e| Some((*index.get(e.source.as_str())?, *index.get(e.target.as_str())?))).collect();
    let mut degree = vec![0; nodes.len()];
    for (e, &(a, b)) in edges.iter().zip(&pairs) {
        if e.predicate != MENTIONS {
            degree[a] += 1;
            degree[b] += 1;
        }
    }
    let positions = layout::forceatlas2(nodes.len(), &pairs);
    for ((n, (x, y)), d) in nodes.iter_mut().zip(positions).zip(degree) {
        n.x = x;
        n.y = y;
        n.degree = d;
    }
}

/// Writes the network of `store` in `format`; returns (nodes, edges).
pub fn write(store: &Store, format: GraphFormat, options: &Options, out: &mut dyn Write) -> Result<(usize, usize)> {
    let net = network(store, options)?;
    match format {
        GraphFormat::Graphml => xml::write_graphml(&net, out)?,
        GraphFormat::Gexf => xml::write_gexf(&net, out)?,
        GraphFormat::Cytoscape => cytoscape::write_cytoscape(&net, out)?,
        GraphFormat::Dot => dot::write_dot(&net, out)?,
        GraphFormat::Html => html::write_html(&net, out)?,
    }
    Ok((net.nodes.len(), net.edges.len()))
}

// ---------------------------------------------------------------- styling

/// Fill colour of a node class (also used by the HTML view's legend).
pub fn class_color(class: &str) -> &'static str {
    match class {
        "Person" => "#4e79a7",
        "Organization" => "#f28e2b",
        "Article" => "#9d9d9d",
        _ => "#76b7b2",
    }
}

/// Stroke colour of a predicate.
pub fn predicate_color(predicate: &str) -> &'static str {
    match predicate {
        "metWith" => "#59a14f",
        "rejected" => "#e15759",
        "leads" => "#8a5cad",
        "memberOf" => "#4e79a7",
        "childOf" => "#f28e2b",
        "mentions" => "#b8b8b8",
        _ => "#9c755f",
    }
}

pub(super) fn rgb(hex: &str) -> (u8, u8, u8) {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    (c(1), c(3), c(5))
}

/// Node size for the visual formats: grows with the logarithm of the
/// number of articles naming the actor, up to [`MAX_NODE_SIZE`], so that
/// an actor named in 20,000 articles does not cover the picture.
pub fn node_size(n: &Node) -> f64 {
    (8.0 + 4.0 * (1.0 + n.articles as f64).log2()).min(MAX_NODE_SIZE)
}

/// The largest node size of [`node_size`].
pub const MAX_NODE_SIZE: f64 = 40.0;

/// One evidence entry as a line of text: `article [begin,end]: sentence`.
pub(super) fn evidence_line(e: &Evidence) -> String {
    format!("{} [{},{}]: {}", e.article, e.begin, e.end, e.sentence)
}

/// The name and version written into every export.
pub(super) fn generator() -> String {
    format!("actorgraph {}", env!("CARGO_PKG_VERSION"))
}
