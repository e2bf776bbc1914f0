//! SPARQL over the store: the bundled queries of `queries/`, and result
//! output as an aligned table or the W3C result formats.

use crate::ontology::vocab::PREFIXES;
use anyhow::{anyhow, bail, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// The queries of `queries/`, compiled in: (name, text).
pub const BUNDLED: &[(&str, &str)] = &[
    ("actors", include_str!("../../queries/actors.rq")),
    ("articles", include_str!("../../queries/articles.rq")),
    ("evidence", include_str!("../../queries/evidence.rq")),
    ("facts", include_str!("../../queries/facts.rq")),
    ("leaders", include_str!("../../queries/leaders.rq")),
    ("meetings", include_str!("../../queries/meetings.rq")),
    ("met-with", include_str!("../../queries/met-with.rq")),
    ("rejected", include_str!("../../queries/rejected.rq")),
    ("relation-support", include_str!("../../queries/relation-support.rq")),
    ("roles", include_str!("../../queries/roles.rq")),
];

/// Turns the QUERY argument into SPARQL text: a bundled query's name, a path
/// to a file, or the SPARQL itself.
pub fn resolve_query(arg: &str) -> Result<String> {
    if let Some((_, text)) = BUNDLED.iter().find(|(n, _)| *n == arg || format!("{n}.rq") == arg) {
        return Ok(text.to_string());
    }
    let path = Path::new(arg);
    if path.is_file() {
        return crate::text::document::read_text_file(path);
    }
    if looks_like_sparql(arg) {
        return Ok(arg.to_string());
    }
    if arg.ends_with(".rq") || arg.contains('/') {
        bail!("{arg}: no such query file");
    }
    let known: Vec<&str> = BUNDLED.iter().map(|(n, _)| *n).collect();
    bail!("unknown query name '{arg}'; bundled queries: {}", known.join(", "))
}

fn looks_like_sparql(s: &str) -> bool {
    let upper = s.to_ascii_uppercase();
    s.contains('{') || ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE"].iter().any(|k| upper.trim_start().starts_with(k))
}

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading (SELECT/ASK).
    Table,
    /// W3C SPARQL 1.1 CSV results.
    Csv,
    /// W3C SPARQL 1.1 TSV results.
    Tsv,
    /// W3C SPARQL 1.1 JSON results.
    Json,
    /// W3C SPARQL XML results.
    Xml,
    /// Turtle (CONSTRUCT/DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT/DESCRIBE).
    Ntriples,
    /// RDF/XML (CONSTRUCT/DESCRIBE).
    Rdfxml,
}

/// Runs `sparql` on `store` with the union of all graphs as default graph
/// and writes the results to `out`.
pub fn run(store: &Store, sparql: &str, format: Option<OutputFormat>, terminal: bool, out: &mut dyn Write) -> Result<()> {
    run_filtered(store, sparql, format, terminal, None, out)
}

/// Like [`run`], keeping only the solutions whose `?confidence` is at least
/// `min_confidence`; a SELECT without that variable is an error then.
pub fn run_filtered(
    store: &Store,
    sparql: &str,
    format: Option<OutputFormat>,
    terminal: bool,
    min_confidence: Option<f64>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut prepared = SparqlEvaluator::new().parse_query(sparql).map_err(|e| anyhow!("invalid SPARQL: {e}"))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared.on_store(store).execute().map_err(|e| anyhow!("query failed: {e}"))?;
    let results_format = |f: OutputFormat| -> Result<QueryResultsFormat> {
        Ok(match f {
            OutputFormat::Csv => QueryResultsFormat::Csv,
            OutputFormat::Tsv => QueryResultsFormat::Tsv,
            OutputFormat::Json => QueryResultsFormat::Json,
            OutputFormat::Xml => QueryResultsFormat::Xml,
            other => bail!(
                "--format {other:?} is for CONSTRUCT and DESCRIBE queries; use table, csv, tsv, json or xml",
                other = format!("{other:?}").to_lowercase()
            ),
        })
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let confidence = variables.iter().find(|v| v.as_str() == "confidence").cloned();
            if min_confidence.is_some() && confidence.is_none() {
                bail!("--min-confidence needs a query that selects ?confidence (the bundled evidence, facts and roles do)");
            }
            let keep = move |s: &oxigraph::sparql::QuerySolution| match (min_confidence, &confidence) {
                (Some(min), Some(v)) => {
                    s.get(v).and_then(|t| match t {
                        Term::Literal(l) => l.value().parse::<f64>().ok(),
                        _ => None,
                    }) >= Some(min)
                }
                _ => true,
            };
            let solutions = solutions.filter(move |s| s.as_ref().map_or(true, &keep));
            let format = format.unwrap_or(if terminal { OutputFormat::Table } else { OutputFormat::Csv });
            if format == OutputFormat::Table {
                let names: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
                let mut rows = Vec::new();
                for s in solutions {
                    let s = s?;
                    rows.push(variables.iter().map(|v| s.get(v).map(compact).unwrap_or_default()).collect::<Vec<_>>());
                }
                write_table(out, &names, &rows)?;
            } else {
                let mut ser =
                    QueryResultsSerializer::from_format(results_format(format)?).serialize_solutions_to_writer(&mut *out, variables)?;
                for s in solutions {
                    ser.serialize(&s?)?;
                }
                ser.finish()?;
            }
        }
        QueryResults::Boolean(_) | QueryResults::Graph(_) if min_confidence.is_some() => {
            bail!("--min-confidence filters SELECT results; this query is an ASK, CONSTRUCT or DESCRIBE")
        }
        QueryResults::Boolean(b) => match format.unwrap_or(if terminal { OutputFormat::Table } else { OutputFormat::Csv }) {
            OutputFormat::Table => writeln!(out, "{b}")?,
            f => {
                QueryResultsSerializer::from_format(results_format(f)?).serialize_boolean_to_writer(&mut *out, b)?;
            }
        },
        QueryResults::Graph(triples) => {
            let rdf = match format.unwrap_or(OutputFormat::Turtle) {
                OutputFormat::Turtle | OutputFormat::Table => RdfFormat::Turtle,
                OutputFormat::Ntriples => RdfFormat::NTriples,
                OutputFormat::Rdfxml => RdfFormat::RdfXml,
                other => {
                    bail!("--format {} is for SELECT and ASK queries; use turtle, ntriples or rdfxml", format!("{other:?}").to_lowercase())
                }
            };
            let mut ser = RdfSerializer::from_format(rdf);
            if rdf == RdfFormat::Turtle {
                for (p, ns) in PREFIXES {
                    ser = ser.with_prefix(*p, *ns)?;
                }
            }
            let mut w = ser.for_writer(&mut *out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
        }
    }
    Ok(())
}

/// A term's value as the CSV results format gives it: IRIs and literals
/// as plain strings.
pub fn compact_value(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_string(),
        Term::Literal(l) => l.value().to_string(),
        other => other.to_string(),
    }
}

/// A term as a short string for the table view.
pub fn compact(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            let s = n.as_str();
            PREFIXES
                .iter()
                .filter(|(_, ns)| s.starts_with(ns) && s.len() > ns.len())
                .max_by_key(|(_, ns)| ns.len())
                .map(|(p, ns)| format!("{p}:{}", &s[ns.len()..]))
                .unwrap_or_else(|| format!("<{s}>"))
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_string(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

fn write_table(out: &mut dyn Write, names: &[String], rows: &[Vec<String>]) -> Result<()> {
    const MAX: usize = 70;
    let cell = |s: &str| -> String {
        let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.chars().count() > MAX {
            format!("{}…", one_line.chars().take(MAX - 1).collect::<String>())
        } else {
            one_line
        }
    };
    let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| cell(c)).collect()).collect();
    let mut widths: Vec<usize> = names.iter().map(|n| n.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(names))?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  "))?;
    for r in &rows {
        writeln!(out, "{}", line(r))?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })?;
    Ok(())
}
