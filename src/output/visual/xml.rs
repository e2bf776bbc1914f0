//! GraphML (Gephi, Cytoscape, yEd, networkx) and GEXF (Gephi), written with
//! quick-xml so that every label and sentence is escaped by a library.

use super::*;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// Removes the characters XML 1.0 cannot hold at all (C0 controls other
/// than tab, newline and carriage return; U+FFFE, U+FFFF).
fn xml_chars(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

// ---------------------------------------------------------------- GraphML

type XmlWriter<'a> = Writer<&'a mut dyn Write>;

fn start(w: &mut XmlWriter<'_>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let attrs: Vec<(&str, String)> = attrs.iter().map(|(k, v)| (*k, xml_chars(v))).collect();
    w.write_event(Event::Start(BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))))
}

fn empty(w: &mut XmlWriter<'_>, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let attrs: Vec<(&str, String)> = attrs.iter().map(|(k, v)| (*k, xml_chars(v))).collect();
    w.write_event(Event::Empty(BytesStart::new(name).with_attributes(attrs.iter().map(|(k, v)| (*k, v.as_str())))))
}

fn end(w: &mut XmlWriter<'_>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn text_element(w: &mut XmlWriter<'_>, name: &str, attrs: &[(&str, &str)], text: &str) -> io::Result<()> {
    start(w, name, attrs)?;
    w.write_event(Event::Text(BytesText::new(&xml_chars(text))))?;
    end(w, name)
}

pub(super) fn write_graphml(net: &Network, out: &mut dyn Write) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"),
        ],
    )?;
    let keys: &[(&str, &str, &str, &str)] = &[
        ("label", "node", "label", "string"),
        ("class", "node", "class", "string"),
        ("iri", "node", "iri", "string"),
        ("aliases", "node", "aliases", "string"),
        ("articles", "node", "articles", "int"),
        ("color", "node", "color", "string"),
        ("size", "node", "size", "double"),
        ("x", "node", "x", "double"),
        ("y", "node", "y", "double"),
        ("predicate", "edge", "predicate", "string"),
        ("elabel", "edge", "label", "string"),
        ("symmetric", "edge", "symmetric", "boolean"),
        ("support", "edge", "support", "int"),
        ("confidence", "edge", "confidence", "double"),
        ("sources", "edge", "articles", "string"),
        ("evidence", "edge", "evidence", "string"),
        ("evidence_total", "edge", "evidence_total", "int"),
        ("ecolor", "edge", "color", "string"),
    ];
    for (id, for_, name, ty) in keys {
        empty(&mut w, "key", &[("id", id), ("for", for_), ("attr.name", name), ("attr.type", ty)])?;
    }
    start(&mut w, "graph", &[("id", "actorgraph"), ("edgedefault", "directed")])?;
    for n in &net.nodes {
        start(&mut w, "node", &[("id", &n.id)])?;
        text_element(&mut w, "data", &[("key", "label")], &n.label)?;
        text_element(&mut w, "data", &[("key", "class")], &n.class)?;
        text_element(&mut w, "data", &[("key", "iri")], &n.id)?;
        if !n.aliases.is_empty() {
            text_element(&mut w, "data", &[("key", "aliases")], &n.aliases.join(" | "))?;
        }
        text_element(&mut w, "data", &[("key", "articles")], &n.articles.to_string())?;
        text_element(&mut w, "data", &[("key", "color")], class_color(&n.class))?;
        text_element(&mut w, "data", &[("key", "size")], &node_size(n).to_string())?;
        text_element(&mut w, "data", &[("key", "x")], &n.x.to_string())?;
        text_element(&mut w, "data", &[("key", "y")], &n.y.to_string())?;
        end(&mut w, "node")?;
    }
    for e in &net.edges {
        start(&mut w, "edge", &[("id", &e.id), ("source", &e.source), ("target", &e.target)])?;
        text_element(&mut w, "data", &[("key", "predicate")], &e.predicate)?;
        text_element(&mut w, "data", &[("key", "elabel")], &e.predicate)?;
        text_element(&mut w, "data", &[("key", "symmetric")], if e.symmetric { "true" } else { "false" })?;
        text_element(&mut w, "data", &[("key", "support")], &e.support.to_string())?;
        if let Some(c) = e.confidence {
            text_element(&mut w, "data", &[("key", "confidence")], &c.to_string())?;
        }
        text_element(&mut w, "data", &[("key", "sources")], &e.articles.join(" | "))?;
        if !e.evidence.is_empty() {
            let lines: Vec<String> = e.evidence.iter().map(evidence_line).collect();
            text_element(&mut w, "data", &[("key", "evidence")], &lines.join("\n"))?;
        }
        text_element(&mut w, "data", &[("key", "evidence_total")], &e.evidence_total.to_string())?;
        text_element(&mut w, "data", &[("key", "ecolor")], predicate_color(&e.predicate))?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "graph")?;
    end(&mut w, "graphml")?;
    w.into_inner().write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- GEXF

pub(super) fn write_gexf(net: &Network, out: &mut dyn Write) -> Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    start(
        &mut w,
        "gexf",
        &[
            ("xmlns", "http://www.gexf.net/1.2draft"),
            ("xmlns:viz", "http://www.gexf.net/1.2draft/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"),
            ("version", "1.2"),
        ],
    )?;
    start(&mut w, "meta", &[])?;
    text_element(&mut w, "creator", &[], &generator())?;
    text_element(&mut w, "description", &[], "Political actors and the relations articles state between them")?;
    end(&mut w, "meta")?;
    start(&mut w, "graph", &[("defaultedgetype", "directed"), ("mode", "static")])?;
    let node_attrs: &[(&str, &str, &str)] =
        &[("class", "class", "string"), ("iri", "iri", "string"), ("aliases", "aliases", "string"), ("articles", "articles", "integer")];
    let edge_attrs: &[(&str, &str, &str)] = &[
        ("predicate", "predicate", "string"),
        ("symmetric", "symmetric", "boolean"),
        ("support", "support", "integer"),
        ("confidence", "confidence", "double"),
        ("sources", "articles", "string"),
        ("evidence", "evidence", "string"),
        ("evidence_total", "evidence_total", "integer"),
    ];
    for (class, attrs) in [("node", node_attrs), ("edge", edge_attrs)] {
        start(&mut w, "attributes", &[("class", class), ("mode", "static")])?;
        for (id, title, ty) in attrs {
            empty(&mut w, "attribute", &[("id", id), ("title", title), ("type", ty)])?;
        }
        end(&mut w, "attributes")?;
    }
    start(&mut w, "nodes", &[])?;
    for n in &net.nodes {
        start(&mut w, "node", &[("id", &n.id), ("label", &n.label)])?;
        start(&mut w, "attvalues", &[])?;
        let articles = n.articles.to_string();
        let aliases = n.aliases.join(" | ");
        for (k, v) in [("class", n.class.as_str()), ("iri", n.id.as_str()), ("aliases", aliases.as_str()), ("articles", articles.as_str())]
        {
            empty(&mut w, "attvalue", &[("for", k), ("value", v)])?;
        }
        end(&mut w, "attvalues")?;
        let (r, g, b) = rgb(class_color(&n.class));
        empty(&mut w, "viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
        empty(&mut w, "viz:size", &[("value", &node_size(n).to_string())])?;
        empty(&mut w, "viz:position", &[("x", &n.x.to_string()), ("y", &n.y.to_string()), ("z", "0.0")])?;
        end(&mut w, "node")?;
    }
    end(&mut w, "nodes")?;
    start(&mut w, "edges", &[])?;
    for e in &net.edges {
        let weight = e.support.to_string();
        start(
            &mut w,
            "edge",
            &[("id", &e.id), ("source", &e.source), ("target", &e.target), ("label", &e.predicate), ("weight", &weight)],
        )?;
        start(&mut w, "attvalues", &[])?;
        let lines: Vec<String> = e.evidence.iter().map(evidence_line).collect();
        let confidence = e.confidence.map(|c| c.to_string());
        let mut values = vec![
            ("predicate", e.predicate.clone()),
            ("symmetric", e.symmetric.to_string()),
            ("support", weight.clone()),
            ("sources", e.articles.join(" | ")),
            // An attribute cannot keep a newline through an XML parser.
            ("evidence", lines.join(" || ")),
            ("evidence_total", e.evidence_total.to_string()),
        ];
        if let Some(c) = confidence {
            values.insert(3, ("confidence", c));
        }
        for (k, v) in &values {
            empty(&mut w, "attvalue", &[("for", k), ("value", v)])?;
        }
        end(&mut w, "attvalues")?;
        let (r, g, b) = rgb(predicate_color(&e.predicate));
        empty(&mut w, "viz:color", &[("r", &r.to_string()), ("g", &g.to_string()), ("b", &b.to_string())])?;
        end(&mut w, "edge")?;
    }
    end(&mut w, "edges")?;
    end(&mut w, "graph")?;
    end(&mut w, "gexf")?;
    w.into_inner().write_all(b"\n")?;
    Ok(())
}

// ---------------------------------------------------------------- Cytoscape JSON
