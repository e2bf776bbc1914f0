//! `eval`: build a temporary store from articles, read the facts back with
//! SPARQL, and score them against gold annotations, with the matching rules
//! of the shared scorer (`score.py`): names are canonicalized through alias
//! tables, metWith matches in either direction, a gold cell may list
//! alternatives separated by `|`, and a second system fact matching an
//! already credited gold row is neutral.

use crate::graph::ingest;
use crate::ontology::Ontology;
use crate::output::query;
use anyhow::{anyhow, bail, Context, Result};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

const PREFIXES: &str = "PREFIX ag: <https://w3id.org/actorgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
";

const FACTS: &str = "SELECT DISTINCT ?doc ?p ?s ?o ?sentence ?rule WHERE {
  GRAPH ?g { ?si ?pi ?oi . VALUES ?pi { ag:metWith ag:rejected ag:leads } ?g dcterms:identifier ?doc .
    OPTIONAL { ?f rdf:subject ?si ; rdf:predicate ?pi ; rdf:object ?oi ; ag:evidence ?ev . ?ev nif:anchorOf ?sentence OPTIONAL { ?f ag:rule ?rule } } }
  OPTIONAL { ?si skos:prefLabel ?sp } OPTIONAL { ?si rdfs:label ?sl }
  OPTIONAL { ?oi skos:prefLabel ?op } OPTIONAL { ?oi rdfs:label ?ol }
  BIND(COALESCE(?sp, ?sl, STR(?si)) AS ?s)
  BIND(COALESCE(?op, ?ol, STR(?oi)) AS ?o)
  BIND(STRAFTER(STR(?pi), \"#\") AS ?p)
}";

const MENTIONS: &str = "SELECT DISTINCT ?doc ?e ?ei WHERE {
  GRAPH ?g { ?g <http://schema.org/mentions> ?ei . ?g dcterms:identifier ?doc }
  OPTIONAL { ?ei skos:prefLabel ?ep } OPTIONAL { ?ei rdfs:label ?el }
  BIND(COALESCE(?ep, ?el, STR(?ei)) AS ?e)
}";

/// Normalizes a label the way the scorer does.
pub fn norm(label: &str) -> String {
    let decomposed: String = label.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    let lowered = decomposed.replace('\u{2019}', "'").to_lowercase();
    let spaced: String = lowered.chars().map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalized name -> canonical name.
#[derive(Debug, Default, Clone)]
pub struct Aliases(HashMap<String, String>);

impl Aliases {
    /// Reads alias tables: `canonical<TAB>alias|alias...`.
    pub fn read(paths: &[PathBuf]) -> Result<Aliases> {
        let mut table = HashMap::new();
        for path in paths {
            let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
            for line in text.lines() {
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let cols: Vec<&str> = line.split('\t').collect();
                let canon = cols[0].trim().to_string();
                table.insert(norm(&canon), canon.clone());
                if let Some(aliases) = cols.get(1) {
                    for a in aliases.split('|').filter(|a| !a.trim().is_empty()) {
                        table.entry(norm(a)).or_insert_with(|| canon.clone());
                    }
                }
            }
        }
        Ok(Aliases(table))
    }

    /// The alias table of a gazetteer: prefLabels are canonical.
    pub fn from_ontology(ontology: &Ontology) -> Aliases {
        let mut table = HashMap::new();
        for e in &ontology.gazetteer.entities {
            table.insert(norm(&e.pref_label), e.pref_label.clone());
        }
        for e in &ontology.gazetteer.entities {
            for a in &e.alt_labels {
                table.entry(norm(a)).or_insert_with(|| e.pref_label.clone());
            }
        }
        Aliases(table)
    }

    pub fn canon(&self, label: &str) -> String {
        self.0.get(&norm(label)).cloned().unwrap_or_else(|| label.trim().to_string())
    }

    fn universe(&self) -> BTreeSet<String> {
        self.0.values().cloned().collect()
    }
}

/// One gold row.
#[derive(Debug, Clone)]
struct Gold {
    doc: String,
    predicate: String,
    subject: BTreeSet<String>,
    object: BTreeSet<String>,
    kind: String,
    note: String,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { precision: p, recall: r, f1: f, tp, fp, fn_ }
}

/// A fact in the report.
#[derive(Debug, Clone, Serialize)]
pub struct FactRow {
    pub doc: String,
    pub predicate: String,
    pub subject: String,
    pub object: String,
    /// For spurious facts, the sentence that produced it; for missed ones,
    /// the gold note.
    pub evidence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// For spurious facts, the rules that produced it (`ag:rule`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

/// How many of the facts a rule produced match a gold row, and how many
/// match none; a fact that several rules produced counts for each.
#[derive(Debug, Clone, Serialize, Default)]
pub struct RuleCount {
    pub right: usize,
    pub wrong: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindRecall {
    pub recall: f64,
    pub gold: usize,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub documents: usize,
    pub facts: Prf,
    pub by_predicate: BTreeMap<String, Prf>,
    pub recall_by_kind: BTreeMap<String, KindRecall>,
    /// Precision, recall and F1 counting only explicit gold facts (inferred
    /// gold rows neither credit nor penalize).
    pub explicit: Prf,
    pub mentions: Prf,
    pub missed: Vec<FactRow>,
    pub spurious: Vec<FactRow>,
    pub missed_mentions: Vec<(String, String)>,
    pub spurious_mentions: Vec<(String, String)>,
    pub duplicate_entities: Vec<String>,
    /// Right and wrong facts per extraction rule: where to look first when
    /// precision drops.
    pub by_rule: BTreeMap<String, RuleCount>,
}

fn read_tsv(path: &Path) -> Result<Vec<HashMap<String, String>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<String> =
        lines.next().ok_or_else(|| anyhow!("{}: empty file", path.display()))?.split('\t').map(|s| s.trim().to_string()).collect();
    Ok(lines
        .map(|l| header.iter().cloned().zip(l.split('\t').map(|s| s.to_string()).chain(std::iter::repeat(String::new()))).collect())
        .collect())
}

fn select(store: &Store, sparql: &str) -> Result<Vec<HashMap<String, String>>> {
    let mut prepared = SparqlEvaluator::new().parse_query(&format!("{PREFIXES}{sparql}"))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute()? else { bail!("expected solutions") };
    let mut rows = Vec::new();
    for s in solutions {
        let s = s?;
        rows.push(s.iter().map(|(v, t)| (v.as_str().to_string(), query::compact_value(t))).collect());
    }
    Ok(rows)
}

/// A system fact: document, predicate, canonical subject and object.
type FactKey = (String, String, String, String);

/// Builds a temporary store from `inputs` and scores it.
pub fn evaluate(ontology: &Ontology, inputs: &[PathBuf], gold: &Path, mentions: &Path, aliases: &[PathBuf]) -> Result<Report> {
    let table = if aliases.is_empty() { Aliases::from_ontology(ontology) } else { Aliases::read(aliases)? };
    let dir = tempfile::tempdir()?;
    let store = Store::open(dir.path())?;
    let summary = ingest::build(&store, ontology, inputs)?;
    for e in &summary.errors {
        eprintln!("actorgraph: skipped {e}");
    }
    let fact_rows = select(&store, FACTS)?;
    let mention_rows = select(&store, MENTIONS)?;
    // (doc, predicate, subject, object) -> (a sentence, the rules).
    let mut system: BTreeMap<FactKey, (String, BTreeSet<String>)> = BTreeMap::new();
    for r in &fact_rows {
        let key = (r["doc"].clone(), r["p"].clone(), table.canon(&r["s"]), table.canon(&r["o"]));
        let entry = system.entry(key).or_insert_with(|| (r.get("sentence").cloned().unwrap_or_default(), BTreeSet::new()));
        if let Some(rule) = r.get("rule") {
            entry.1.insert(rule.clone());
        }
    }
    let gold_rows: Vec<Gold> = read_tsv(gold)?
        .into_iter()
        .map(|g| Gold {
            doc: g["doc"].clone(),
            predicate: g["predicate"].clone(),
            subject: g["subject"].split('|').map(|x| table.canon(x)).collect(),
            object: g["object"].split('|').map(|x| table.canon(x)).collect(),
            kind: g.get("kind").filter(|k| !k.is_empty()).cloned().unwrap_or_else(|| "explicit".into()),
            note: g.get("note").cloned().unwrap_or_default(),
        })
        .collect();
    let mut matched = vec![false; gold_rows.len()];
    let mut spurious = Vec::new();
    let mut by_rule: BTreeMap<String, RuleCount> = BTreeMap::new();
    for ((doc, p, s, o), (sentence, rules)) in &system {
        let mut hit: Option<isize> = None;
        for (i, g) in gold_rows.iter().enumerate() {
            if g.doc != *doc || g.predicate != *p {
                continue;
            }
            let fits = (g.subject.contains(s) && g.object.contains(o)) || (p == "metWith" && g.subject.contains(o) && g.object.contains(s));
            if fits {
                if !matched[i] {
                    hit = Some(i as isize);
                    break;
                }
                hit = Some(-1);
            }
        }
        for rule in rules {
            let count = by_rule.entry(rule.clone()).or_default();
            if hit.is_some() {
                count.right += 1;
            } else {
                count.wrong += 1;
            }
        }
        match hit {
            None => {
                spurious.push(FactRow {
                    doc: doc.clone(),
                    predicate: p.clone(),
                    subject: s.clone(),
                    object: o.clone(),
                    evidence: sentence.clone(),
                    kind: None,
                    rules: rules.iter().cloned().collect(),
                });
            }
            Some(i) if i >= 0 => {
                matched[i as usize] = true;
            }
            Some(_) => {}
        }
    }
    let tp = matched.iter().filter(|m| **m).count();
    let missed: Vec<FactRow> = gold_rows
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(g, _)| FactRow {
            doc: g.doc.clone(),
            predicate: g.predicate.clone(),
            subject: g.subject.iter().cloned().collect::<Vec<_>>().join("|"),
            object: g.object.iter().cloned().collect::<Vec<_>>().join("|"),
            evidence: g.note.clone(),
            kind: Some(g.kind.clone()),
            rules: Vec::new(),
        })
        .collect();
    let mut by_predicate = BTreeMap::new();
    for pred in ["metWith", "rejected", "leads"] {
        let ptp = gold_rows.iter().zip(&matched).filter(|(g, m)| **m && g.predicate == pred).count();
        let pfn = gold_rows.iter().zip(&matched).filter(|(g, m)| !**m && g.predicate == pred).count();
        let pfp = spurious.iter().filter(|f| f.predicate == pred).count();
        by_predicate.insert(pred.to_string(), prf(ptp, pfp, pfn));
    }
    let mut recall_by_kind = BTreeMap::new();
    for kind in ["explicit", "inferred"] {
        let k: Vec<bool> = gold_rows.iter().zip(&matched).filter(|(g, _)| g.kind == kind).map(|(_, m)| *m).collect();
        let recall = if k.is_empty() { 0.0 } else { k.iter().filter(|m| **m).count() as f64 / k.len() as f64 };
        recall_by_kind.insert(kind.to_string(), KindRecall { recall, gold: k.len() });
    }
    let explicit_tp = gold_rows.iter().zip(&matched).filter(|(g, m)| **m && g.kind == "explicit").count();
    let explicit_fn = gold_rows.iter().zip(&matched).filter(|(g, m)| !**m && g.kind == "explicit").count();
    let explicit = prf(explicit_tp, spurious.len(), explicit_fn);

    let universe = table.universe();
    let gold_mentions: BTreeSet<(String, String)> =
        read_tsv(mentions)?.into_iter().map(|r| (r["doc"].clone(), table.canon(&r["entity"]))).collect();
    let sys_mentions: BTreeSet<(String, String)> =
        mention_rows.iter().map(|r| (r["doc"].clone(), table.canon(&r["e"]))).filter(|(_, e)| universe.contains(e)).collect();
    let mtp = gold_mentions.intersection(&sys_mentions).count();
    let mentions_prf = prf(mtp, sys_mentions.difference(&gold_mentions).count(), gold_mentions.difference(&sys_mentions).count());
    let mut iris: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in &mention_rows {
        iris.entry(table.canon(&r["e"])).or_default().insert(r["ei"].clone());
    }
    let duplicate_entities = iris.into_iter().filter(|(n, s)| s.len() > 1 && universe.contains(n)).map(|(n, _)| n).collect();
    Ok(Report {
        documents: summary.documents,
        facts: prf(tp, spurious.len(), missed.len()),
        by_predicate,
        recall_by_kind,
        explicit,
        mentions: mentions_prf,
        missed,
        spurious,
        missed_mentions: gold_mentions.difference(&sys_mentions).cloned().collect(),
        spurious_mentions: sys_mentions.difference(&gold_mentions).cloned().collect(),
        duplicate_entities,
        by_rule,
    })
}

impl Report {
    /// The human-readable report.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!("documents: {}\n", self.documents));
        for f in &self.missed {
            s.push_str(&format!(
                "missed      {}  {} {} {}  ({})  gold note: {}\n",
                f.doc,
                f.subject,
                f.predicate,
                f.object,
                f.kind.as_deref().unwrap_or(""),
                f.evidence
            ));
        }
        for f in &self.spurious {
            s.push_str(&format!(
                "spurious    {}  {} {} {}  (rule {})\n            sentence: {}\n",
                f.doc,
                f.subject,
                f.predicate,
                f.object,
                f.rules.join(", "),
                one_line(&f.evidence)
            ));
        }
        for (d, e) in &self.missed_mentions {
            s.push_str(&format!("no mention  {d}  {e}\n"));
        }
        for (d, e) in &self.spurious_mentions {
            s.push_str(&format!("bad mention {d}  {e}\n"));
        }
        for d in &self.duplicate_entities {
            s.push_str(&format!("duplicate   {d} has several IRIs\n"));
        }
        for (p, v) in &self.by_predicate {
            s.push_str(&format!("{p:9} P={:.3} R={:.3} F1={:.3} (tp {}, fp {}, fn {})\n", v.precision, v.recall, v.f1, v.tp, v.fp, v.fn_));
        }
        for (rule, c) in &self.by_rule {
            s.push_str(&format!("rule {rule}: {} right, {} wrong\n", c.right, c.wrong));
        }
        for (k, v) in &self.recall_by_kind {
            s.push_str(&format!("recall on {k} facts: {:.3} of {}\n", v.recall, v.gold));
        }
        let m = &self.mentions;
        s.push_str(&format!("mentions  P={:.3} R={:.3} F1={:.3}\n", m.precision, m.recall, m.f1));
        let e = &self.explicit;
        s.push_str(&format!("explicit  P={:.3} R={:.3} F1={:.3}\n", e.precision, e.recall, e.f1));
        let o = &self.facts;
        s.push_str(&format!("facts     P={:.3} R={:.3} F1={:.3}\n", o.precision, o.recall, o.f1));
        s
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
