//! `build`: documents in, one graph per document out.
//!
//! Inputs are read and extracted in parallel, a batch at a time so that the
//! corpus is never held in memory; each document's graph is then replaced in
//! its own transaction, in input order.

use crate::actors::discover;
use crate::extract::Extractor;
use crate::graph::provenance::{Activity, Clock};
use crate::graph::rdf;
use crate::graph::store;
use crate::ontology::gazetteer::Class;
use crate::ontology::vocab::{AG_DISCOVERED, AG_ORGANIZATION, RDF_TYPE, SKOS_ALT_LABEL, SKOS_PREF_LABEL};
use crate::ontology::Ontology;
use crate::text::document::{self, Document, InputError};
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What a build did.
#[derive(Debug, Default)]
pub struct Summary {
    pub documents: usize,
    /// Identifiers of the documents written.
    pub identifiers: BTreeSet<String>,
    pub entities: usize,
    pub facts: usize,
    pub quads: usize,
    pub bytes: u64,
    pub errors: Vec<InputError>,
    pub notes: Vec<String>,
    pub elapsed: Duration,
}

/// Files read and extracted together, in parallel.
const BATCH: usize = 256;
/// Quads handed to the bulk loader at once (about its own batch size).
const BULK_QUADS: usize = 500_000;

/// How documents reach the store.
enum Writer<'a> {
    /// One transaction per document: replaces what the store holds.
    Transactions,
    /// Oxigraph's bulk loader, for a store that holds no article yet: much
    /// faster, and atomic as a whole (nothing is visible before `commit`).
    Bulk { loader: oxigraph::store::BulkLoader<'a>, pending: Vec<oxigraph::model::Quad> },
}

impl Writer<'_> {
    fn write(&mut self, store: &Store, graph: &oxigraph::model::NamedNode, quads: Vec<oxigraph::model::Quad>) -> Result<()> {
        match self {
            Writer::Transactions => store::replace_graph(store, graph.as_ref(), &quads),
            Writer::Bulk { loader, pending } => {
                pending.extend(quads);
                if pending.len() >= BULK_QUADS {
                    loader.load_quads(std::mem::take(pending))?;
                }
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<()> {
        if let Writer::Bulk { mut loader, pending } = self {
            loader.load_quads(pending)?;
            loader.commit()?;
        }
        Ok(())
    }
}

/// How a build runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// `dcterms:issued` (YYYY-MM-DD) for the documents whose input gives no date.
    pub date: Option<String>,
    /// The bulk loader (`Some(true)`) or transactions; `None` chooses the
    /// bulk loader for a store with no article yet.
    pub bulk: Option<bool>,
    /// The times of the build's `prov:Activity`.
    pub clock: Clock,
}

impl Options {
    /// No default date, the writer chosen by the store, and the clock of
    /// `SOURCE_DATE_EPOCH` when it is set.
    pub fn from_env() -> Result<Options> {
        Ok(Options { date: None, bulk: None, clock: Clock::from_env()? })
    }
}

/// Builds `inputs` into `store`. A store with no article yet is filled with
/// the bulk loader; otherwise each document is replaced in a transaction.
pub fn build(store: &Store, ontology: &Ontology, inputs: &[PathBuf]) -> Result<Summary> {
    build_with_options(store, ontology, inputs, &Options::from_env()?)
}

/// Like [`build`], choosing the bulk loader (`bulk`) or transactions.
pub fn build_with(store: &Store, ontology: &Ontology, inputs: &[PathBuf], bulk: bool) -> Result<Summary> {
    build_with_options(store, ontology, inputs, &Options { bulk: Some(bulk), ..Options::from_env()? })
}

/// Like [`build`], with [`Options`].
pub fn build_with_options(store: &Store, ontology: &Ontology, inputs: &[PathBuf], options: &Options) -> Result<Summary> {
    let bulk = match options.bulk {
        Some(b) => b,
        None => store::articles(store)?.is_empty(),
    };
    let started = Instant::now();
    let activity = Activity::start(options.clock);
    // The activity is recorded with the first document, so that a build
    // that writes nothing leaves no trace, and a killed build leaves one
    // without an end time.
    let mut activity_recorded = false;
    let mut summary = Summary::default();
    store::sync_ontology(store, ontology)?;
    let (files, errors) = document::expand_inputs(inputs);
    summary.errors.extend(errors);
    let progress = if std::io::stderr().is_terminal() && files.len() > 1 {
        let pb = ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template("{spinner} {pos}/{len} inputs  {msg}  [{elapsed_precise}, ETA {eta}]")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb
    } else {
        ProgressBar::hidden()
    };
    let extractor = Extractor::new(ontology);
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut entities = BTreeSet::new();
    let mut registry = Registry::load(store, ontology.patterns.name_particles.clone())?;
    let mut writer = if bulk { Writer::Bulk { loader: store.bulk_loader(), pending: Vec::new() } } else { Writer::Transactions };
    // Extraction runs ahead of the writer by at most two batches.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Vec<Prepared>, Vec<InputError>)>>(2);
    std::thread::scope(|scope| -> Result<()> {
        let extractor = &extractor;
        let activity = &activity;
        scope.spawn(move || {
            for batch in files.chunks(BATCH) {
                let results = batch
                    .par_iter()
                    .map(|path| {
                        let loaded = document::load(path);
                        let prepared = loaded
                            .documents
                            .into_iter()
                            .map(|mut doc| {
                                if doc.published.as_deref().is_none_or(|p| p.trim().is_empty()) {
                                    doc.published.clone_from(&options.date);
                                }
                                let ex = extractor.extract(&doc.text);
                                let mut quads = rdf::document_quads(&doc, &ex, ontology);
                                quads.push(activity.generated(&rdf::document_iri(&doc.identifier)));
                                let mentioned =
                                    ex.mentioned.iter().map(|&e| ex.entity(&ontology.gazetteer, e).iri.as_str().to_string()).collect();
                                Prepared { facts: ex.facts.len(), mentioned, doc, quads }
                            })
                            .collect();
                        (prepared, loaded.errors)
                    })
                    .collect();
                if tx.send(results).is_err() {
                    return;
                }
            }
        });
        for results in rx {
            for (prepared, errors) in results {
                progress.inc(1);
                summary.errors.extend(errors);
                for Prepared { doc, quads, facts, mentioned } in prepared {
                    if let Some(first) = seen.get(&doc.identifier) {
                        summary.errors.push(InputError {
                            path: doc.path.clone(),
                            line: doc.line,
                            message: format!(
                                "same identifier as {first}; a document is identified by its file name (or JSON id), so this one was skipped"
                            ),
                        });
                        continue;
                    }
                    seen.insert(doc.identifier.clone(), doc.origin());
                    if let Some(note) = &doc.decoding_note {
                        summary.notes.push(format!("{}: {note}", doc.origin()));
                    }
                    if !activity_recorded {
                        store::insert(store, &activity.start_quads(ontology))?;
                        activity_recorded = true;
                    }
                    entities.extend(mentioned);
                    let quads = registry.join_variants(quads);
                    summary.documents += 1;
                    summary.facts += facts;
                    summary.quads += quads.len();
                    summary.bytes += doc.text.len() as u64;
                    writer.write(store, &rdf::document_iri(&doc.identifier), quads)?;
                    summary.identifiers.insert(doc.identifier);
                }
                let secs = started.elapsed().as_secs_f64().max(1e-9);
                progress.set_message(format!("{:.1} MB/s", summary.bytes as f64 / 1e6 / secs));
            }
        }
        Ok(())
    })?;
    writer.finish()?;
    if activity_recorded {
        store::insert(store, &[activity.end_quad(options.clock.now())])?;
    }
    // Meetings merged across articles are recomputed when an article changed;
    // on a large store this reads every meeting report (BENCHMARKS.md).
    if summary.documents > 0 {
        crate::events::meetings::refresh(store)?;
    }
    progress.finish_and_clear();
    store.flush()?;
    summary.entities = entities.len();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A document read and extracted, ready to be written.
struct Prepared {
    doc: Document,
    quads: Vec<oxigraph::model::Quad>,
    facts: usize,
    /// IRIs of the entities the document names.
    mentioned: Vec<String>,
}

/// The discovered actors of the store and of this build, so that a
/// spelling variant in a later document joins the actor found first
/// instead of becoming a second node.
pub(crate) struct Registry {
    known: Vec<(NamedNode, String, String)>,
    /// Name particles ("al", "bin"), which spellings may add or drop.
    particles: std::collections::HashSet<String>,
}

impl Registry {
    pub(crate) fn load(store: &Store, particles: std::collections::HashSet<String>) -> Result<Registry> {
        let q = format!(
            "SELECT DISTINCT ?e ?c ?l WHERE {{ GRAPH ?g {{ ?e <{AG_DISCOVERED}> true ; a ?c ; <{SKOS_PREF_LABEL}> ?l }} }} ORDER BY ?e ?l"
        );
        let mut known = Vec::new();
        if let QueryResults::Solutions(rows) = SparqlEvaluator::new().parse_query(&q)?.on_store(store).execute()? {
            for row in rows {
                let row = row?;
                if let (Some(Term::NamedNode(e)), Some(Term::NamedNode(c)), Some(Term::Literal(l))) =
                    (row.get("e"), row.get("c"), row.get("l"))
                {
                    known.push((e.clone(), c.as_str().to_string(), l.value().to_string()));
                }
            }
        }
        Ok(Registry { known, particles })
    }

    /// Rewrites a document's discovered actors that are variants of known
    /// ones to the known IRI; the variant's name becomes an altLabel.
    pub(crate) fn join_variants(&mut self, quads: Vec<Quad>) -> Vec<Quad> {
        let found: Vec<(NamedNode, String, String)> = quads
            .iter()
            .filter(|q| q.predicate.as_str() == AG_DISCOVERED)
            .filter_map(|q| {
                let NamedOrBlankNode::NamedNode(e) = &q.subject else { return None };
                let of = |p: &str| {
                    quads.iter().find(|o| o.subject == q.subject && o.predicate.as_str() == p).and_then(|o| match &o.object {
                        Term::NamedNode(n) => Some(n.as_str().to_string()),
                        Term::Literal(l) => Some(l.value().to_string()),
                        _ => None,
                    })
                };
                Some((e.clone(), of(RDF_TYPE)?, of(SKOS_PREF_LABEL)?))
            })
            .collect();
        let mut map: HashMap<NamedNode, NamedNode> = HashMap::new();
        for (iri, class, label) in found {
            let kind = if class == AG_ORGANIZATION { Class::Organization } else { Class::Person };
            match self.known.iter().find(|(k, c, l)| *c == class && (*k == iri || discover::variants(l, &label, kind, &self.particles))) {
                Some((k, _, _)) if *k != iri => {
                    map.insert(iri, k.clone());
                }
                Some(_) => {}
                None => self.known.push((iri, class, label)),
            }
        }
        if map.is_empty() {
            return quads;
        }
        let swap = |n: &NamedNode| map.get(n).cloned().unwrap_or_else(|| n.clone());
        quads
            .into_iter()
            .map(|q| {
                let subject = match &q.subject {
                    NamedOrBlankNode::NamedNode(n) => NamedOrBlankNode::NamedNode(swap(n)),
                    other => other.clone(),
                };
                let object = match &q.object {
                    Term::NamedNode(n) => Term::NamedNode(swap(n)),
                    other => other.clone(),
                };
                let renamed = matches!(&q.subject, NamedOrBlankNode::NamedNode(n) if map.contains_key(n));
                let predicate = if renamed && q.predicate.as_str() == SKOS_PREF_LABEL {
                    NamedNode::new_unchecked(SKOS_ALT_LABEL)
                } else {
                    q.predicate.clone()
                };
                Quad::new(subject, predicate, object, q.graph_name.clone())
            })
            .collect()
    }
}
