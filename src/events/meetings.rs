//! Meetings as events.
//!
//! An article's pairwise `ag:metWith` facts are regrouped into the meetings
//! they come from: the sentences that state them, joined when they share at
//! least two participants, make one *report* per meeting, with its place (the
//! place gazetteer) and date (`dates`). Reports are written into the
//! article's graph by `rdf.rs`.
//!
//! The same meeting reported by several articles is then one *event*, in a
//! graph of its own (`vocab::EVENTS_GRAPH`) that [`refresh`] recomputes from
//! every report in the store after each `build` and `remove`, so that
//! rebuilding or removing one article keeps it consistent.

use crate::actors::discover::Actors;
use crate::actors::mentions::{self, Sentence};
use crate::events::dates::{self, Date, DateMention, Kind, Precision, Resolved};
use crate::extract::Extraction;
use crate::ontology::vocab::*;
use crate::ontology::Ontology;
use crate::relations::Predicate;
use crate::text::document::Document;
use crate::text::tokens::Token;
use anyhow::Result;
use oxigraph::model::{GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One article's account of one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Gazetteer indexes of the participants.
    pub participants: BTreeSet<usize>,
    /// Sentences that state the meeting (evidence of its facts), ascending.
    pub sentences: Vec<usize>,
    /// Later sentences that refer back to it ("The meeting took place in
    /// Tehran"), ascending.
    pub context: Vec<usize>,
    /// Indexes into `Extraction::facts` of the metWith facts it supports.
    pub facts: Vec<usize>,
    /// Index into `Places::places`.
    pub place: Option<usize>,
    /// The date expression that dates the meeting, resolved or not.
    pub date: Option<DateMention>,
}

impl Report {
    /// Every sentence of the report, ascending.
    pub fn all_sentences(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self.sentences.iter().chain(&self.context).copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Verbs of saying that `patterns.toml` does not list among `say_verbs`
/// because they take an object ("told X"); a date next to them dates the
/// telling, not the meeting.
const TELL_VERBS: &[&str] = &["told", "tells", "telling", "reported", "reports", "posted", "tweeted"];

/// What one sentence says about where and when a meeting took place.
#[derive(Debug, Clone, Default)]
struct Setting {
    place: Option<usize>,
    date: Option<DateMention>,
    /// Whether the sentence refers to a meeting with a definite noun phrase
    /// ("the meeting", "at the talks").
    refers_back: bool,
}

/// Token ranges of the cues in a sentence.
struct Cues {
    meeting: Vec<(usize, usize)>,
    speech: Vec<(usize, usize)>,
    breakers: Vec<usize>,
    punctuation: Vec<usize>,
}

fn cues(tokens: &[Token], ontology: &Ontology) -> Cues {
    let p = &ontology.patterns;
    let mut c = Cues { meeting: Vec::new(), speech: Vec::new(), breakers: Vec::new(), punctuation: Vec::new() };
    for i in 0..tokens.len() {
        let meet = [&p.meet_verbs, &p.meet_nouns, &p.realis].iter().filter_map(|set| set.match_at(tokens, i)).max();
        if let Some(n) = meet {
            c.meeting.push((i, i + n));
        }
        if let Some(n) = p.say_verbs.match_at(tokens, i) {
            c.speech.push((i, i + n));
        } else if TELL_VERBS.contains(&tokens[i].text.as_str()) {
            c.speech.push((i, i + 1));
        }
        if p.breakers.match_at(tokens, i).is_some() {
            c.breakers.push(i);
        }
        if matches!(tokens[i].text.as_str(), "," | ";" | ":" | "-" | "\"" | "(" | ")") {
            c.punctuation.push(i);
        }
    }
    c
}

fn gap(a: (usize, usize), b: (usize, usize)) -> usize {
    if a.1 <= b.0 {
        b.0 - a.1
    } else {
        a.0.saturating_sub(b.1)
    }
}

impl Cues {
    /// Whether the phrase at `span` belongs to a meeting: the nearest
    /// meeting cue has no clause breaker ("since", "said", "when") between
    /// it and the phrase, and the phrase is not part of a verb of saying:
    /// neither right after one ("said on Monday", "told reporters in Kabul")
    /// nor in its subject ("officials in Kabul said"; a comma before the
    /// verb, as in "met in Tehran, officials said", ends the subject).
    fn about_meeting(&self, span: (usize, usize)) -> bool {
        let Some(&cue) = self.meeting.iter().min_by_key(|&&m| gap(m, span)) else { return false };
        let between = |lo: usize, hi: usize, of: &[usize]| of.iter().any(|&b| b >= lo && b < hi);
        let (lo, hi) = if cue.1 <= span.0 { (cue.1, span.0) } else { (span.1, cue.0) };
        if between(lo, hi, &self.breakers) {
            return false;
        }
        let meeting_starts: Vec<usize> = self.meeting.iter().map(|m| m.0).collect();
        !self.speech.iter().any(|&s| {
            if s.1 <= span.0 {
                span.0 - s.1 <= 2 && !between(s.1, span.0, &meeting_starts)
            } else {
                s.0 >= span.1 && !between(span.1, s.0, &self.punctuation)
            }
        })
    }
}

/// Token range of a byte range of the sentence's original text.
fn token_span(sentence: &Sentence, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut first = None;
    let mut last = None;
    for (i, t) in sentence.tokens.iter().enumerate() {
        let (s, e) = sentence.folded.original_range(t.start, t.end);
        if s < end && e > start {
            first.get_or_insert(i);
            last = Some(i + 1);
        }
    }
    Some((first?, last?))
}

fn setting(doc: &Document, sentence: &Sentence, ontology: &Ontology, published: Option<Date>) -> Setting {
    let tokens = &sentence.tokens;
    let c = cues(tokens, ontology);
    let original = &doc.text[sentence.span.start..sentence.span.end];
    // A place counts after "in"/"at", or as "X's Y" after a place that
    // counts ("in Iran's Tehran": Tehran).
    let mut place: Option<(usize, (usize, usize))> = None;
    let mut chain_end = None;
    for m in ontology.places.find(sentence, &doc.text) {
        let before = m.start.checked_sub(1).map(|i| tokens[i].text.as_str());
        let chained = chain_end == Some(m.start) && before == Some("'s");
        let introduced = matches!(before, Some("in" | "at"));
        if chained || (introduced && place.is_none() && c.about_meeting((m.start, m.end))) {
            place = Some((m.place, (m.start, m.end)));
            chain_end = tokens.get(m.end).filter(|t| t.text == "'s").map(|_| m.end + 1);
        }
    }
    let date = dates::find(original, published)
        .into_iter()
        .find(|d| d.kind != Kind::Dateline && token_span(sentence, d.start, d.end).is_some_and(|span| c.about_meeting(span)));
    let p = &ontology.patterns;
    let refers_back = (1..tokens.len()).any(|i| {
        matches!(tokens[i - 1].text.as_str(), "the" | "this" | "that" | "these" | "those") && p.meet_nouns.match_at(tokens, i).is_some()
    });
    Setting { place: place.map(|p| p.0), date, refers_back }
}

/// Sentences after a report's last sentence that may still speak of it.
const CONTEXT_WINDOW: usize = 6;

fn compatible_settings(a: &Setting, b: &Setting) -> bool {
    let places = a.place.is_none() || b.place.is_none() || a.place == b.place;
    let dates = match (a.date.as_ref().and_then(|d| d.resolved), b.date.as_ref().and_then(|d| d.resolved)) {
        (Some(x), Some(y)) => x.agrees(&y),
        _ => true,
    };
    places && dates
}

/// The meeting reports of one document.
///
/// ```
/// use actorgraph::{events::meetings as events, text::document::Document, Extractor, Ontology};
/// let ontology = Ontology::builtin().unwrap();
/// let text = "Ismail Khan and Ahmad Massoud met in Iran's capital on Tuesday.";
/// let ex = Extractor::new(&ontology).extract(text);
/// let doc = Document { identifier: "a".into(), text: text.into(), published: Some("2022-01-12".into()), ..Default::default() };
/// let reports = events::document_reports(&doc, &ex, &ontology);
/// assert_eq!(reports.len(), 1);
/// assert_eq!(ontology.places.places[reports[0].place.unwrap()].pref_label, "Tehran");
/// assert_eq!(reports[0].date.as_ref().unwrap().resolved.unwrap().value(), "2022-01-11");
/// ```
pub fn document_reports(doc: &Document, ex: &Extraction, ontology: &Ontology) -> Vec<Report> {
    let mut parts: BTreeMap<usize, (BTreeSet<usize>, Vec<usize>)> = BTreeMap::new();
    for (fi, f) in ex.facts.iter().enumerate().filter(|(_, f)| f.predicate == Predicate::MetWith) {
        for &si in &f.evidence {
            let entry = parts.entry(si).or_default();
            entry.0.extend([f.subject, f.object]);
            entry.1.push(fi);
        }
    }
    if parts.is_empty() {
        return Vec::new();
    }
    let published = doc.published.as_deref().and_then(Date::parse_iso);
    // The extraction's own folded sentences, when it kept them.
    let sentence = |si: usize| match ex.prepared.get(si) {
        Some(s) => std::borrow::Cow::Borrowed(s),
        None => std::borrow::Cow::Owned(Sentence::new(&doc.text, ex.sentences[si])),
    };
    let mut settings: BTreeMap<usize, Setting> = parts.keys().map(|&si| (si, setting(doc, &sentence(si), ontology, published))).collect();
    // Sentences sharing two participants, with no conflicting place or
    // date, are about the same meeting.
    let keys: Vec<usize> = parts.keys().copied().collect();
    let mut group: Vec<usize> = (0..keys.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for a in 0..keys.len() {
        for b in a + 1..keys.len() {
            let (pa, pb) = (&parts[&keys[a]].0, &parts[&keys[b]].0);
            if pa.intersection(pb).count() >= 2 && compatible_settings(&settings[&keys[a]], &settings[&keys[b]]) {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                group[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut reports: BTreeMap<usize, Report> = BTreeMap::new();
    for (k, &si) in keys.iter().enumerate() {
        let r = root(&mut group, k);
        let report = reports.entry(r).or_insert_with(|| Report {
            participants: BTreeSet::new(),
            sentences: Vec::new(),
            context: Vec::new(),
            facts: Vec::new(),
            place: None,
            date: None,
        });
        report.participants.extend(parts[&si].0.iter().copied());
        report.sentences.push(si);
        report.facts.extend(parts[&si].1.iter().copied());
    }
    let mut reports: Vec<Report> = reports.into_values().collect();
    // Sentences that refer back to "the meeting" belong to the report that
    // ends last before them, if they name one of its participants or say
    // where or when it took place.
    let gaz = &ontology.gazetteer;
    for si in 0..ex.sentences.len() {
        if parts.contains_key(&si) {
            continue;
        }
        let Some(r) = reports
            .iter()
            .enumerate()
            .filter(|(_, r)| r.sentences.last().is_some_and(|&l| l < si && si <= l + CONTEXT_WINDOW))
            .max_by_key(|(_, r)| r.sentences.last().copied())
            .map(|(i, _)| i)
        else {
            continue;
        };
        let s = sentence(si);
        let set = setting(doc, &s, ontology, published);
        if !set.refers_back {
            continue;
        }
        let names = mentions::find(&s, &doc.text, gaz);
        let names_participant = names.iter().any(|m| {
            let entry = &gaz.names[m.name];
            entry.full.is_some_and(|e| reports[r].participants.contains(&e))
                || entry.short.iter().any(|e| reports[r].participants.contains(e))
        });
        if names_participant || set.place.is_some() || set.date.is_some() {
            reports[r].context.push(si);
            settings.insert(si, set);
        }
    }
    for r in &mut reports {
        r.facts.sort_unstable();
        r.facts.dedup();
        // The meeting's own sentences first, then those that refer back.
        for si in r.sentences.iter().chain(&r.context) {
            let set = &settings[si];
            if r.place.is_none() {
                r.place = set.place;
            }
            if r.date.is_none() {
                r.date = set.date.clone();
            }
        }
    }
    reports
}

fn hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn typed(value: String, datatype: &str) -> Term {
    Literal::new_typed_literal(value, iri(datatype)).into()
}

fn date_quads(subject: &NamedNode, date: &Resolved, add: &mut dyn FnMut(&NamedNode, &str, Term)) {
    let datatype = match date.precision {
        Precision::Day | Precision::Week => XSD_DATE,
        Precision::Month => XSD_G_YEAR_MONTH,
        Precision::Year => XSD_G_YEAR,
    };
    add(subject, AG_DATE, typed(date.value(), datatype));
    add(subject, AG_DATE_PRECISION, Literal::new_simple_literal(date.precision.as_str()).into());
    add(subject, SEM_EARLIEST_BEGIN, typed(date.earliest.to_string(), XSD_DATE));
    add(subject, SEM_LATEST_END, typed(date.latest.to_string(), XSD_DATE));
}

/// The quads of a document's meeting reports. `sentence_iris` and
/// `fact_iris` are the IRIs `rdf.rs` gave the sentences and facts.
pub fn report_quads(
    doc: &NamedNode,
    reports: &[Report],
    ontology: &Ontology,
    actors: &Actors,
    sentence_iris: &[Option<NamedNode>],
    fact_iris: &[NamedNode],
) -> Vec<Quad> {
    let gaz = actors;
    let g = GraphName::NamedNode(doc.clone());
    let mut out = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| out.push(Quad::new(s.clone(), iri(p), o, g.clone()));
    for r in reports {
        let sentences: Vec<&NamedNode> = r.all_sentences().into_iter().filter_map(|si| sentence_iris.get(si)?.as_ref()).collect();
        let mut key: Vec<&str> = r.participants.iter().map(|&e| gaz.get(e).iri.as_str()).collect();
        key.extend(sentences.iter().map(|s| s.as_str()));
        let m = iri(&format!("{}#meeting-{}", doc.as_str(), hex(&key.join(" "))));
        add(&m, RDF_TYPE, iri(AG_MEETING_REPORT).into());
        for &e in &r.participants {
            add(&m, SEM_HAS_ACTOR, gaz.get(e).iri.clone().into());
        }
        if let Some(p) = r.place {
            add(&m, SEM_HAS_PLACE, ontology.places.places[p].iri.clone().into());
        }
        if let Some(d) = &r.date {
            add(&m, AG_DATE_TEXT, Literal::new_simple_literal(&d.text).into());
            if let Some(resolved) = &d.resolved {
                date_quads(&m, resolved, &mut add);
            }
        }
        for s in sentences {
            add(&m, AG_EVIDENCE, s.clone().into());
        }
        for &f in &r.facts {
            if let Some(f) = fact_iris.get(f) {
                add(&m, AG_SUPPORTS, f.clone().into());
            }
        }
    }
    out
}

/// A report as read back from the store.
#[derive(Debug, Default)]
struct Stored {
    participants: BTreeSet<String>,
    place: Option<String>,
    date: Option<Resolved>,
    earliest: Option<Date>,
    latest: Option<Date>,
    precision: Option<Precision>,
    date_text: Option<String>,
    /// The article's date, when known.
    published: Option<Date>,
}

/// A meeting merged over reports.
struct Event {
    reports: Vec<String>,
    participants: BTreeSet<String>,
    place: Option<String>,
    date: Option<Resolved>,
    /// The earliest article date among reports that give no date: the
    /// meeting cannot have happened after it.
    not_after: Option<Date>,
}

impl Event {
    fn accepts(&self, r: &Stored) -> bool {
        let shared = self.participants.intersection(&r.participants).count() >= 2;
        let place = self.place.is_none() || r.place.is_none() || self.place == r.place;
        let date = match (&self.date, &r.date) {
            (Some(a), Some(b)) => a.agrees(b) && self.not_after.is_none_or(|n| b.earliest <= n),
            (Some(a), None) => r.published.is_none_or(|p| a.earliest <= p),
            (None, Some(b)) => self.not_after.is_none_or(|n| b.earliest <= n),
            (None, None) => true,
        };
        shared && place && date
    }

    fn add(&mut self, iri: &str, r: &Stored) {
        self.reports.push(iri.to_string());
        self.participants.extend(r.participants.iter().cloned());
        if self.place.is_none() {
            self.place = r.place.clone();
        }
        match (&self.date, &r.date) {
            (Some(a), Some(b)) => self.date = Some(a.narrow(b)),
            (None, Some(b)) => self.date = Some(*b),
            (_, None) => {
                if let Some(p) = r.published {
                    self.not_after = Some(self.not_after.map_or(p, |n| n.min(p)));
                }
            }
        }
    }
}

fn literal_value(t: &Term) -> Option<&str> {
    match t {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

/// Recomputes the events graph from every meeting report in the store, in
/// one transaction; returns the number of events. Reports are read with one
/// pass per property over all graphs, not per article, and clustered in a
/// fixed order, so the same store always gives the same events.
pub fn refresh(store: &Store) -> Result<usize> {
    let events_graph = NamedNodeRef::new_unchecked(EVENTS_GRAPH);
    let in_article = |g: &GraphName| matches!(g, GraphName::NamedNode(n) if n.as_str().starts_with(DOC_BASE));
    let mut reports: BTreeMap<String, (String, Stored)> = BTreeMap::new();
    let meeting = NamedNodeRef::new_unchecked(AG_MEETING_REPORT);
    for q in store.quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(RDF_TYPE)), Some(meeting.into()), None) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) = (&q.subject, &q.graph_name) {
            if in_article(&q.graph_name) {
                reports.insert(s.as_str().to_string(), (g.as_str().to_string(), Stored::default()));
            }
        }
    }
    if reports.is_empty() {
        let had = store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(events_graph))).next().is_some();
        if had {
            store.remove_named_graph(events_graph)?;
        }
        return Ok(0);
    }
    // Properties that only meetings use are scanned whole: their size is
    // the meetings', not the store's.
    let properties = [SEM_HAS_ACTOR, SEM_HAS_PLACE, SEM_EARLIEST_BEGIN, SEM_LATEST_END, AG_DATE_PRECISION, AG_DATE_TEXT];
    for p in properties {
        for q in store.quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(p)), None, None) {
            let q = q?;
            let NamedOrBlankNode::NamedNode(s) = &q.subject else { continue };
            let Some((graph, r)) = reports.get_mut(s.as_str()) else { continue };
            if !matches!(&q.graph_name, GraphName::NamedNode(g) if g.as_str() == graph) {
                continue;
            }
            let node = || match &q.object {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            };
            match p {
                SEM_HAS_ACTOR => r.participants.extend(node()),
                SEM_HAS_PLACE => r.place = node(),
                SEM_EARLIEST_BEGIN => r.earliest = literal_value(&q.object).and_then(Date::parse_iso),
                SEM_LATEST_END => r.latest = literal_value(&q.object).and_then(Date::parse_iso),
                AG_DATE_PRECISION => r.precision = literal_value(&q.object).and_then(Precision::parse),
                _ => r.date_text = literal_value(&q.object).map(str::to_string),
            }
        }
    }
    let mut published: BTreeMap<String, Date> = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(NamedNodeRef::new_unchecked(DCTERMS_ISSUED)), None, None) {
        let q = q?;
        if let (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) = (&q.subject, &q.graph_name) {
            if s == g {
                if let Some(d) = literal_value(&q.object).and_then(Date::parse_iso) {
                    published.insert(g.as_str().to_string(), d);
                }
            }
        }
    }
    for (graph, r) in reports.values_mut() {
        r.published = published.get(graph.as_str()).copied();
        if let (Some(earliest), Some(latest), Some(precision)) = (r.earliest, r.latest, r.precision) {
            r.date = Some(Resolved { earliest, latest, precision });
        }
    }
    // The most precisely dated reports go first, so that undated ones join
    // the meeting their date allows rather than found one of their own.
    let mut order: Vec<(&String, &Stored)> = reports.iter().map(|(iri, (_, r))| (iri, r)).collect();
    order.sort_by_key(|(iri, r)| (r.date.map_or(4, |d| d.precision as u8), *iri));
    // Candidate events are found through the pairs of participants they
    // hold (sharing two participants is sharing a pair), so that a large
    // store is not clustered in quadratic time.
    let mut events: Vec<Event> = Vec::new();
    let mut by_pair: HashMap<(String, String), BTreeSet<usize>> = HashMap::new();
    for (iri, r) in order {
        let names: Vec<&String> = r.participants.iter().collect();
        let mut candidates = BTreeSet::new();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                if let Some(found) = by_pair.get(&((*a).clone(), (*b).clone())) {
                    candidates.extend(found.iter().copied());
                }
            }
        }
        let index = match candidates.into_iter().find(|&i| events[i].accepts(r)) {
            Some(i) => i,
            None => {
                events.push(Event { reports: Vec::new(), participants: BTreeSet::new(), place: None, date: None, not_after: None });
                events.len() - 1
            }
        };
        let before = events[index].participants.clone();
        events[index].add(iri, r);
        let event = &events[index];
        for new in event.participants.difference(&before) {
            for other in event.participants.iter().filter(|o| *o != new) {
                let key = if new < other { (new.clone(), other.clone()) } else { (other.clone(), new.clone()) };
                by_pair.entry(key).or_default().insert(index);
            }
        }
    }
    let g = GraphName::NamedNode(events_graph.into_owned());
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: &str, o: Term| quads.push(Quad::new(s.clone(), iri(p), o, g.clone()));
    for e in &mut events {
        e.reports.sort();
        let node = iri(&format!("{EVENT_BASE}{}", hex(&e.reports.join(" "))));
        add(&node, RDF_TYPE, iri(AG_MEETING).into());
        for p in &e.participants {
            add(&node, SEM_HAS_ACTOR, iri(p).into());
        }
        if let Some(p) = &e.place {
            add(&node, SEM_HAS_PLACE, iri(p).into());
        }
        if let Some(d) = &e.date {
            date_quads(&node, d, &mut add);
        }
        // Each article's evidence stays on its report, in the article's
        // graph: copying it here would make every refresh read the evidence
        // of every report in the store.
        let mut texts = BTreeSet::new();
        for r in &e.reports {
            add(&node, AG_REPORT, iri(r).into());
            texts.extend(reports[r].1.date_text.iter().cloned());
        }
        for t in texts {
            add(&node, AG_DATE_TEXT, Literal::new_simple_literal(t).into());
        }
    }
    write_changes(store, events_graph, quads)?;
    Ok(events.len())
}

/// Makes the events graph hold `quads`, in one transaction that touches only
/// what changed: rebuilding one article rewrites a few events, not all.
fn write_changes(store: &Store, graph: NamedNodeRef<'_>, quads: Vec<Quad>) -> Result<()> {
    let mut old: HashSet<Quad> = HashSet::new();
    for q in store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))) {
        old.insert(q?);
    }
    let new: HashSet<Quad> = quads.into_iter().collect();
    if old == new {
        return Ok(());
    }
    let mut tx = store.start_transaction()?;
    for q in old.difference(&new) {
        tx.remove(q);
    }
    for q in new.difference(&old) {
        tx.insert(q);
    }
    tx.commit()?;
    Ok(())
}
