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
//! XML is written with quick-xml and JSON with serde_json, so every label and
//! sentence is escaped by a library. Everything is sorted: the same store
//! gives the same bytes.

mod cytoscape;
mod dot;
mod html;
mod xml;

pub use dot::dot_string;
pub use html::html_safe_json;

use anyhow::{anyhow, bail, Result};
use oxigraph::model::Term;
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

/// What goes into the network.
#[derive(Debug, Clone, Default)]
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
    pub evidence: Vec<Evidence>,
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
}

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
";

const Q_ACTORS: &str = "SELECT ?actor ?class ?name WHERE {
  ?actor a ?c . VALUES ?c { ag:Person ag:Organization }
  BIND(STRAFTER(STR(?c), \"#\") AS ?class)
  OPTIONAL { ?actor skos:prefLabel ?name }
}";

const Q_ALIASES: &str = "SELECT ?actor ?alias WHERE {
  ?actor a ?c ; skos:altLabel ?alias . VALUES ?c { ag:Person ag:Organization }
}";

const Q_ARTICLES: &str = "SELECT ?doc ?id ?title WHERE {
  GRAPH ?doc { ?doc a ag:Article . OPTIONAL { ?doc dcterms:identifier ?id } OPTIONAL { ?doc dcterms:title ?title } }
}";

const Q_MENTIONS: &str = "SELECT ?doc ?actor WHERE { GRAPH ?doc { ?doc schema:mentions ?actor } }";

const Q_FACTS: &str = "SELECT ?doc ?s ?p ?o ?confidence ?kind ?begin ?end ?sentence WHERE {
  GRAPH ?doc {
    ?s ?p ?o .
    ?fact a ag:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?fact ag:confidence ?confidence }
    OPTIONAL { ?fact ag:kind ?kind }
    OPTIONAL { ?fact ag:evidence ?ev . ?ev nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?sentence }
  }
}";

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

/// Reads the network from the store and applies `options`.
pub fn network(store: &Store, options: &Options) -> Result<Network> {
    // Actors: class and preferred label (the smallest, if a store has several).
    let mut actors: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
    for r in select(store, Q_ACTORS)? {
        let (Some(iri), Some(class)) = (value(&r[0]), value(&r[1])) else { continue };
        let name = value(&r[2]);
        let e = actors.entry(iri).or_insert_with(|| (class.clone(), name.clone()));
        e.0 = e.0.clone().min(class);
        if let Some(n) = name {
            e.1 = Some(e.1.clone().map_or(n.clone(), |o| o.min(n)));
        }
    }
    let mut aliases: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in select(store, Q_ALIASES)? {
        if let (Some(a), Some(l)) = (value(&r[0]), value(&r[1])) {
            aliases.entry(a).or_default().insert(l);
        }
    }
    // Articles: IRI -> (identifier, title).
    let mut articles: BTreeMap<String, (String, Option<String>)> = BTreeMap::new();
    for r in select(store, Q_ARTICLES)? {
        let Some(doc) = value(&r[0]) else { continue };
        let id = value(&r[1]).unwrap_or_else(|| local_name(&doc).to_string());
        articles.insert(doc, (id, value(&r[2])));
    }
    let ident = |doc: &str| articles.get(doc).map(|a| a.0.clone()).unwrap_or_else(|| local_name(doc).to_string());
    let mut mentions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new(); // actor -> docs
    for r in select(store, Q_MENTIONS)? {
        if let (Some(d), Some(a)) = (value(&r[0]), value(&r[1])) {
            mentions.entry(a).or_default().insert(d);
        }
    }
    let symmetric: BTreeSet<String> = select(store, Q_SYMMETRIC)?.iter().filter_map(|r| value(&r[0])).collect();

    // Relation edges, one per distinct triple.
    struct Acc {
        docs: BTreeSet<String>,
        evidence: BTreeSet<Evidence>,
        confidence: Option<f64>,
    }
    let mut triples: BTreeMap<(String, String, String), Acc> = BTreeMap::new();
    for r in select(store, Q_FACTS)? {
        let (Some(doc), Some(s), Some(p), Some(o)) = (value(&r[0]), value(&r[1]), value(&r[2]), value(&r[3])) else { continue };
        let confidence = value(&r[4]);
        if options.min_confidence > 0.0
            && confidence.as_deref().and_then(|c| c.parse::<f64>().ok()).is_none_or(|c| c < options.min_confidence)
        {
            continue;
        }
        let kind = value(&r[5]).unwrap_or_default();
        let acc = triples.entry((s, p, o)).or_insert_with(|| Acc { docs: BTreeSet::new(), evidence: BTreeSet::new(), confidence: None });
        acc.docs.insert(doc.clone());
        if let Some(c) = confidence.as_deref().and_then(|c| c.parse::<f64>().ok()) {
            acc.confidence = Some(acc.confidence.map_or(c, |m| m.max(c)));
        }
        if let (Some(b), Some(e), Some(sentence)) = (value(&r[6]), value(&r[7]), value(&r[8])) {
            acc.evidence.insert(Evidence {
                article: ident(&doc),
                begin: b.parse().unwrap_or(0),
                end: e.parse().unwrap_or(0),
                sentence,
                confidence: confidence.clone().unwrap_or_default(),
                kind: kind.clone(),
            });
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

    // Nodes: actors named by an article or taking part in a relation.
    let mut actor_ids: BTreeSet<String> = mentions.keys().cloned().collect();
    for (s, _, o) in triples.keys() {
        actor_ids.insert(s.clone());
        actor_ids.insert(o.clone());
    }
    let mut nodes: Vec<Node> = actor_ids
        .iter()
        .map(|iri| {
            let (class, name) = actors.get(iri).cloned().unwrap_or_else(|| ("Actor".to_string(), None));
            Node {
                id: iri.clone(),
                label: name.unwrap_or_else(|| local_name(iri).to_string()),
                class,
                aliases: aliases.get(iri).map(|a| a.iter().cloned().collect()).unwrap_or_default(),
                articles: mentions.get(iri).map_or(0, |d| d.len()),
                identifier: String::new(),
            }
        })
        .collect();

    let mut edges = Vec::new();
    for (i, ((s, p, o), acc)) in triples.iter().enumerate() {
        let name = local_name(p);
        if !keep(name) || acc.docs.len() < options.min_support {
            continue;
        }
        let mut arts: Vec<String> = acc.docs.iter().map(|d| ident(d)).collect();
        arts.sort();
        edges.push(Edge {
            id: format!("e{}", i + 1),
            source: s.clone(),
            target: o.clone(),
            predicate: name.to_string(),
            symmetric: symmetric.contains(p),
            support: acc.docs.len(),
            confidence: acc.confidence,
            articles: arts,
            evidence: acc.evidence.iter().cloned().collect(),
        });
    }

    if options.with_articles {
        for (doc, (id, title)) in &articles {
            nodes.push(Node {
                id: doc.clone(),
                label: title.clone().unwrap_or_else(|| id.clone()),
                class: "Article".to_string(),
                aliases: Vec::new(),
                articles: 1,
                identifier: id.clone(),
            });
        }
        if keep(MENTIONS) && options.min_support <= 1 {
            let mut pairs: Vec<(&String, &String)> =
                mentions.iter().flat_map(|(a, docs)| docs.iter().map(move |d| (d, a))).filter(|(d, _)| articles.contains_key(*d)).collect();
            pairs.sort();
            for (i, (d, a)) in pairs.into_iter().enumerate() {
                edges.push(Edge {
                    id: format!("m{}", i + 1),
                    source: d.clone(),
                    target: a.clone(),
                    predicate: MENTIONS.to_string(),
                    symmetric: false,
                    support: 1,
                    confidence: None,
                    articles: vec![ident(d)],
                    evidence: Vec::new(),
                });
            }
        }
    }
    let mut predicates: Vec<String> = all_predicates.into_iter().filter(|p| keep(p)).collect();
    if options.with_articles && keep(MENTIONS) {
        predicates.push(MENTIONS.to_string());
    }
    let titles = articles.values().filter_map(|(id, title)| title.clone().map(|t| (id.clone(), t))).collect();
    Ok(Network { nodes, edges, predicates, titles })
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

/// Node size for the visual formats: grows with the square root of the
/// number of articles naming the actor.
pub(super) fn node_size(n: &Node) -> f64 {
    10.0 + 6.0 * (n.articles as f64).sqrt()
}

/// One evidence entry as a line of text: `article [begin,end]: sentence`.
pub(super) fn evidence_line(e: &Evidence) -> String {
    format!("{} [{},{}]: {}", e.article, e.begin, e.end, e.sentence)
}

/// The name and version written into every export.
pub(super) fn generator() -> String {
    format!("actorgraph {}", env!("CARGO_PKG_VERSION"))
}
