//! `load`: the shards `extract` wrote (N-Quads or TriG) into a store, with
//! everything `build` adds around the articles, so that a corpus extracted
//! anywhere ends as the store `build` would have made of it.
//!
//! Around the article graphs, like `build`: the ontology graph, the
//! discovered actors' spelling variants joined across articles (in shard
//! order, as `build` joins them in input order), a `prov:Activity` for the
//! load that every article it wrote points to, and the meetings merged
//! across articles. A shard is parsed whole before anything of it is
//! written, and written in one transaction (into a store with no article
//! yet, all shards go through one bulk load instead, committed at the end):
//! a corrupt shard is reported with its line and leaves nothing behind, and
//! the other shards load.

use crate::graph::ingest::{Options, Registry};
use crate::graph::provenance::Activity;
use crate::graph::store;
use crate::ontology::vocab::DOC_BASE;
use crate::ontology::Ontology;
use crate::text::document::{self, InputError};
use anyhow::Result;
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};
use oxigraph::store::Store;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a load did.
#[derive(Debug, Default)]
pub struct Summary {
    pub shards: usize,
    pub documents: usize,
    pub quads: usize,
    /// Identifiers of the articles written.
    pub identifiers: BTreeSet<String>,
    /// Shards not loaded (and articles skipped), with the reason.
    pub errors: Vec<InputError>,
    pub elapsed: Duration,
}

/// The extensions of shard files in a folder; Hadoop's and Spark's
/// `part-NNNNN` files (no extension) are read too, as N-Quads.
const SHARD_EXTENSIONS: &[&str] = &["nq", "nquads", "trig"];

/// The format of a shard: `format` when given, else by its extension
/// (`.trig` is TriG, anything else N-Quads, which `extract` writes by default).
fn shard_format(path: &Path, format: Option<RdfFormat>) -> RdfFormat {
    format.unwrap_or_else(|| {
        if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("trig")) {
            RdfFormat::TriG
        } else {
            RdfFormat::NQuads
        }
    })
}

/// Files, folders (their shard files, recursively, sorted) and `-`.
pub fn expand_shards(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    document::expand_inputs_where(inputs, &|p: &Path| {
        p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("part-"))
            || p.extension().and_then(|x| x.to_str()).is_some_and(|x| SHARD_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
    })
}

/// Loads `inputs` into `store`. `format` overrides the format of every shard
/// (stdin is N-Quads unless it is given).
pub fn load(store: &Store, ontology: &Ontology, inputs: &[PathBuf], format: Option<RdfFormat>, options: &Options) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    store::sync_ontology(store, ontology)?;
    let (files, errors) = expand_shards(inputs);
    summary.errors.extend(errors);
    let activity = Activity::start(options.clock);
    let mut activity_recorded = false;
    let mut registry = Registry::load(store, ontology.patterns.name_particles.clone())?;
    // Where each article was first seen in this load: a second article with
    // the same identifier is skipped, as `build` skips it.
    let mut seen: HashMap<NamedNode, String> = HashMap::new();
    // A store with no article yet is filled by Oxigraph's bulk loader, as
    // `build` fills it: much faster, and nothing is visible before its
    // commit at the end. A shard reaches it only once parsed whole, so a
    // corrupt shard still leaves nothing behind.
    let mut bulk = match options.bulk {
        Some(b) => b,
        None => store::articles(store)?.is_empty(),
    }
    .then(|| store.bulk_loader());
    for path in files {
        let graphs = match read_shard(&path, shard_format(&path, format)) {
            Ok(g) => g,
            Err(e) => {
                summary.errors.push(e);
                continue;
            }
        };
        let mut writes: Vec<(NamedNode, Vec<Quad>)> = Vec::new();
        for (graph, quads) in graphs {
            if let Some(first) = seen.get(&graph) {
                summary.errors.push(InputError::new(
                    &path,
                    format!("the article {graph} is also in {first}; the first one was loaded and this one skipped"),
                ));
                continue;
            }
            seen.insert(graph.clone(), document::origin(&path, None));
            let mut quads = registry.join_variants(quads);
            quads.push(activity.generated(&graph));
            writes.push((graph, quads));
        }
        if writes.is_empty() {
            continue;
        }
        if !activity_recorded {
            store::insert(store, &activity.start_quads(ontology))?;
            activity_recorded = true;
        }
        summary.shards += 1;
        for (graph, quads) in &writes {
            summary.documents += 1;
            summary.quads += quads.len();
            summary.identifiers.insert(graph.as_str()[DOC_BASE.len()..].to_string());
        }
        match &mut bulk {
            Some(loader) => loader.load_quads(writes.into_iter().flat_map(|(_, quads)| quads))?,
            None => {
                // The shard's articles in one transaction.
                let mut tx = store.start_transaction()?;
                for (graph, quads) in &writes {
                    tx.remove_named_graph(graph.as_ref())?;
                    for q in quads {
                        tx.insert(q);
                    }
                }
                tx.commit()?;
            }
        }
    }
    if let Some(loader) = bulk {
        loader.commit()?;
    }
    if activity_recorded {
        store::insert(store, &[activity.end_quad(options.clock.now())])?;
    }
    if summary.documents > 0 {
        crate::events::meetings::refresh(store)?;
    }
    store.flush()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A shard's quads grouped by article graph, in the order the articles
/// first appear; or what is wrong with it, with its line.
fn read_shard(path: &Path, format: RdfFormat) -> Result<Vec<(NamedNode, Vec<Quad>)>, InputError> {
    let reader: Box<dyn std::io::Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => return Err(InputError::new(path, e.to_string())),
        }
    };
    let mut order: Vec<NamedNode> = Vec::new();
    let mut graphs: HashMap<NamedNode, Vec<Quad>> = HashMap::new();
    let parser = RdfParser::from_format(format).for_reader(std::io::BufReader::with_capacity(1 << 16, reader));
    for (i, quad) in parser.enumerate() {
        let quad = quad.map_err(|e| parse_error(path, e))?;
        let GraphName::NamedNode(g) = &quad.graph_name else {
            return Err(at(path, i, "a quad outside any article graph; `load` reads what `actorgraph extract` writes".into()));
        };
        if !g.as_str().starts_with(DOC_BASE) {
            return Err(at(
                path,
                i,
                format!(
                    "a quad in the graph {g}, which is not an article's (<{DOC_BASE}...>); `load` reads what `actorgraph extract` writes"
                ),
            ));
        }
        if !graphs.contains_key(g) {
            order.push(g.clone());
        }
        graphs.entry(g.clone()).or_default().push(quad);
    }
    if order.is_empty() {
        return Err(InputError::new(path, "no quads (an empty shard)"));
    }
    Ok(order.into_iter().map(|g| (g.clone(), graphs.remove(&g).unwrap_or_default())).collect())
}

/// An error about the `i`-th quad of a shard (counted from 1: in N-Quads
/// that `extract` wrote, its line).
fn at(path: &Path, i: usize, message: String) -> InputError {
    InputError::new(path, format!("quad {}: {message}; nothing of this shard was loaded", i + 1))
}

fn parse_error(path: &Path, e: RdfParseError) -> InputError {
    match e {
        RdfParseError::Syntax(s) => {
            let line = s.location().map(|r| r.start.line as usize + 1);
            InputError { path: path.to_path_buf(), line, message: format!("not valid RDF, so nothing of this shard was loaded: {s}") }
        }
        RdfParseError::Io(io) => InputError::new(path, format!("cannot read, so nothing of this shard was loaded: {io}")),
    }
}
