//! `build`: documents in, one graph per document out.
//!
//! Inputs are read and extracted in parallel, a batch at a time so that the
//! corpus is never held in memory; each document's graph is then replaced in
//! its own transaction, in input order.

use crate::document::{self, Document, InputError};
use crate::extract::Extractor;
use crate::ontology::Ontology;
use crate::rdf;
use crate::store;
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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

/// Builds `inputs` into `store`. A store with no article yet is filled with
/// the bulk loader; otherwise each document is replaced in a transaction.
pub fn build(store: &Store, ontology: &Ontology, inputs: &[PathBuf]) -> Result<Summary> {
    let fresh = store::articles(store)?.is_empty();
    build_with(store, ontology, inputs, fresh)
}

/// Like [`build`], choosing the bulk loader (`bulk`) or transactions.
pub fn build_with(store: &Store, ontology: &Ontology, inputs: &[PathBuf], bulk: bool) -> Result<Summary> {
    let started = Instant::now();
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
    let mut writer = if bulk { Writer::Bulk { loader: store.bulk_loader(), pending: Vec::new() } } else { Writer::Transactions };
    // Extraction runs ahead of the writer by at most two batches.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Vec<Prepared>, Vec<InputError>)>>(2);
    std::thread::scope(|scope| -> Result<()> {
        let extractor = &extractor;
        scope.spawn(move || {
            for batch in files.chunks(BATCH) {
                let results = batch
                    .par_iter()
                    .map(|path| {
                        let loaded = document::load(path);
                        let prepared = loaded
                            .documents
                            .into_iter()
                            .map(|doc| {
                                let ex = extractor.extract(&doc.text);
                                let quads = rdf::document_quads(&doc, &ex, ontology);
                                Prepared { facts: ex.facts.len(), mentioned: ex.mentioned.into_iter().collect(), doc, quads }
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
                            origin: doc.origin.clone(),
                            message: format!(
                                "same identifier as {first}; a document is identified by its file name (or JSON id), so this one was skipped"
                            ),
                        });
                        continue;
                    }
                    seen.insert(doc.identifier.clone(), doc.origin.clone());
                    if let Some(note) = &doc.decoding_note {
                        summary.notes.push(format!("{}: {note}", doc.origin));
                    }
                    entities.extend(mentioned);
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
    crate::events::refresh(store)?;
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
    /// Gazetteer indexes of the entities the document names.
    mentioned: Vec<usize>,
}
