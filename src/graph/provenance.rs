//! Provenance of a run: each `build` is a `prov:Activity` in the provenance
//! graph, and every document graph it writes says `prov:wasGeneratedBy` it.
//!
//! Times come from the clock, unless `SOURCE_DATE_EPOCH` (the
//! reproducible-builds convention) is set: then it fixes both times and so
//! the activity's IRI, and two builds of the same inputs give the same
//! store and byte-identical exports.

use crate::ontology::vocab::*;
use crate::ontology::Ontology;
use anyhow::{bail, Result};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use std::time::{SystemTime, UNIX_EPOCH};

/// A point in time: seconds and nanoseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant {
    pub secs: i64,
    pub nanos: u32,
}

impl Instant {
    fn now() -> Instant {
        match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(d) => Instant { secs: d.as_secs() as i64, nanos: d.subsec_micros() * 1000 },
            // A clock set before 1970: record 1970 rather than fail a build.
            Err(_) => Instant { secs: 0, nanos: 0 },
        }
    }

    /// `(year, month, day, hour, minute, second)` in UTC.
    fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.secs.div_euclid(86_400);
        let rem = self.secs.rem_euclid(86_400) as u32;
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d, rem / 3600, rem / 60 % 60, rem % 60)
    }

    /// The `xsd:dateTime` lexical form, in UTC: `2022-01-10T08:30:00Z`, with
    /// microseconds when there are any.
    ///
    /// ```
    /// use actorgraph::graph::provenance::Instant;
    /// assert_eq!(Instant { secs: 1_641_803_400, nanos: 0 }.to_xsd(), "2022-01-10T08:30:00Z");
    /// assert_eq!(Instant { secs: 0, nanos: 5_000 }.to_xsd(), "1970-01-01T00:00:00.000005Z");
    /// ```
    pub fn to_xsd(self) -> String {
        let (y, mo, d, h, mi, s) = self.civil();
        let fraction = if self.nanos == 0 { String::new() } else { format!(".{:06}", self.nanos / 1000) };
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{fraction}Z")
    }

    /// The compact form used in the activity's IRI: `20220110T083000Z`.
    fn compact(self) -> String {
        self.to_xsd().replace(['-', ':'], "")
    }
}

/// Where a build's times come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    System,
    /// A fixed time (`SOURCE_DATE_EPOCH`), for reproducible builds.
    Fixed(Instant),
}

impl Clock {
    /// `SOURCE_DATE_EPOCH` when it is set, else the system clock. A value
    /// that is not a whole number of seconds is an error, as the convention
    /// asks, rather than a silently non-reproducible build.
    pub fn from_env() -> Result<Clock> {
        match std::env::var("SOURCE_DATE_EPOCH") {
            Err(std::env::VarError::NotPresent) => Ok(Clock::System),
            Err(std::env::VarError::NotUnicode(_)) => bail!("SOURCE_DATE_EPOCH is not a number of seconds since 1970-01-01"),
            Ok(v) => match v.trim().parse::<i64>() {
                // Years past 9999 do not fit xsd:dateTime's usual form.
                Ok(secs) if (0..=253_402_300_799).contains(&secs) => Ok(Clock::Fixed(Instant { secs, nanos: 0 })),
                _ => bail!("SOURCE_DATE_EPOCH={v:?} is not a number of seconds since 1970-01-01"),
            },
        }
    }

    pub fn now(self) -> Instant {
        match self {
            Clock::System => Instant::now(),
            Clock::Fixed(t) => t,
        }
    }
}

/// One run of `build`.
#[derive(Debug, Clone)]
pub struct Activity {
    pub iri: NamedNode,
    pub started: Instant,
}

impl Activity {
    /// Starts an activity now (by `clock`); its IRI derives from the time.
    pub fn start(clock: Clock) -> Activity {
        let started = clock.now();
        Activity { iri: NamedNode::new_unchecked(format!("{RUN_BASE}{}", started.compact())), started }
    }

    /// What is known when the build starts: the kind of activity, its start
    /// time and the versions of the tool and the ontology.
    pub fn start_quads(&self, ontology: &Ontology) -> Vec<Quad> {
        let tool = Literal::new_simple_literal(env!("CARGO_PKG_VERSION"));
        vec![
            self.quad(RDF_TYPE, NamedNode::new_unchecked(PROV_ACTIVITY).into()),
            self.quad(RDF_TYPE, NamedNode::new_unchecked(AG_BUILD).into()),
            self.quad(PROV_STARTED_AT_TIME, date_time(self.started)),
            self.quad(AG_TOOL_VERSION, tool.into()),
            self.quad(AG_ONTOLOGY_VERSION, Literal::new_simple_literal(&ontology.version).into()),
            self.quad(PROV_USED, NamedNode::new_unchecked(ONTOLOGY_IRI).into()),
        ]
    }

    /// Written when the build has finished.
    pub fn end_quad(&self, ended: Instant) -> Quad {
        self.quad(PROV_ENDED_AT_TIME, date_time(ended.max(self.started)))
    }

    /// `<doc> prov:wasGeneratedBy <activity>`, in the document's graph.
    pub fn generated(&self, doc: &NamedNode) -> Quad {
        Quad::new(doc.clone(), NamedNode::new_unchecked(PROV_WAS_GENERATED_BY), self.iri.clone(), GraphName::NamedNode(doc.clone()))
    }

    fn quad(&self, predicate: &str, object: Term) -> Quad {
        Quad::new(
            self.iri.clone(),
            NamedNode::new_unchecked(predicate),
            object,
            GraphName::NamedNode(NamedNode::new_unchecked(PROVENANCE_GRAPH)),
        )
    }
}

fn date_time(t: Instant) -> Term {
    Literal::new_typed_literal(t.to_xsd(), NamedNode::new_unchecked(XSD_DATE_TIME)).into()
}
