//! The case files: short texts written for this project with the facts an
//! annotator would list. One test per case set reports every failing case.

use actorgraph::{Extractor, Ontology};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

struct Case {
    file: String,
    id: String,
    text: String,
    facts: BTreeSet<String>,
    mentions: Option<BTreeSet<String>>,
}

fn parse_facts(cell: &str) -> BTreeSet<String> {
    let cell = cell.trim();
    if cell == "-" || cell.is_empty() {
        return BTreeSet::new();
    }
    cell.split(';').map(|f| normalize_fact(f.trim())).collect()
}

/// "A metWith B" and "B metWith A" are the same fact.
fn normalize_fact(f: &str) -> String {
    for p in [" metWith ", " rejected ", " leads ", " memberOf ", " childOf "] {
        if let Some((a, b)) = f.split_once(p) {
            let (a, b) = (a.trim(), b.trim());
            if p == " metWith " && a > b {
                return format!("{b}{p}{a}");
            }
            return format!("{a}{p}{b}");
        }
    }
    panic!("fact without a predicate: {f:?}");
}

fn read_cases(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 3, "{file}:{}: expected id, text, facts", n + 1);
        let mentions = cols.get(3).map(|m| m.trim()).filter(|m| !m.is_empty()).map(|m| {
            if m == "-" {
                BTreeSet::new()
            } else {
                m.split(';').map(|x| x.trim().to_string()).collect()
            }
        });
        out.push(Case {
            file: format!("{file}:{}", n + 1),
            id: cols[0].to_string(),
            text: cols[1].replace("\\n", "\n"),
            facts: parse_facts(cols[2]),
            mentions,
        });
    }
    out
}

fn run_cases(ontology: &Ontology, files: &[PathBuf]) -> (usize, Vec<String>) {
    let extractor = Extractor::new(ontology);
    let g = &ontology.gazetteer;
    let mut failures = Vec::new();
    let mut total = 0;
    for path in files {
        for case in read_cases(path) {
            total += 1;
            let ex = extractor.extract(&case.text);
            // memberOf and childOf are compared where a case lists one.
            let describes_actors =
                case.file.starts_with("roles.tsv:") || case.facts.iter().any(|f| f.contains(" memberOf ") || f.contains(" childOf "));
            let got: BTreeSet<String> = ex
                .facts
                .iter()
                .filter(|f| describes_actors || f.predicate.is_interaction())
                .map(|f| {
                    normalize_fact(&format!(
                        "{} {} {}",
                        ex.entity(g, f.subject).pref_label,
                        f.predicate.local_name(),
                        ex.entity(g, f.object).pref_label
                    ))
                })
                .collect();
            let mut problems = Vec::new();
            for missing in case.facts.difference(&got) {
                problems.push(format!("    missing:  {missing}"));
            }
            for extra in got.difference(&case.facts) {
                problems.push(format!("    spurious: {extra}"));
            }
            if let Some(expected) = &case.mentions {
                let named: BTreeSet<String> = ex.mentioned.iter().map(|&e| ex.entity(g, e).pref_label.clone()).collect();
                for m in expected.difference(&named) {
                    problems.push(format!("    mention missing:  {m}"));
                }
                for m in named.difference(expected) {
                    problems.push(format!("    mention spurious: {m}"));
                }
            }
            if !problems.is_empty() {
                failures.push(format!("{} [{}]\n    text: {}\n{}", case.id, case.file, case.text.replace('\n', "⏎"), problems.join("\n")));
            }
        }
    }
    (total, failures)
}

fn case_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "tsv")).collect();
    files.sort();
    files
}

fn report(name: &str, total: usize, failures: &[String]) {
    assert!(total > 0, "{name}: no cases found");
    if !failures.is_empty() {
        panic!("{name}: {} of {total} cases fail:\n\n{}\n", failures.len(), failures.join("\n\n"));
    }
    eprintln!("{name}: all {total} cases pass");
}

#[test]
fn afghanistan_cases() {
    let ontology = Ontology::builtin().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let (total, failures) = run_cases(&ontology, &case_files(&dir));
    assert!(total >= 80, "only {total} cases");
    report("tests/cases", total, &failures);
}

#[test]
fn fictional_conflict_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fictional");
    let ontology = Ontology::from_dir(&root.join("ontology")).unwrap();
    // The Afghan actors are not known to this gazetteer.
    assert!(ontology.gazetteer.entities.iter().all(|e| !e.pref_label.contains("Massoud")));
    let (total, failures) = run_cases(&ontology, &[root.join("cases.tsv")]);
    report("tests/fictional", total, &failures);
}
