//! Cytoscape JSON (Cytoscape, cytoscape.js).

use super::*;

pub(super) fn write_cytoscape(net: &Network, out: &mut dyn Write) -> Result<()> {
    use serde_json::{json, Value};
    let nodes: Vec<Value> = net
        .nodes
        .iter()
        .map(|n| {
            let mut data = json!({
                "id": n.id, "label": n.label, "name": n.label, "class": n.class, "iri": n.id,
                "aliases": n.aliases, "articles": n.articles, "color": class_color(&n.class), "size": node_size(n),
            });
            if !n.identifier.is_empty() {
                data["identifier"] = json!(n.identifier);
            }
            json!({ "data": data, "classes": n.class, "position": { "x": n.x, "y": n.y } })
        })
        .collect();
    let edges: Vec<Value> = net
        .edges
        .iter()
        .map(|e| {
            let mut data = json!({
                "id": e.id, "source": e.source, "target": e.target, "predicate": e.predicate,
                "interaction": e.predicate, "label": e.predicate, "symmetric": e.symmetric,
                "support": e.support, "weight": e.support, "articles": e.articles,
                "evidence": e.evidence.iter().map(evidence_line).collect::<Vec<_>>(),
                "evidence_total": e.evidence_total,
                "color": predicate_color(&e.predicate),
            });
            if let Some(c) = e.confidence {
                data["confidence"] = json!(c);
            }
            json!({ "data": data, "classes": e.predicate })
        })
        .collect();
    let doc = json!({
        "format_version": "1.0",
        "generated_by": generator(),
        "target_cytoscapejs_version": "~3",
        "data": { "name": "actorgraph" },
        "elements": { "nodes": nodes, "edges": edges },
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- DOT
