//! RDF export of the whole store with Oxigraph's serializers.
//!
//! Dataset formats (TriG, N-Quads) keep every named graph. Triple formats
//! (Turtle, N-Triples, RDF/XML) hold the union of all graphs: each distinct
//! triple once. Output is sorted, so the same store always gives the same
//! bytes.
//!
//! The graph formats (GraphML, GEXF, Cytoscape JSON, DOT, HTML) are listed
//! here for the command line and written by [`crate::output::visual`].

use crate::ontology::vocab::PREFIXES;
use crate::output::visual::GraphFormat;
use anyhow::Result;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Quad, Triple};
use oxigraph::store::Store;
use std::io::Write;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Turtle: the union of all graphs, with readable prefixes.
    Turtle,
    /// TriG: every named graph, with prefixes.
    Trig,
    /// N-Quads: every named graph, one quad per line.
    Nquads,
    /// N-Triples: the union of all graphs, one triple per line.
    Ntriples,
    /// RDF/XML: the union of all graphs.
    Rdfxml,
    /// GraphML: the actor network (Gephi, Cytoscape, yEd, networkx).
    Graphml,
    /// GEXF 1.2: the actor network (Gephi).
    Gexf,
    /// Cytoscape JSON: the actor network (Cytoscape, cytoscape.js).
    Cytoscape,
    /// Graphviz DOT: the actor network.
    Dot,
    /// A self-contained HTML page that draws the actor network.
    Html,
}

impl ExportFormat {
    fn rdf(self) -> Option<RdfFormat> {
        Some(match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            _ => return None,
        })
    }

    /// The network format of [`crate::output::visual`], for the graph formats.
    pub fn graph(self) -> Option<GraphFormat> {
        Some(match self {
            ExportFormat::Graphml => GraphFormat::Graphml,
            ExportFormat::Gexf => GraphFormat::Gexf,
            ExportFormat::Cytoscape => GraphFormat::Cytoscape,
            ExportFormat::Dot => GraphFormat::Dot,
            ExportFormat::Html => GraphFormat::Html,
            _ => return None,
        })
    }
}

/// Writes the store in an RDF `format`; returns the number of triples or
/// quads. The graph formats are written by [`crate::output::visual::write`].
pub fn export(store: &Store, format: ExportFormat, out: impl Write) -> Result<usize> {
    let Some(rdf) = format.rdf() else {
        anyhow::bail!("{format:?} is a graph format: use actorgraph::output::visual::write");
    };
    let mut ser = RdfSerializer::from_format(rdf);
    if matches!(rdf, RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml) {
        for (p, ns) in PREFIXES {
            ser = ser.with_prefix(*p, *ns)?;
        }
    }
    let mut w = ser.for_writer(out);
    let mut count = 0;
    if rdf.supports_datasets() {
        let mut quads: Vec<(String, Quad)> =
            store.iter().map(|q| q.map(|q| (crate::graph::rdf::sort_key(&q), q))).collect::<Result<_, _>>()?;
        quads.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, q) in &quads {
            w.serialize_quad(q)?;
        }
        count = quads.len();
    } else {
        let mut triples: Vec<(String, Triple)> = Vec::new();
        for q in store.iter() {
            let t: Triple = q?.into();
            triples.push((format!("{} {} {}", t.subject, t.predicate, t.object), t));
        }
        triples.sort_by(|a, b| a.0.cmp(&b.0));
        triples.dedup_by(|a, b| a.0 == b.0);
        for (_, t) in &triples {
            w.serialize_triple(t)?;
            count += 1;
        }
    }
    w.finish()?;
    Ok(count)
}
