//! The ontology folder: the OWL ontology, the gazetteer and the relation
//! patterns. The files of `ontology/` are compiled into the binary; `--ontology
//! DIR` reads another folder, so that a user adds an actor by editing Turtle.
//!
//! The vocabulary ([`vocab`]), the gazetteer of actors ([`gazetteer`]), the
//! word lists the rules look for ([`patterns`]) and the places of meetings
//! ([`places`]). Every later stage reads it; it reads only `text::fold`.

pub mod gazetteer;
pub mod patterns;
pub mod places;
pub mod vocab;

use crate::ontology::gazetteer::Gazetteer;
use crate::ontology::patterns::Patterns;
use crate::ontology::places::Places;
use anyhow::{anyhow, bail, Context, Result};
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use std::path::Path;

const BUILTIN_TTL: &[(&str, &str)] =
    &[("actorgraph.ttl", include_str!("../../ontology/actorgraph.ttl")), ("gazetteer.ttl", include_str!("../../ontology/gazetteer.ttl"))];
/// The place gazetteer: used when a folder given with `--ontology` has none.
const BUILTIN_PLACES: (&str, &str) = ("places.ttl", include_str!("../../ontology/places.ttl"));
const BUILTIN_PATTERNS: &str = include_str!("../../ontology/patterns.toml");

/// Everything the extractor knows that is not code.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// The triples of all Turtle files, placed in the ontology graph.
    pub quads: Vec<Quad>,
    pub gazetteer: Gazetteer,
    pub patterns: Patterns,
    /// Where meetings take place (`places.ttl`).
    pub places: Places,
    /// `owl:versionInfo` of the ontology.
    pub version: String,
}

impl Ontology {
    /// The ontology, gazetteer and patterns compiled into the binary.
    pub fn builtin() -> Result<Ontology> {
        let files: Vec<(String, String)> =
            BUILTIN_TTL.iter().chain([&BUILTIN_PLACES]).map(|(n, t)| (format!("ontology/{n}"), t.to_string())).collect();
        Self::from_sources(&files, BUILTIN_PATTERNS, "ontology/patterns.toml")
    }

    /// The built-in ontology and patterns with the gazetteer given as Turtle
    /// text (for tools and tests that hold a gazetteer in memory).
    pub fn with_gazetteer(turtle: &str) -> Result<Ontology> {
        let files = vec![
            ("ontology/actorgraph.ttl (built in)".to_string(), BUILTIN_TTL[0].1.to_string()),
            ("gazetteer".to_string(), turtle.to_string()),
            ("ontology/places.ttl (built in)".to_string(), BUILTIN_PLACES.1.to_string()),
        ];
        Self::from_sources(&files, BUILTIN_PATTERNS, "ontology/patterns.toml (built in)")
    }

    /// Reads every `*.ttl` file of `dir`, and `dir/patterns.toml`. When the
    /// folder has no `actorgraph.ttl`, no `places.ttl` or no `patterns.toml`,
    /// the built-in one is used, so a folder with only a gazetteer is enough.
    pub fn from_dir(dir: &Path) -> Result<Ontology> {
        let entries = std::fs::read_dir(dir).with_context(|| format!("{}: cannot read the ontology folder", dir.display()))?;
        let mut paths: Vec<_> =
            entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "ttl")).collect();
        paths.sort();
        if paths.is_empty() {
            bail!("{}: no .ttl file in the ontology folder", dir.display());
        }
        let mut files = Vec::new();
        for p in &paths {
            let text = std::fs::read_to_string(p).with_context(|| format!("{}: cannot read", p.display()))?;
            files.push((p.display().to_string(), text));
        }
        if !paths.iter().any(|p| p.file_name().is_some_and(|n| n == "actorgraph.ttl")) {
            files.insert(0, ("ontology/actorgraph.ttl (built in)".into(), BUILTIN_TTL[0].1.to_string()));
        }
        if !paths.iter().any(|p| p.file_name().is_some_and(|n| n == BUILTIN_PLACES.0)) {
            files.push(("ontology/places.ttl (built in)".into(), BUILTIN_PLACES.1.to_string()));
        }
        let patterns_path = dir.join("patterns.toml");
        if patterns_path.exists() {
            let text = std::fs::read_to_string(&patterns_path).with_context(|| format!("{}: cannot read", patterns_path.display()))?;
            Self::from_sources(&files, &text, &patterns_path.display().to_string())
        } else {
            Self::from_sources(&files, BUILTIN_PATTERNS, "ontology/patterns.toml (built in)")
        }
    }

    fn from_sources(files: &[(String, String)], patterns: &str, patterns_name: &str) -> Result<Ontology> {
        let graph = GraphName::NamedNode(NamedNode::new_unchecked(vocab::ONTOLOGY_GRAPH));
        let mut quads = Vec::new();
        for (name, text) in files {
            for q in RdfParser::from_format(RdfFormat::Turtle).without_named_graphs().for_slice(text.as_bytes()) {
                let q = q.map_err(|e| describe_parse_error(name, e.into()))?;
                quads.push(Quad::new(q.subject, q.predicate, q.object, graph.clone()));
            }
        }
        quads.sort_by_cached_key(|q| q.to_string());
        quads.dedup();
        let patterns = Patterns::parse(patterns, patterns_name)?;
        let gazetteer = Gazetteer::from_quads_with(&quads, &patterns.collective_nouns, &patterns.name_particles)?;
        let places = Places::from_quads(&quads)?;
        let version = quads
            .iter()
            .find(|q| q.subject.to_string() == format!("<{}>", vocab::ONTOLOGY_IRI) && q.predicate.as_str() == vocab::OWL_VERSION_INFO)
            .and_then(|q| match &q.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .unwrap_or_else(|| "unknown".into());
        Ok(Ontology { quads, gazetteer, patterns, places, version })
    }
}

/// "file:line:column: message" for a Turtle syntax error.
fn describe_parse_error(name: &str, e: RdfParseError) -> anyhow::Error {
    match e {
        RdfParseError::Syntax(s) => match s.location() {
            Some(loc) => anyhow!("{name}:{}:{}: {s}", loc.start.line + 1, loc.start.column + 1),
            None => anyhow!("{name}: {s}"),
        },
        RdfParseError::Io(io) => anyhow!("{name}: {io}"),
    }
}
