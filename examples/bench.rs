//! End-to-end benchmark: generates a large corpus, then measures extraction,
//! `build`, the store's own bulk loader on the same quads (the limit), an
//! incremental ingest, the bundled queries, memory and disk.
//!
//!     cargo run --release --example bench -- [--articles 50000] [--seed 7] [--dir /tmp/actorgraph-bench]
//!         [--phases extract-1,extract-all,build,nquads,bulk,incremental,queries,export]
//!
//! `--phases` runs only some phases (build first: the others read its
//! store); `--phase NAME` runs one phase on the folder an earlier run left.
//! Each phase runs in its own process so that its peak memory is its own.
//! Results are printed as a Markdown table (see BENCHMARKS.md). Times are
//! wall-clock on whatever machine runs it; the ratios are the point.

use actorgraph::graph::{ingest, rdf, store};
use actorgraph::output::query;
use actorgraph::text::document;
use actorgraph::{Extractor, Ontology};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let dir = PathBuf::from(opt("--dir").unwrap_or_else(|| std::env::temp_dir().join("actorgraph-bench").display().to_string()));
    if let Some(phase) = opt("--phase") {
        return run_phase(&phase, &dir);
    }
    let articles: usize = opt("--articles").map_or(Ok(50_000), |a| a.parse())?;
    let seed: u64 = opt("--seed").map_or(Ok(7), |a| a.parse())?;
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    let t = Instant::now();
    let (bytes, files) = generate(&dir.join("corpus"), articles, seed)?;
    generate(&dir.join("extra"), 100, seed ^ 0xABCD)?;
    eprintln!("generated {files} articles, {:.1} MB in {:.1}s", bytes as f64 / 1e6, t.elapsed().as_secs_f64());

    let all = "extract-1,extract-all,build,nquads,bulk,incremental,queries,export";
    let phases = opt("--phases").unwrap_or_else(|| all.to_string());
    let mut rows = Vec::new();
    for phase in phases.split(',') {
        eprintln!("phase {phase} ...");
        let out = Command::new(std::env::current_exe()?).args(["--phase", phase, "--dir", dir.to_str().unwrap()]).output()?;
        if !out.status.success() {
            anyhow::bail!("phase {phase} failed: {}", String::from_utf8_lossy(&out.stderr));
        }
        let line = String::from_utf8(out.stdout)?;
        rows.push(serde_json::from_str::<serde_json::Value>(line.trim())?);
    }
    report(&rows, bytes, files, &dir)
}

fn report(rows: &[serde_json::Value], bytes: u64, files: usize, dir: &Path) -> anyhow::Result<()> {
    let get = |phase: &str| rows.iter().find(|r| r["phase"] == phase).cloned().unwrap_or_default();
    let f = |v: &serde_json::Value| v.as_f64().unwrap_or(0.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mem_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    println!("Corpus: {files} articles, {:.1} MB. Machine: {cores} cores, {mem_gib:.1} GiB.\n", bytes as f64 / 1e6);
    println!("| phase | time (s) | MB/s | docs/s | quads/s | peak RSS (MB) |");
    println!("|---|---|---|---|---|---|");
    for r in rows.iter().filter(|r| !["queries", "incremental", "export"].contains(&r["phase"].as_str().unwrap_or(""))) {
        println!(
            "| {} | {:.1} | {:.1} | {:.0} | {:.0} | {:.0} |",
            r["phase"].as_str().unwrap_or(""),
            f(&r["secs"]),
            f(&r["mb_per_s"]),
            f(&r["docs_per_s"]),
            f(&r["quads_per_s"]),
            f(&r["peak_rss_mb"])
        );
    }
    let (e1, en, b, bulk) = (get("extract-1"), get("extract-all"), get("build"), get("bulk"));
    println!();
    println!("- extraction speed-up on {cores} cores: {:.2}x", f(&en["mb_per_s"]) / f(&e1["mb_per_s"]).max(1e-9));
    println!(
        "- build / bulk loader (quads/s): {:.2} ({:.0} vs {:.0})",
        f(&b["quads_per_s"]) / f(&bulk["quads_per_s"]).max(1e-9),
        f(&b["quads_per_s"]),
        f(&bulk["quads_per_s"])
    );
    let inc = get("incremental");
    println!(
        "- incremental ingest of 100 articles into the large store: {:.1} ms per article (peak RSS {:.0} MB)",
        f(&inc["ms_per_doc"]),
        f(&inc["peak_rss_mb"])
    );
    println!(
        "- store size on disk: {:.0} MB (bulk-loaded copy: {:.0} MB)",
        dir_size(&dir.join("store")) as f64 / 1e6,
        dir_size(&dir.join("bulk-store")) as f64 / 1e6
    );
    let x = get("export");
    if let Some(obj) = x["exports"].as_object() {
        println!("- graph exports of the large store (the page is kept as export.html):");
        for (name, r) in obj {
            println!("  - `{name}`: {:.1} s, {:.1} MB, {} nodes, {} edges", f(&r["secs"]), f(&r["mb"]), r["nodes"], r["edges"]);
        }
    }
    let q = get("queries");
    println!("- bundled queries on the large store (ms):");
    if let Some(obj) = q["latency_ms"].as_object() {
        for (name, r) in obj {
            let note = if r["cancelled"].as_bool() == Some(true) { " (cancelled at the 60 s limit)" } else { "" };
            println!("  - `{name}`: {:.0} ms, {} rows{note}", f(&r["ms"]), r["rows"]);
        }
    }
    Ok(())
}

fn dir_size(p: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(p) else { return 0 };
    entries.flatten().map(|e| if e.path().is_dir() { dir_size(&e.path()) } else { e.metadata().map_or(0, |m| m.len()) }).sum()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)).and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn files_of(dir: &Path) -> Vec<PathBuf> {
    let (files, errors) = document::expand_inputs(&[dir.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    files
}

fn run_phase(phase: &str, dir: &Path) -> anyhow::Result<()> {
    let ontology = Ontology::builtin()?;
    let corpus = dir.join("corpus");
    let t = Instant::now();
    let mut out = serde_json::json!({ "phase": phase });
    match phase {
        "extract-1" | "extract-all" => {
            let threads = if phase == "extract-1" { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()) };
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
            let files = files_of(&corpus);
            let extractor = Extractor::new(&ontology);
            let (bytes, docs, facts) = pool.install(|| {
                files
                    .par_iter()
                    .map(|p| {
                        let loaded = document::load(p);
                        let mut r = (0u64, 0u64, 0u64);
                        for d in loaded.documents {
                            let ex = extractor.extract(&d.text);
                            r = (r.0 + d.text.len() as u64, r.1 + 1, r.2 + ex.facts.len() as u64);
                        }
                        r
                    })
                    .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
            });
            let secs = t.elapsed().as_secs_f64();
            out["threads"] = threads.into();
            out["facts"] = facts.into();
            out["mb_per_s"] = (bytes as f64 / 1e6 / secs).into();
            out["docs_per_s"] = (docs as f64 / secs).into();
        }
        "build" => {
            let st = store::open_for_writing(&dir.join("store"))?;
            let summary = ingest::build(&st, &ontology, &[corpus])?;
            let secs = t.elapsed().as_secs_f64();
            out["mb_per_s"] = (summary.bytes as f64 / 1e6 / secs).into();
            out["docs_per_s"] = (summary.documents as f64 / secs).into();
            out["quads_per_s"] = (summary.quads as f64 / secs).into();
            out["quads"] = summary.quads.into();
        }
        "nquads" => {
            // The same quads as `build` writes, for the bulk loader.
            let extractor = Extractor::new(&ontology);
            let mut w =
                RdfSerializer::from_format(RdfFormat::NQuads).for_writer(BufWriter::new(std::fs::File::create(dir.join("all.nq"))?));
            for q in &ontology.quads {
                w.serialize_quad(q)?;
            }
            let mut n = ontology.quads.len();
            for p in files_of(&corpus) {
                for d in document::load(&p).documents {
                    let ex = extractor.extract(&d.text);
                    for q in rdf::document_quads(&d, &ex, &ontology) {
                        w.serialize_quad(&q)?;
                        n += 1;
                    }
                }
            }
            w.finish()?.flush()?;
            out["quads"] = n.into();
        }
        "bulk" => {
            let st = oxigraph::store::Store::open(dir.join("bulk-store"))?;
            let file = std::fs::File::open(dir.join("all.nq"))?;
            let mut loader = st.bulk_loader();
            loader.load_from_reader(RdfFormat::NQuads, std::io::BufReader::new(file))?;
            loader.commit()?;
            st.flush()?;
            let secs = t.elapsed().as_secs_f64();
            let n = st.len()?;
            out["quads_per_s"] = (n as f64 / secs).into();
            out["quads"] = n.into();
        }
        "incremental" => {
            let st = store::open_for_writing(&dir.join("store"))?;
            let t = Instant::now();
            let summary = ingest::build_with(&st, &ontology, &[dir.join("extra")], false)?;
            out["ms_per_doc"] = (t.elapsed().as_secs_f64() * 1000.0 / summary.documents.max(1) as f64).into();
        }
        "queries" => {
            let st = store::open_for_reading(&dir.join("store"))?;
            let mut lat = serde_json::Map::new();
            // Each query runs to its last row, or is cancelled after a minute.
            for (name, text) in query::BUNDLED {
                let t = Instant::now();
                let token = oxigraph::sparql::CancellationToken::new();
                let canceller = token.clone();
                let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
                let watchdog = std::thread::spawn(move || {
                    if done_rx.recv_timeout(std::time::Duration::from_secs(60)).is_err() {
                        canceller.cancel();
                    }
                });
                let mut prepared = SparqlEvaluator::new().with_cancellation_token(token).parse_query(text)?;
                prepared.dataset_mut().set_default_graph_as_union();
                let mut rows = 0u64;
                let mut cancelled = false;
                match prepared.on_store(&st).execute() {
                    Ok(QueryResults::Solutions(s)) => {
                        for row in s {
                            if row.is_err() {
                                cancelled = true;
                                break;
                            }
                            rows += 1;
                        }
                    }
                    Ok(_) => {}
                    Err(_) => cancelled = true,
                }
                let _ = done_tx.send(());
                let _ = watchdog.join();
                lat.insert(
                    name.to_string(),
                    serde_json::json!({ "ms": t.elapsed().as_secs_f64() * 1000.0, "rows": rows, "cancelled": cancelled }),
                );
            }
            out["latency_ms"] = lat.into();
        }
        "export" => {
            // The graph exports of the large store: time and size of each
            // format with the default evidence cap, and of the HTML view
            // with every evidence sentence, for the ratio.
            use actorgraph::output::visual::{self, GraphFormat, Options};
            let st = store::open_for_reading(&dir.join("store"))?;
            let mut results = serde_json::Map::new();
            let runs: [(&str, GraphFormat, Option<usize>); 5] = [
                ("html", GraphFormat::Html, Some(visual::DEFAULT_MAX_EVIDENCE)),
                ("gexf", GraphFormat::Gexf, Some(visual::DEFAULT_MAX_EVIDENCE)),
                ("graphml", GraphFormat::Graphml, Some(visual::DEFAULT_MAX_EVIDENCE)),
                ("cytoscape", GraphFormat::Cytoscape, Some(visual::DEFAULT_MAX_EVIDENCE)),
                ("html --max-evidence all", GraphFormat::Html, None),
            ];
            for (name, format, max_evidence) in runs {
                let t = Instant::now();
                let mut buf = Vec::new();
                let options = Options { min_support: 1, max_evidence, ..Options::default() };
                let (nodes, edges) = visual::write(&st, format, &options, &mut buf)?;
                let secs = t.elapsed().as_secs_f64();
                if format == GraphFormat::Html && max_evidence.is_some() {
                    std::fs::write(dir.join("export.html"), &buf)?;
                }
                results.insert(
                    name.to_string(),
                    serde_json::json!({ "secs": secs, "mb": buf.len() as f64 / 1e6, "nodes": nodes, "edges": edges }),
                );
            }
            out["exports"] = results.into();
        }
        other => anyhow::bail!("unknown phase {other}"),
    }
    out["secs"] = t.elapsed().as_secs_f64().into();
    out["peak_rss_mb"] = peak_rss_mb().into();
    println!("{out}");
    Ok(())
}

/// Deterministic pseudo-random numbers (PCG-style LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Writes `n` articles assembled from the paragraphs of `corpus/` (and of
/// `../shared/seeds` when present), with person names swapped and paragraphs
/// shuffled, so that no two articles are the same. Returns (bytes, files).
fn generate(out: &Path, n: usize, seed: u64) -> anyhow::Result<(u64, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paragraphs = Vec::new();
    let mut headlines = Vec::new();
    for dir in [root.join("corpus"), root.join("../shared/seeds")] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&p)?;
            let mut parts = text.split("\n\n").map(str::trim).filter(|s| !s.is_empty());
            if let Some(h) = parts.next() {
                headlines.push(h.to_string());
            }
            paragraphs.extend(parts.filter(|s| s.len() > 80).map(str::to_string));
        }
    }
    paragraphs.sort();
    headlines.sort();
    let ontology = Ontology::builtin()?;
    let people: Vec<String> = ontology
        .gazetteer
        .entities
        .iter()
        .filter(|e| e.class == actorgraph::ontology::gazetteer::Class::Person)
        .map(|e| e.pref_label.clone())
        .collect();
    let mut rng = Rng(seed);
    let mut bytes = 0;
    for i in 0..n {
        let sub = out.join(format!("{:03}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub)?;
        }
        let mut text = format!("{} ({})\n\n", headlines[rng.below(headlines.len())], i);
        let count = 12 + rng.below(16);
        for _ in 0..count {
            text.push_str(&paragraphs[rng.below(paragraphs.len())]);
            text.push_str("\n\n");
        }
        // Swap two people's names throughout, for variety.
        let (a, b) = (&people[rng.below(people.len())], &people[rng.below(people.len())]);
        let text = text.replace(a.as_str(), "\u{1}").replace(b.as_str(), a).replace('\u{1}', b);
        bytes += text.len() as u64;
        std::fs::write(sub.join(format!("article-{i:06}.txt")), text)?;
    }
    Ok((bytes, n))
}
