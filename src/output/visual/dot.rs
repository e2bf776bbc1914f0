//! Graphviz DOT.

use super::*;

/// A DOT double-quoted string. Graphviz gives backslashes a meaning in
/// labels (`\n`, `\N`, `\G`...), so a backslash is doubled, a quote is
/// escaped and a line break becomes `\n`; nothing else needs escaping.
pub fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if (c as u32) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub(super) fn write_dot(net: &Network, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "// {}: political actors and the relations articles state between them", generator())?;
    writeln!(out, "digraph actorgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];")?;
    writeln!(out, "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=11, fontcolor=\"#ffffff\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for n in &net.nodes {
        let shape = match n.class.as_str() {
            "Organization" => "box",
            "Article" => "note",
            _ => "ellipse",
        };
        let mut tooltip = format!("{} ({}), named in {} article(s)", n.label, n.class, n.articles);
        if !n.aliases.is_empty() {
            tooltip.push_str(&format!("; also: {}", n.aliases.join(", ")));
        }
        writeln!(
            out,
            "  {} [label={}, shape={shape}, fillcolor={}, fontsize={}, tooltip={}, class={}];",
            dot_string(&n.id),
            dot_string(&n.label),
            dot_string(class_color(&n.class)),
            10 + (n.articles.min(10)),
            dot_string(&tooltip),
            dot_string(&n.class),
        )?;
    }
    for e in &net.edges {
        let style = match e.predicate.as_str() {
            "rejected" => "dashed",
            "mentions" => "dotted",
            _ => "solid",
        };
        let mut tooltip: Vec<String> = e.evidence.iter().map(evidence_line).collect();
        if e.evidence_total > e.evidence.len() {
            tooltip.push(format!("(and {} more sentences)", e.evidence_total - e.evidence.len()));
        }
        writeln!(
            out,
            "  {} -> {} [id={}, label={}, color={}, fontcolor={}, style={style}, penwidth={}, dir={}, weight={}, tooltip={}];",
            dot_string(&e.source),
            dot_string(&e.target),
            dot_string(&e.id),
            dot_string(&if e.support > 1 { format!("{} ({})", e.predicate, e.support) } else { e.predicate.clone() }),
            dot_string(predicate_color(&e.predicate)),
            dot_string(predicate_color(&e.predicate)),
            1 + e.support.min(5),
            if e.symmetric { "none" } else { "forward" },
            e.support,
            dot_string(&tooltip.join("\n")),
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

// ---------------------------------------------------------------- HTML
