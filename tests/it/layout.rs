//! The shape of the code, as ARCHITECTURE.md promises it: the folders of
//! `src/` are pipeline stages, a stage never imports a later one, no two
//! modules import each other (directly or around a loop), and no source file
//! grows past 800 lines.

use crate::support::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The stages in pipeline order; a module may import its own stage and the
/// ones before it. `main` and `lib` sit above everything.
const STAGES: &[&str] = &["text", "ontology", "actors", "relations", "extract", "events", "graph", "output", "eval", "suggest"];

/// Every module of the crate: its path (`relations::meetings`) and source.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("entry").path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut p = prefix.to_vec();
                if name != "mod" {
                    p.push(name);
                }
                out.insert(p.join("::"), std::fs::read_to_string(&path).expect("read source"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&root().join("src"), &[], &mut out);
    out
}

/// The modules that `module` refers to by `crate::` or `super::` paths,
/// outside its unit tests.
fn imports(module: &str, source: &str, known: &BTreeMap<String, String>) -> BTreeSet<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = BTreeSet::new();
    let own: Vec<&str> = module.split("::").collect();
    for (marker, base) in [("crate::", Vec::new()), ("super::", own[..own.len().saturating_sub(1)].to_vec())] {
        for (i, _) in code.match_indices(marker) {
            if i > 0 && code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[i + marker.len()..];
            let path: Vec<&str> = rest.split("::").map(|s| s.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_'))).collect();
            let mut parts: Vec<String> = base.iter().map(|s| s.to_string()).collect();
            for seg in path {
                let seg: String = seg.chars().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_').collect();
                if seg.is_empty() {
                    break;
                }
                parts.push(seg);
                if !known.contains_key(&parts.join("::")) {
                    parts.pop();
                    break;
                }
            }
            let target = parts.join("::");
            if !target.is_empty() && target != module && !module.starts_with(&format!("{target}::")) {
                out.insert(target);
            }
        }
    }
    out
}

fn stage(module: &str) -> Option<usize> {
    STAGES.iter().position(|s| module.split("::").next() == Some(*s))
}

#[test]
fn layout_has_no_upward_imports() {
    let mods = modules();
    let mut wrong = Vec::new();
    for (m, src) in &mods {
        let Some(from) = stage(m) else { continue };
        for t in imports(m, src, &mods) {
            if stage(&t).is_some_and(|to| to > from) {
                wrong.push(format!("{m} imports {t}, a later stage"));
            }
        }
    }
    assert!(wrong.is_empty(), "upward imports:\n{}", wrong.join("\n"));
}

#[test]
fn layout_has_no_import_cycles() {
    let mods = modules();
    let graph: BTreeMap<String, BTreeSet<String>> = mods.iter().map(|(m, s)| (m.clone(), imports(m, s, &mods))).collect();
    // Depth-first search; a back edge is a cycle.
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for t in g.get(n).into_iter().flatten() {
            match state.get(t.as_str()).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|p| p == t).unwrap();
                    let mut cycle = path[start..].to_vec();
                    cycle.push(t.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(t, g, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if state.get(m.as_str()).copied().unwrap_or(0) == 0 {
            if let Some(cycle) = visit(m, &graph, &mut state, &mut Vec::new()) {
                panic!("import cycle: {}", cycle.join(" -> "));
            }
        }
    }
}

#[test]
fn source_files_stay_short() {
    let long: Vec<String> = modules()
        .into_iter()
        .map(|(m, s)| (m, s.lines().count()))
        .filter(|(_, n)| *n > 800)
        .map(|(m, n)| format!("{m}: {n} lines"))
        .collect();
    assert!(long.is_empty(), "source files over 800 lines:\n{}", long.join("\n"));
}

#[test]
fn the_layout_checks_can_fail() {
    // The checks above would pass on a tree they cannot read; make sure
    // they see the imports they are meant to see.
    let mods = modules();
    assert!(mods.contains_key("relations::meetings") && mods.contains_key("text::sentences"), "modules: {:?}", mods.keys());
    let seen = imports("relations::meetings", &mods["relations::meetings"], &mods);
    assert!(seen.contains("relations::model"), "relations::meetings should import relations::model: {seen:?}");
    let fake = "use crate::graph::store::Store;\nfn f() { super::model::x(); }";
    let seen = imports("text::tokens", fake, &mods);
    assert!(seen.contains("graph::store") && stage("graph::store") > stage("text::tokens"), "{seen:?}");
}
