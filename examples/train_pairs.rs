//! Learns the pair model (`ontology/pair-model.tsv`) from the annotated
//! real-news articles, and measures it conflict by conflict.
//!
//!     cargo run --release --example train_pairs -- --conflicts drc,gaza,... \
//!         [--threshold 0.8] [--out ontology/pair-model.tsv] [--loco]
//!
//! Every pair of actors a sentence names (`relations::pairs`) is an example;
//! it is positive when the article's gold (`tests/realnews/CONFLICT/gold.tsv`)
//! has the two meeting. The labels are per article, not per sentence, so a
//! sentence that names two actors who met elsewhere in the article is a
//! (noisy) positive; precision is won back with a high threshold.
//!
//! The model is a logistic regression over the pairs' string features,
//! trained with AdaGrad and an L2 penalty, in a fixed order: the same
//! articles give the same weights.
//!
//! `--loco` (leave one conflict out) trains on all conflicts but one and
//! counts the facts the model would add to the held-out one, per threshold:
//! the figure that says how the model carries to a conflict it never saw.
//! `--measure` scores the given conflicts with the model in `--model`
//! without training. The article texts must be in `tests/realnews/docs/`
//! (see `tests/realnews/README.md`).

use actorgraph::eval::Aliases;
use actorgraph::ontology::pair_model::PairModel;
use actorgraph::text::document;
use actorgraph::{Extractor, Ontology, Predicate};
use anyhow::{Context, Result};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One pair of one sentence, labelled.
struct Example {
    conflict: usize,
    doc: String,
    /// Canonical names of the two actors, sorted.
    key: (String, String),
    features: Vec<String>,
    positive: bool,
    /// A rule already related the two in this sentence.
    linked: bool,
}

/// What the rules alone found for an article: unordered metWith pairs.
type RuleFacts = BTreeMap<String, BTreeSet<(String, String)>>;
/// Gold metWith pairs per article, with whether the row is explicit.
type Gold = BTreeMap<String, BTreeMap<(String, String), bool>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let root = PathBuf::from(opt("--root").unwrap_or_else(|| "tests/realnews".into()));
    let conflicts: Vec<String> = opt("--conflicts").context("--conflicts a,b,c is required")?.split(',').map(str::to_string).collect();
    let epochs: usize = opt("--epochs").map_or(Ok(12), |a| a.parse())?;
    let l2: f64 = opt("--l2").map_or(Ok(1e-4), |a| a.parse())?;
    let min_count: usize = opt("--min-count").map_or(Ok(2), |a| a.parse())?;

    let mut examples = Vec::new();
    let mut rules = RuleFacts::new();
    let mut gold = Gold::new();
    for (ci, c) in conflicts.iter().enumerate() {
        read_conflict(&root, c, ci, &mut examples, &mut rules, &mut gold)?;
    }
    let positives = examples.iter().filter(|e| e.positive).count();
    eprintln!("{} pairs ({} positive) from {} articles", examples.len(), positives, rules.len());

    if flag("--measure") {
        let model_path = opt("--model").unwrap_or_else(|| "ontology/pair-model.tsv".into());
        let text = std::fs::read_to_string(&model_path).with_context(|| format!("{model_path}: cannot read"))?;
        let model = PairModel::parse(&text, &model_path)?;
        let scores: Vec<f64> = examples.iter().map(|e| model.probability(&e.features)).collect();
        report(&examples, &scores, &rules, &gold, &conflicts);
        return Ok(());
    }
    if flag("--loco") {
        let mut scores = vec![0.0; examples.len()];
        for ci in 0..conflicts.len() {
            let train: Vec<&Example> = examples.iter().filter(|e| e.conflict != ci).collect();
            let (weights, bias) = train_model(&train, epochs, l2, min_count);
            for (i, e) in examples.iter().enumerate().filter(|(_, e)| e.conflict == ci) {
                scores[i] = probability(&weights, bias, &e.features);
            }
        }
        println!("Leave one conflict out: each conflict scored by a model trained on the others.\n");
        if flag("--dump") {
            for (e, s) in examples.iter().zip(&scores).filter(|(e, _)| !e.linked) {
                let between: Vec<&str> =
                    e.features.iter().filter(|f| f.starts_with("seq:") || f.starts_with("gap:")).map(String::as_str).collect();
                eprintln!("{s:.3}\t{}\t{}\t{} | {}\t{}", e.positive, e.doc, e.key.0, e.key.1, between.join(" "));
            }
        }
        report(&examples, &scores, &rules, &gold, &conflicts);
    }
    if let Some(out) = opt("--out") {
        let threshold: f64 = opt("--threshold").map_or(Ok(0.8), |a| a.parse())?;
        let all: Vec<&Example> = examples.iter().collect();
        let (weights, bias) = train_model(&all, epochs, l2, min_count);
        write_model(Path::new(&out), &weights, bias, threshold, &conflicts, positives, examples.len())?;
        eprintln!("wrote {out}: {} weights", weights.len());
    }
    Ok(())
}

fn read_conflict(root: &Path, c: &str, ci: usize, examples: &mut Vec<Example>, rules: &mut RuleFacts, gold: &mut Gold) -> Result<()> {
    let folder = root.join(c);
    let mut ontology = Ontology::from_dir(&folder)?;
    // The features and the rules' facts must not depend on a model.
    ontology.pair_model = PairModel::default();
    let aliases = Aliases::read(&[folder.join("aliases.tsv")])?;
    let pair = |a: &str, b: &str| {
        let (a, b) = (aliases.canon(a), aliases.canon(b));
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    };
    let gold_text = std::fs::read_to_string(folder.join("gold.tsv"))?;
    for line in gold_text.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || cols[2] != "metWith" {
            continue;
        }
        let explicit = cols.get(4).is_none_or(|k| *k != "inferred");
        for s in cols[1].split('|') {
            for o in cols[3].split('|') {
                let entry = gold.entry(format!("{c}/{}", cols[0])).or_default().entry(pair(s, o)).or_insert(false);
                *entry |= explicit;
            }
        }
    }
    let extractor = Extractor::new(&ontology).keep_pairs(true);
    let docs = root.join("docs").join(c);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&docs)
        .with_context(|| format!("{}: cannot read", docs.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let doc = format!("{c}/{}", path.file_name().unwrap().to_string_lossy());
        let text = document::read_text_file(&path)?;
        let ex = extractor.extract(&text);
        let label = |e: usize| ex.entity(&ontology.gazetteer, e).pref_label.clone();
        let found = rules.entry(doc.clone()).or_default();
        for f in ex.facts.iter().filter(|f| f.predicate == Predicate::MetWith) {
            found.insert(pair(&label(f.subject), &label(f.object)));
        }
        let doc_gold = gold.get(&doc);
        for sp in &ex.pairs {
            let key = pair(&label(sp.pair.a), &label(sp.pair.b));
            let positive = doc_gold.is_some_and(|g| g.contains_key(&key));
            examples.push(Example { conflict: ci, doc: doc.clone(), key, features: sp.pair.features.clone(), positive, linked: sp.linked });
        }
    }
    Ok(())
}

/// Logistic regression by AdaGrad over the examples, in a fixed shuffled
/// order. Features seen in fewer than `min_count` examples get no weight.
fn train_model(examples: &[&Example], epochs: usize, l2: f64, min_count: usize) -> (HashMap<String, f64>, f64) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in examples {
        for f in &e.features {
            *counts.entry(f).or_default() += 1;
        }
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = counts.iter().filter(|(_, &n)| n >= min_count).map(|(f, _)| *f).collect();
    names.sort_unstable();
    for (i, f) in names.iter().enumerate() {
        index.insert(f, i);
    }
    let rows: Vec<(Vec<usize>, f64)> = examples
        .iter()
        .map(|e| (e.features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect(), if e.positive { 1.0 } else { 0.0 }))
        .collect();
    let mut w = vec![0.0f64; names.len()];
    let mut g2 = vec![1e-8f64; names.len()];
    let (mut bias, mut bias_g2) = (0.0f64, 1e-8f64);
    let rate = 0.3;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut seed: u64 = 0x5eed;
    for _ in 0..epochs {
        // Fisher-Yates with a fixed linear congruential generator.
        for i in (1..order.len()).rev() {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &r in &order {
            let (xs, y) = &rows[r];
            let z = bias + xs.iter().map(|&i| w[i]).sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - y;
            bias_g2 += err * err;
            bias -= rate * err / bias_g2.sqrt();
            for &i in xs {
                let g = err + l2 * w[i];
                g2[i] += g * g;
                w[i] -= rate * g / g2[i].sqrt();
            }
        }
    }
    let weights = names.iter().zip(&w).filter(|(_, w)| w.abs() >= 0.005).map(|(f, w)| (f.to_string(), *w)).collect();
    (weights, bias)
}

fn probability(weights: &HashMap<String, f64>, bias: f64, features: &[String]) -> f64 {
    let z = bias + features.iter().filter_map(|f| weights.get(f)).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The facts the model adds to each article at each threshold (pairs no
/// rule found anywhere in the article), and how many the gold holds.
fn report(examples: &[Example], scores: &[f64], rules: &RuleFacts, gold: &Gold, conflicts: &[String]) {
    let rule_tp: usize = rules.iter().map(|(d, fs)| fs.iter().filter(|k| gold.get(d).is_some_and(|g| g.contains_key(*k))).count()).sum();
    let rule_all: usize = rules.values().map(BTreeSet::len).sum();
    let gold_explicit: usize = gold.values().map(|g| g.values().filter(|e| **e).count()).sum();
    println!("Rules alone: {rule_all} metWith facts, {rule_tp} in the gold; the gold has {gold_explicit} explicit metWith pairs.\n");
    println!("| threshold | added | right | wrong | precision of added | explicit gained | per conflict (right/wrong) |");
    println!("|---|---|---|---|---|---|---|");
    for t in [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] {
        // Best score per (article, pair), over the sentences no rule linked.
        let mut best: BTreeMap<(&str, &(String, String)), (f64, usize)> = BTreeMap::new();
        for (e, s) in examples.iter().zip(scores) {
            if e.linked {
                continue;
            }
            let entry = best.entry((&e.doc, &e.key)).or_insert((0.0, e.conflict));
            entry.0 = entry.0.max(*s);
        }
        let (mut right, mut wrong, mut explicit) = (0, 0, 0);
        let mut per = vec![(0, 0); conflicts.len()];
        for ((doc, key), (s, ci)) in best {
            if s < t || rules.get(doc).is_some_and(|r| r.contains(key)) {
                continue;
            }
            match gold.get(doc).and_then(|g| g.get(key)) {
                Some(is_explicit) => {
                    right += 1;
                    per[ci].0 += 1;
                    explicit += usize::from(*is_explicit);
                }
                None => {
                    wrong += 1;
                    per[ci].1 += 1;
                }
            }
        }
        let per: Vec<String> = conflicts.iter().zip(&per).map(|(c, (r, w))| format!("{c} {r}/{w}")).collect();
        let precision = if right + wrong == 0 { 0.0 } else { right as f64 / (right + wrong) as f64 };
        println!("| {t} | {} | {right} | {wrong} | {precision:.3} | {explicit} | {} |", right + wrong, per.join(", "));
    }
}

fn write_model(
    path: &Path,
    weights: &HashMap<String, f64>,
    bias: f64,
    threshold: f64,
    conflicts: &[String],
    positives: usize,
    n: usize,
) -> Result<()> {
    let mut sorted: Vec<(&String, &f64)> = weights.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).with_context(|| format!("{}: cannot write", path.display()))?);
    writeln!(f, "# The learned pair model (src/ontology/pair_model.rs), written by examples/train_pairs.rs.")?;
    writeln!(f, "# Trained on the real-news development conflicts {}: {n} pairs of actors, {positives} positive.", conflicts.join(", "))?;
    writeln!(f, "# Features: relations/pairs.rs. Do not edit by hand; train again.")?;
    writeln!(f, "@bias\t{bias:.4}")?;
    writeln!(f, "@threshold\t{threshold}")?;
    for (name, w) in sorted {
        writeln!(f, "{name}\t{w:.4}")?;
    }
    Ok(())
}
