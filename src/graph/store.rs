//! The Oxigraph store: opening it with clear errors, and replacing one
//! document's graph in one transaction so that a crash never leaves half a
//! document behind.

use crate::ontology::vocab;
use crate::ontology::Ontology;
use anyhow::{anyhow, bail, Result};
use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad};
use oxigraph::store::Store;
use std::path::Path;

/// Opens (or creates) the store at `path` for writing.
pub fn open_for_writing(path: &Path) -> Result<Store> {
    if path.is_file() {
        bail!("{}: is a file, not a store folder", path.display());
    }
    if !path.exists() {
        std::fs::create_dir_all(path).map_err(|e| anyhow!("{}: cannot create the store folder: {e}", path.display()))?;
    }
    let store = Store::open(path).map_err(|e| describe_open_error(path, &e.to_string()))?;
    // We hold RocksDB's lock now: note who, for the error another process
    // gets, and clear what a killed bulk load left behind.
    let _ = std::fs::write(path.join(PID_FILE), std::process::id().to_string());
    remove_stale_bulk_files(path);
    Ok(store)
}

/// Written into the store folder by the process that writes to it.
const PID_FILE: &str = "actorgraph.pid";

/// A bulk load killed half-way leaves `bulk-*.sst` files that Oxigraph never
/// removes; they can be hundreds of megabytes.
fn remove_stale_bulk_files(path: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(path) else { return 0 };
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Opens an existing store for reading; works beside a running `build`.
pub fn open_for_reading(path: &Path) -> Result<Store> {
    if !path.exists() {
        bail!("{}: no store here; create one with `actorgraph build --store {} INPUT...`", path.display(), path.display());
    }
    if path.is_file() {
        bail!("{}: is a file, not a store folder", path.display());
    }
    // A writer that flushes or compacts deletes table files the manifest we
    // just read still names; opening again reads its new manifest.
    let mut attempt = 0;
    loop {
        match Store::open_read_only(path) {
            Ok(store) => return Ok(store),
            Err(e) => {
                let message = e.to_string();
                if attempt < READ_OPEN_ATTEMPTS && message.contains("No such file or directory") {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis((10 * u64::from(attempt)).min(200)));
                    continue;
                }
                return Err(describe_open_error(path, &message));
            }
        }
    }
}

/// How often a reader opens again when a running writer removed a file under
/// it; the waits grow to 0.2 s each and add up to about ten seconds.
const READ_OPEN_ATTEMPTS: u32 = 60;

fn describe_open_error(path: &Path, message: &str) -> anyhow::Error {
    if message.contains("LOCK") || message.contains("lock") {
        let pid = std::fs::read_to_string(path.join(PID_FILE)).ok().map(|p| format!(" (pid {})", p.trim())).unwrap_or_default();
        return anyhow!("{}: the store is in use by another actorgraph process{pid}; wait for it to finish", path.display());
    }
    if message.contains("Permission denied") {
        return anyhow!("{}: permission denied; choose a writable folder with --store", path.display());
    }
    anyhow!("{}: cannot open the store: {message}", path.display())
}

/// Replaces the graph `graph` by `quads` in one transaction.
pub fn replace_graph(store: &Store, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<()> {
    let mut tx = store.start_transaction()?;
    tx.remove_named_graph(graph)?;
    for q in quads {
        tx.insert(q);
    }
    tx.commit()?;
    Ok(())
}

/// Writes the ontology graph when it differs from what the store holds.
pub fn sync_ontology(store: &Store, ontology: &Ontology) -> Result<bool> {
    let graph = NamedNodeRef::new_unchecked(vocab::ONTOLOGY_GRAPH);
    let current = store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))).count();
    if current == ontology.quads.len() && ontology.quads.iter().all(|q| store.contains(q).unwrap_or(false)) {
        return Ok(false);
    }
    replace_graph(store, graph, &ontology.quads)?;
    Ok(true)
}

/// The identifiers and graph IRIs of the articles in the store.
pub fn articles(store: &Store) -> Result<Vec<(String, oxigraph::model::NamedNode)>> {
    use oxigraph::model::{NamedOrBlankNode, Term};
    let ident = NamedNodeRef::new_unchecked(vocab::DCTERMS_IDENTIFIER);
    let mut out = Vec::new();
    for g in store.named_graphs() {
        let NamedOrBlankNode::NamedNode(g) = g? else { continue };
        if !g.as_str().starts_with(vocab::DOC_BASE) {
            continue;
        }
        let id = store
            .quads_for_pattern(Some(g.as_ref().into()), Some(ident), None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .next()
            .transpose()?
            .and_then(|q| match q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            });
        if let Some(id) = id {
            out.push((id, g));
        }
    }
    out.sort();
    Ok(out)
}

/// Adds `quads` in one transaction.
pub fn insert(store: &Store, quads: &[Quad]) -> Result<()> {
    let mut tx = store.start_transaction()?;
    for q in quads {
        tx.insert(q);
    }
    tx.commit()?;
    Ok(())
}

/// Removes one article's graph in one transaction.
pub fn remove_graph(store: &Store, graph: NamedNodeRef<'_>) -> Result<()> {
    replace_graph(store, graph, &[])
}
