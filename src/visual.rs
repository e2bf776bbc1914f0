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

use anyhow::{anyhow, bail, Result};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
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

fn local_name(iri: &str) -> &str {
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
        GraphFormat::Graphml => write_graphml(&net, out)?,
        GraphFormat::Gexf => write_gexf(&net, out)?,
        GraphFormat::Cytoscape => write_cytoscape(&net, out)?,
        GraphFormat::Dot => write_dot(&net, out)?,
        GraphFormat::Html => write_html(&net, out)?,
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

fn rgb(hex: &str) -> (u8, u8, u8) {
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    (c(1), c(3), c(5))
}

/// Node size for the visual formats: grows with the square root of the
/// number of articles naming the actor.
fn node_size(n: &Node) -> f64 {
    10.0 + 6.0 * (n.articles as f64).sqrt()
}

/// One evidence entry as a line of text: `article [begin,end]: sentence`.
fn evidence_line(e: &Evidence) -> String {
    format!("{} [{},{}]: {}", e.article, e.begin, e.end, e.sentence)
}

/// Removes the characters XML 1.0 cannot hold at all (C0 controls other
/// than tab, newline and carriage return; U+FFFE, U+FFFF).
fn xml_chars(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

// ---------------------------------------------------------------- GraphML

type XmlWriter<'a> = Writer<&'a mut dyn Write>;

fn start(w: &mut XmlWriter<'_>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let attrs: Vec<(&str, String)> = attrs.iter().map(|(k, v)| (*k, xml_chars(v))).collect();
    w.write_event(Event::Start(BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))))
}

fn empty(w: &mut XmlWriter<'_>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let attrs: Vec<(&str, String)> = attrs.iter().map(|(k, v)| (*k, xml_chars(v))).collect();
    w.write_event(Event::Empty(BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))))
}

fn end(w: &mut XmlWriter<'_>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn text_element(w: &mut XmlWriter<'_>, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
    start(w, name, attrs)?;
    w.write_event(Event::Text(BytesText::new(&xml_chars(text))))?;
    end(w, name)
}

fn generator() -> String {
    format!("actorgraph {}", env!("CARGO_PKG_VERSION"))
}

fn write_graphml(net: &Network, out: &mut dyn Write) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
        ],
    )?;
    let keys: &[(&str, &str, &str, &str)] = &[
        ("label", "node", "label", "string"),
        ("class", "node", "class", "string"),
        ("iri", "node", "iri", "string"),
        ("aliases", "node", "aliases", "string"),
        ("articles", "node", "articles", "int"),
        ("color", "node", "color", "string"),
        ("predicate", "edge", "predicate", "string"),
        ("elabel", "edge", "label", "string"),
        ("symmetric", "edge", "symmetric", "boolean"),
        ("support", "edge", "support", "int"),
        ("confidence", "edge", "confidence", "double"),
        ("sources", "edge", "articles", "string"),
        ("evidence", "edge", "evidence", "string"),
        ("ecolor", "edge", "color", "string"),
    ];
    for (id, for_, name, ty) in keys {
        empty(&mut w, "key", &[("id", id), ("for", for_), ("attr.name", name), ("attr.type", ty)])?;
    }
    start(&mut w, "graph", &[("id", "actorgraph"), ("edgedefault", "directed")])?;
    for n in &net.nodes {
        start(&mut w, "node", &[("id", &n.id)])?;
        text_element(&mut w, "data", &[("key", "label")], &n.label)?;
        text_element(&mut w, "data", &[("key", "class")], &n.class)?;
        text_element(&mut w, "data", &[("key", "iri")], &n.id)?;
        if !n.aliases.is_empty() {
            text_element(&mut w, "data", &[("key", "aliases")], &n.aliases.join(" | "))?;
        }
        text_element(&mut w, "data", &[("key", "articles")], &n.articles.to_string())?;
        text_element(&mut w, "data", &[("key", "color")], class_color(&n.class))?;
        end(&mut w, "node")?;
    }
    for e in &net.edges {
        start(&mut w, "edge", &[("id", &e.id), ("source", &e.source), ("target", &e.target)])?;
        text_element(&mut w, "data", &[("key", "predicate")], &e.predicate)?;
        text_element(&mut w, "data", &[("key", "elabel")], &e.predicate)?;
        text_element(&mut w, "data", &[("key", "symmetric")], if e.symmetric { "true" } else { "false" })?;
        text_element(&mut w, "data", &[("key", "support")], &e.support.to_string())?;
        if let Some(c) = e.confidence {
            text_element(&mut w, "data", &[("key", "confidence")], &c.to_string())?;
        }
        text_element(&mut w, "data", &[("key", "sources")], &e.articles.join(" | "))?;
        if !e.evidence.is_empty() {
            let lines: Vec<String> = e.evidence.iter().map(evidence_line).collect();
            text_element(&mut w, "data", &[("key", "evidence")], &lines.join("\n"))?;
        }
        text_element(&mut w, "data", &[("key", "ecolor")], predicate_color(&e.predicate))?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "graph")?;
    end(&mut w, "graphml")?;
    w.into_inner().write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- GEXF

fn write_gexf(net: &Network, out: &mut dyn Write) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "gexf",
        &[
            ("xmlns", "http://www.gexf.net/1.2draft"),
            ("xmlns:viz", "http://www.gexf.net/1.2draft/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"),
            ("version", "1.2"),
        ],
    )?;
    start(&mut w, "meta", &[])?;
    text_element(&mut w, "creator", &[], &generator())?;
    text_element(&mut w, "description", &[], "Political actors and the relations articles state between them")?;
    end(&mut w, "meta")?;
    start(&mut w, "graph", &[("defaultedgetype", "directed"), ("mode", "static")])?;
    let node_attrs: &[(&str, &str, &str)] =
        &[("class", "class", "string"), ("iri", "iri", "string"), ("aliases", "aliases", "string"), ("articles", "articles", "integer")];
    let edge_attrs: &[(&str, &str, &str)] = &[
        ("predicate", "predicate", "string"),
        ("symmetric", "symmetric", "boolean"),
        ("support", "support", "integer"),
        ("confidence", "confidence", "double"),
        ("sources", "articles", "string"),
        ("evidence", "evidence", "string"),
    ];
    for (class, attrs) in [("node", node_attrs), ("edge", edge_attrs)] {
        start(&mut w, "attributes", &[("class", class), ("mode", "static")])?;
        for (id, title, ty) in attrs {
            empty(&mut w, "attribute", &[("id", id), ("title", title), ("type", ty)])?;
        }
        end(&mut w, "attributes")?;
    }
    start(&mut w, "nodes", &[])?;
    for n in &net.nodes {
        start(&mut w, "node", &[("id", &n.id), ("label", &n.label)])?;
        start(&mut w, "attvalues", &[])?;
        let articles = n.articles.to_string();
        let aliases = n.aliases.join(" | ");
        for (k, v) in [("class", n.class.as_str()), ("iri", n.id.as_str()), ("aliases", aliases.as_str()), ("articles", articles.as_str())]
        {
            empty(&mut w, "attvalue", &[("for", k), ("value", v)])?;
        }
        end(&mut w, "attvalues")?;
        let (r, g, b) = rgb(class_color(&n.class));
        empty(&mut w, "viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
        empty(&mut w, "viz:size", &[("value", &node_size(n).to_string())])?;
        end(&mut w, "node")?;
    }
    end(&mut w, "nodes")?;
    start(&mut w, "edges", &[])?;
    for e in &net.edges {
        let weight = e.support.to_string();
        start(
            &mut w,
            "edge",
            &[("id", &e.id), ("source", &e.source), ("target", &e.target), ("label", &e.predicate), ("weight", &weight)],
        )?;
        start(&mut w, "attvalues", &[])?;
        let lines: Vec<String> = e.evidence.iter().map(evidence_line).collect();
        let confidence = e.confidence.map(|c| c.to_string());
        let mut values = vec![
            ("predicate", e.predicate.clone()),
            ("symmetric", e.symmetric.to_string()),
            ("support", weight.clone()),
            ("sources", e.articles.join(" | ")),
            // An attribute cannot keep a newline through an XML parser.
            ("evidence", lines.join(" || ")),
        ];
        if let Some(c) = confidence {
            values.insert(3, ("confidence", c));
        }
        for (k, v) in &values {
            empty(&mut w, "attvalue", &[("for", k), ("value", v)])?;
        }
        end(&mut w, "attvalues")?;
        let (r, g, b) = rgb(predicate_color(&e.predicate));
        empty(&mut w, "viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.into_inner().write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- Cytoscape JSON

fn write_cytoscape(net: &Network, out: &mut dyn Write) -> Result<()> {
    use serde_json::{json, Value};
    let nodes: Vec<Value> = net
        .nodes
        .iter()
        .map(|n| {
            let mut data = json!({
                "id": n.id, "label": n.label, "name": n.label, "class": n.class, "iri": n.id,
                "aliases": n.aliases, "articles": n.articles, "color": class_color(&n.class), "size": node_size(n),
            });
            if !n.identifier.is_empty() {
                data["identifier"] = json!(n.identifier);
            }
            json!({ "data": data, "classes": n.class })
        })
        .collect();
    let edges: Vec<Value> = net
        .edges
        .iter()
        .map(|e| {
            let mut data = json!({
                "id": e.id, "source": e.source, "target": e.target, "predicate": e.predicate,
                "interaction": e.predicate, "label": e.predicate, "symmetric": e.symmetric,
                "support": e.support, "weight": e.support, "articles": e.articles,
                "evidence": e.evidence.iter().map(evidence_line).collect::<Vec<_>>(),
                "color": predicate_color(&e.predicate),
            });
            if let Some(c) = e.confidence {
                data["confidence"] = json!(c);
            }
            json!({ "data": data, "classes": e.predicate })
        })
        .collect();
    let doc = json!({
        "format_version": "1.0",
        "generated_by": generator(),
        "target_cytoscapejs_version": "~3",
        "data": { "name": "actorgraph" },
        "elements": { "nodes": nodes, "edges": edges },
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- DOT

/// A DOT double-quoted string. Graphviz gives backslashes a meaning in
/// labels (`\n`, `\N`, `\G`...), so a backslash is doubled, a quote is
/// escaped and a line break becomes `\n`; nothing else needs escaping.
pub fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_dot(net: &Network, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "// {}: political actors and the relations articles state between them", generator())?;
    writeln!(out, "digraph actorgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=11, fontcolor=\"#ffffff\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for n in &net.nodes {
        let shape = match n.class.as_str() {
            "Organization" => "box",
            "Article" => "note",
            _ => "ellipse",
        };
        let mut tooltip = format!("{} ({}), named in {} article(s)", n.label, n.class, n.articles);
        if !n.aliases.is_empty() {
            tooltip.push_str(&format!("; also: {}", n.aliases.join(", ")));
        }
        writeln!(
            out,
            "  {} [label={}, shape={shape}, fillcolor={}, fontsize={}, tooltip={}, class={}];",
            dot_string(&n.id),
            dot_string(&n.label),
            dot_string(class_color(&n.class)),
            10 + (n.articles.min(10)),
            dot_string(&tooltip),
            dot_string(&n.class),
        )?;
    }
    for e in &net.edges {
        let style = match e.predicate.as_str() {
            "rejected" => "dashed",
            "mentions" => "dotted",
            _ => "solid",
        };
        let tooltip: Vec<String> = e.evidence.iter().map(evidence_line).collect();
        writeln!(
            out,
            "  {} -> {} [id={}, label={}, color={}, fontcolor={}, style={style}, penwidth={}, dir={}, weight={}, tooltip={}];",
            dot_string(&e.source),
            dot_string(&e.target),
            dot_string(&e.id),
            dot_string(&if e.support > 1 { format!("{} ({})", e.predicate, e.support) } else { e.predicate.clone() }),
            dot_string(predicate_color(&e.predicate)),
            dot_string(predicate_color(&e.predicate)),
            1 + e.support.min(5),
            if e.symmetric { "none" } else { "forward" },
            e.support,
            dot_string(&tooltip.join("\n")),
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

// ---------------------------------------------------------------- HTML

const HTML_TEMPLATE: &str = include_str!("../assets/view.html");
const HTML_CSS: &str = include_str!("../assets/view.css");
const HTML_JS: &str = include_str!("../assets/view.js");

/// A serde_json formatter for JSON embedded in HTML: `<`, `>`, `&`, U+2028
/// and U+2029 in strings become `\u` escapes, so no string can close the
/// `<script>` element or open a comment.
struct HtmlSafeJson;

impl serde_json::ser::Formatter for HtmlSafeJson {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut last = 0;
        for (i, c) in fragment.char_indices() {
            let rep = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[last..i])?;
            w.write_all(rep.as_bytes())?;
            last = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[last..])
    }
}

/// Serializes `value` as JSON safe to place inside a `<script>` element.
pub fn html_safe_json<T: Serialize>(value: &T) -> Result<String> {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, HtmlSafeJson);
    value.serialize(&mut ser)?;
    Ok(String::from_utf8(buf)?)
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(A[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[derive(Serialize)]
struct ViewData<'a> {
    generator: String,
    nodes: &'a [Node],
    edges: &'a [Edge],
    predicates: &'a [String],
    /// Article identifier -> title, for the side panel.
    titles: &'a BTreeMap<String, String>,
    class_colors: BTreeMap<&'static str, &'static str>,
    predicate_colors: BTreeMap<String, &'static str>,
}

fn write_html(net: &Network, out: &mut dyn Write) -> Result<()> {
    let data = ViewData {
        generator: generator(),
        nodes: &net.nodes,
        edges: &net.edges,
        predicates: &net.predicates,
        titles: &net.titles,
        class_colors: ["Person", "Organization", "Article", "Actor"].into_iter().map(|c| (c, class_color(c))).collect(),
        predicate_colors: net.predicates.iter().map(|p| (p.clone(), predicate_color(p))).collect(),
    };
    let json = html_safe_json(&data)?;
    // The script is ours and fixed; the policy allows only it (by hash), so
    // even markup that slipped into the page could not run scripts.
    let hash = base64(&Sha256::digest(HTML_JS.as_bytes()));
    let mut parts = HTML_TEMPLATE.splitn(2, "{{DATA}}");
    let (head, tail) = (parts.next().unwrap_or(""), parts.next().ok_or_else(|| anyhow!("internal error: bad HTML template"))?);
    let head = head.replace("{{CSP_SCRIPT_HASH}}", &hash).replace("{{CSS}}", HTML_CSS).replace("{{GENERATOR}}", &generator());
    let tail = tail.replace("{{JS}}", HTML_JS);
    out.write_all(head.as_bytes())?;
    out.write_all(json.as_bytes())?;
    out.write_all(tail.as_bytes())?;
    Ok(())
}
