// actorgraph's HTML view: a small deterministic force layout drawn in SVG.
// Every piece of data is put in the page with textContent or setAttribute,
// never as markup: article text is untrusted.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = data.nodes, edges = data.edges;
  var byId = new Map();
  nodes.forEach(function (n, i) { n.index = i; byId.set(n.id, n); });
  edges = edges.filter(function (e) { return byId.has(e.source) && byId.has(e.target); });
  var dashes = { metWith: "", leads: "", rejected: "7 4", mentions: "2 3" };

  function el(name, attrs, text) {
    var e = document.createElement(name);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function sel(name, attrs) {
    var e = document.createElementNS(SVG, name);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    return e;
  }
  function radius(n) { return 6 + 4 * Math.sqrt(n.articles || 0); }
  function classColor(c) { return data.class_colors[c] || data.class_colors.Actor; }
  function predColor(p) { return data.predicate_colors[p] || "#9c755f"; }
  function width(e) { return 1 + 1.5 * Math.sqrt(e.support); }

  // ------------------------------------------------------------ layout
  // Fruchterman-Reingold with a fixed start (a circle in IRI order), so the
  // same file always draws the same picture.
  function layout() {
    var n = nodes.length, W = Math.max(600, 90 * Math.sqrt(n)), k = 80;
    nodes.forEach(function (v, i) {
      var a = 2 * Math.PI * i / Math.max(n, 1);
      v.x = W / 2 * Math.cos(a) * (0.6 + 0.4 * ((i * 7919) % 13) / 13);
      v.y = W / 2 * Math.sin(a) * (0.6 + 0.4 * ((i * 104729) % 11) / 11);
    });
    // One spring per linked pair, however many relations join them.
    var seen = new Set(), springs = [];
    nodes.forEach(function (v) { v.degree = 0; });
    edges.forEach(function (e) {
      var a = byId.get(e.source), b = byId.get(e.target), key = a.index < b.index ? a.index + " " + b.index : b.index + " " + a.index;
      if (a === b || seen.has(key)) return;
      seen.add(key); springs.push([a, b]); a.degree++; b.degree++;
    });
    var temp = W / 8;
    // Fewer rounds on big graphs: each round costs n² / 2 pairs.
    var rounds = Math.max(60, Math.min(400, Math.round(400 * 250 * 250 / Math.max(n * n, 1))));
    for (var it = 0; it < rounds; it++) {
      nodes.forEach(function (v) { v.dx = 0; v.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y;
          var d2 = dx * dx + dy * dy + 0.01, d = Math.sqrt(d2);
          if (d > 4 * k) continue; // far nodes do not push: loose actors stay near the rest
          var f = 2 * k * k / d;
          a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      springs.forEach(function (pair) {
        var a = pair[0], b = pair[1];
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = d * d / (1.5 * k);
        a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      });
      nodes.forEach(function (v) {
        var g = v.degree ? 0.02 : 0.3; // gravity: loose actors gather around the network
        v.dx -= v.x * g; v.dy -= v.y * g;
        var d = Math.sqrt(v.dx * v.dx + v.dy * v.dy) + 0.01, s = Math.min(d, temp) / d;
        v.x += v.dx * s; v.y += v.dy * s;
      });
      temp = Math.max(temp * Math.pow(0.985, 400 / rounds), 0.5);
    }
  }

  // ------------------------------------------------------------ drawing
  var svg = document.getElementById("graph");
  var defs = sel("defs"), viewport = sel("g", { id: "viewport" });
  var edgeLayer = sel("g", { id: "edges" }), nodeLayer = sel("g", { id: "nodes" }), labelLayer = sel("g", { id: "edge-labels" });
  svg.appendChild(defs); svg.appendChild(viewport);
  viewport.appendChild(edgeLayer); viewport.appendChild(nodeLayer); viewport.appendChild(labelLayer);

  data.predicates.forEach(function (p, i) {
    var m = sel("marker", { id: "arrow-" + i, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
    m.appendChild(sel("path", { d: "M0,0 L10,5 L0,10 z", fill: predColor(p) }));
    defs.appendChild(m);
  });

  // Parallel edges between one pair are bent apart.
  var pairs = new Map();
  edges.forEach(function (e) {
    var key = e.source < e.target ? e.source + " " + e.target : e.target + " " + e.source;
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(e);
  });
  pairs.forEach(function (list) {
    list.forEach(function (e, i) { e.bend = (i - (list.length - 1) / 2) * 26 * (e.source < e.target ? 1 : -1); });
  });

  function geometry(e) {
    var a = byId.get(e.source), b = byId.get(e.target);
    var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
    var nx = -dy / d, ny = dx / d, mx = (a.x + b.x) / 2 + nx * e.bend, my = (a.y + b.y) / 2 + ny * e.bend;
    var cx = 2 * mx - (a.x + b.x) / 2, cy = 2 * my - (a.y + b.y) / 2; // control point: the curve passes through (mx, my)
    var ra = radius(a), rb = radius(b) + (e.symmetric ? 0 : 2);
    var ax = cx - a.x, ay = cy - a.y, la = Math.sqrt(ax * ax + ay * ay) || 1;
    var bx = cx - b.x, by = cy - b.y, lb = Math.sqrt(bx * bx + by * by) || 1;
    var sx = a.x + ax / la * ra, sy = a.y + ay / la * ra, tx = b.x + bx / lb * rb, ty = b.y + by / lb * rb;
    return { d: "M" + sx.toFixed(1) + "," + sy.toFixed(1) + " Q" + cx.toFixed(1) + "," + cy.toFixed(1) + " " + tx.toFixed(1) + "," + ty.toFixed(1), mx: mx, my: my };
  }

  var edgeViews = new Map(), nodeViews = new Map();
  function drawEdge(e) {
    var g = sel("g", { "class": "edge", "data-id": e.id, "data-predicate": e.predicate, "data-support": e.support });
    var line = sel("path", { "class": "edge-line", stroke: predColor(e.predicate), "stroke-width": width(e).toFixed(2) });
    if (dashes[e.predicate] === undefined) line.setAttribute("stroke-dasharray", "10 3 2 3");
    else if (dashes[e.predicate]) line.setAttribute("stroke-dasharray", dashes[e.predicate]);
    if (!e.symmetric) line.setAttribute("marker-end", "url(#arrow-" + data.predicates.indexOf(e.predicate) + ")");
    var hit = sel("path", { "class": "edge-hit" });
    var title = sel("title");
    title.textContent = byId.get(e.source).label + " " + e.predicate + " " + byId.get(e.target).label + " (" + e.support + " article" + (e.support === 1 ? "" : "s") + ")";
    g.appendChild(line); g.appendChild(hit); g.appendChild(title);
    var label = sel("text", { "class": "edge-label", "text-anchor": "middle", fill: predColor(e.predicate), "data-id": e.id });
    label.textContent = e.predicate === "mentions" ? "" : e.predicate + (e.support > 1 ? " ×" + e.support : "");
    var select = function (ev) { ev.stopPropagation(); showEdge(e); };
    g.addEventListener("click", select); label.addEventListener("click", select);
    edgeLayer.appendChild(g); labelLayer.appendChild(label);
    edgeViews.set(e.id, { g: g, line: line, hit: hit, label: label });
  }
  function placeEdge(e) {
    var v = edgeViews.get(e.id), geo = geometry(e);
    v.line.setAttribute("d", geo.d); v.hit.setAttribute("d", geo.d);
    v.label.setAttribute("x", geo.mx.toFixed(1)); v.label.setAttribute("y", (geo.my - 3).toFixed(1));
  }
  function drawNode(n) {
    var g = sel("g", { "class": "node", "data-id": n.id, "data-class": n.class });
    var c = sel("circle", { r: radius(n).toFixed(1), fill: classColor(n.class) });
    var t = sel("text", { "text-anchor": "middle" });
    // Long labels (article headlines) are cut; the tooltip has them whole.
    t.textContent = n.class === "Article" && n.label.length > 34 ? n.label.slice(0, 32) + "…" : n.label;
    var title = sel("title");
    title.textContent = n.label + " (" + n.class + ")";
    g.appendChild(c); g.appendChild(t); g.appendChild(title);
    nodeLayer.appendChild(g);
    nodeViews.set(n.id, { g: g, text: t });
    g.addEventListener("pointerdown", function (ev) { startDrag(ev, n); });
    g.addEventListener("click", function (ev) { ev.stopPropagation(); if (!dragMoved) showNode(n); });
  }
  function placeNode(n) {
    var v = nodeViews.get(n.id);
    v.g.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")");
    v.text.setAttribute("y", (radius(n) + 12).toFixed(1));
  }

  // ------------------------------------------------------------ pan, zoom, drag
  var view = { x: 0, y: 0, s: 1 };
  function applyView() {
    viewport.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.s + ")");
    // Labels keep a readable size on screen when the picture is zoomed out.
    var z = Math.max(view.s, 0.3);
    svg.style.setProperty("--node-label", (12 / Math.min(z, 1)).toFixed(1) + "px");
    svg.style.setProperty("--edge-label", (10 / Math.min(z, 1)).toFixed(1) + "px");
  }
  function fit() {
    var r = svg.getBoundingClientRect(), w = r.width || 800, h = r.height || 600;
    if (!nodes.length) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y); });
    // Spread the layout over the picture (not a zoom: nodes and labels keep their size).
    var pad = 90, s = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1), (h - 2 * pad) / Math.max(y1 - y0, 1), 2);
    var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    nodes.forEach(function (n) { n.x = w / 2 + (n.x - cx) * s; n.y = h / 2 + (n.y - cy) * s; });
    nodes.forEach(placeNode);
    edges.forEach(placeEdge);
    view.s = 1; view.x = 0; view.y = 0;
    applyView();
  }
  function toGraph(ev) { var r = svg.getBoundingClientRect(); return { x: (ev.clientX - r.left - view.x) / view.s, y: (ev.clientY - r.top - view.y) / view.s }; }
  var drag = null, dragMoved = false;
  function startDrag(ev, n) { ev.stopPropagation(); drag = { node: n, start: toGraph(ev), x: n.x, y: n.y }; dragMoved = false; }
  svg.addEventListener("pointerdown", function (ev) { drag = { pan: true, cx: ev.clientX, cy: ev.clientY, x: view.x, y: view.y }; dragMoved = false; });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    if (drag.pan) {
      if (Math.abs(ev.clientX - drag.cx) + Math.abs(ev.clientY - drag.cy) > 3) { dragMoved = true; svg.classList.add("panning"); }
      view.x = drag.x + ev.clientX - drag.cx; view.y = drag.y + ev.clientY - drag.cy; applyView();
    } else {
      var p = toGraph(ev);
      if (Math.abs(p.x - drag.start.x) + Math.abs(p.y - drag.start.y) > 2) dragMoved = true;
      if (!dragMoved) return;
      drag.node.x = drag.x + p.x - drag.start.x; drag.node.y = drag.y + p.y - drag.start.y;
      placeNode(drag.node);
      edges.forEach(function (e) { if (e.source === drag.node.id || e.target === drag.node.id) placeEdge(e); });
    }
  });
  window.addEventListener("pointerup", function () { drag = null; svg.classList.remove("panning"); });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = svg.getBoundingClientRect(), mx = ev.clientX - r.left, my = ev.clientY - r.top;
    var f = Math.exp(-ev.deltaY * 0.0015), s = Math.min(Math.max(view.s * f, 0.1), 8);
    view.x = mx - (mx - view.x) * s / view.s; view.y = my - (my - view.y) * s / view.s; view.s = s; applyView();
  }, { passive: false });
  svg.addEventListener("click", function () { if (!dragMoved) clearSelection(); });

  // ------------------------------------------------------------ side panel
  var panel = document.getElementById("panel");
  function clearSelection() {
    document.querySelectorAll(".selected").forEach(function (x) { x.classList.remove("selected"); });
  }
  function articleLine(id) {
    var title = data.titles[id];
    return title && title !== id ? id + ": " + title : id;
  }
  function showEdge(e) {
    clearSelection();
    edgeViews.get(e.id).g.classList.add("selected");
    var a = byId.get(e.source), b = byId.get(e.target);
    panel.replaceChildren();
    panel.appendChild(el("h2", null, a.label + " " + e.predicate + " " + b.label));
    var meta = "Stated by " + e.support + " article" + (e.support === 1 ? "" : "s");
    if (e.confidence !== null && e.confidence !== undefined) meta += "; highest confidence " + e.confidence;
    if (e.symmetric) meta += "; symmetric";
    panel.appendChild(el("p", { "class": "meta" }, meta));
    if (e.predicate === "mentions") {
      panel.appendChild(el("p", null, "The article " + articleLine(b.identifier || e.articles[0] || "") + " names " + (a.class === "Article" ? b.label : a.label) + "."));
      return;
    }
    panel.appendChild(el("h3", null, "Evidence"));
    var ol = el("ol", { id: "evidence" });
    e.evidence.forEach(function (ev) {
      var li = el("li", { "class": "evidence" });
      li.appendChild(el("div", { "class": "article" }, articleLine(ev.article)));
      li.appendChild(el("blockquote", { "class": "sentence" }, ev.sentence));
      li.appendChild(el("div", { "class": "meta" }, "characters " + ev.begin + "–" + ev.end + " · " + (ev.kind || "fact") + (ev.confidence ? " · confidence " + ev.confidence : "")));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }
  function showNode(n) {
    clearSelection();
    nodeViews.get(n.id).g.classList.add("selected");
    panel.replaceChildren();
    panel.appendChild(el("h2", null, n.label));
    var meta = n.class + (n.class === "Article" ? " " + n.identifier : "; named in " + n.articles + " article" + (n.articles === 1 ? "" : "s"));
    panel.appendChild(el("p", { "class": "meta" }, meta));
    if (n.aliases && n.aliases.length) panel.appendChild(el("p", { "class": "meta" }, "Also: " + n.aliases.join(", ")));
    panel.appendChild(el("p", { "class": "meta" }, n.id));
    var named = edges.filter(function (e) { return e.predicate === "mentions" && (e.source === n.id || e.target === n.id); });
    if (named.length) {
      panel.appendChild(el("h3", null, n.class === "Article" ? "Names" : "Named in"));
      var ul = el("ul", { id: "mentions" });
      named.forEach(function (e) {
        var other = byId.get(e.source === n.id ? e.target : e.source), li = el("li");
        var b = el("button", { "class": "link", type: "button" }, other.label);
        b.addEventListener("click", function () { showNode(other); });
        li.appendChild(b); ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var mine = edges.filter(function (e) { return (e.source === n.id || e.target === n.id) && e.predicate !== "mentions"; });
    panel.appendChild(el("h3", null, mine.length ? "Relations" : "No relations"));
    var ol = el("ol", { id: "relations" });
    mine.forEach(function (e) {
      var li = el("li");
      var b = el("button", { "class": "link", type: "button" }, byId.get(e.source).label + " " + e.predicate + " " + byId.get(e.target).label + " (" + e.support + ")");
      b.addEventListener("click", function () { showEdge(e); });
      li.appendChild(b);
      e.evidence.forEach(function (ev) {
        li.appendChild(el("div", { "class": "article" }, articleLine(ev.article)));
        li.appendChild(el("blockquote", { "class": "sentence" }, ev.sentence));
      });
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  // ------------------------------------------------------------ legend, filters, search
  var shown = new Set(data.predicates);
  var minSupport = document.getElementById("min-support");
  var status = document.getElementById("status");
  var classes = [];
  nodes.forEach(function (n) { if (classes.indexOf(n.class) < 0) classes.push(n.class); });
  classes.sort().forEach(function (c) {
    var li = el("li");
    var sw = el("span", { "class": "swatch" });
    sw.style.background = classColor(c);
    li.appendChild(sw);
    li.appendChild(el("span", null, c + " (" + nodes.filter(function (n) { return n.class === c; }).length + ")"));
    document.getElementById("legend-classes").appendChild(li);
  });
  data.predicates.forEach(function (p) {
    var li = el("li");
    var id = "pred-" + data.predicates.indexOf(p);
    var box = el("input", { type: "checkbox", id: id, "data-predicate": p });
    box.checked = true;
    box.addEventListener("change", function () { if (box.checked) shown.add(p); else shown.delete(p); applyFilters(); });
    var s = sel("svg", { "class": "line-swatch", width: 28, height: 10 });
    var l = sel("line", { x1: 0, y1: 5, x2: 28, y2: 5, stroke: predColor(p), "stroke-width": 3 });
    if (dashes[p]) l.setAttribute("stroke-dasharray", dashes[p]);
    s.appendChild(l);
    var lab = el("label", { "for": id }, p + " (" + edges.filter(function (e) { return e.predicate === p; }).length + ")");
    li.appendChild(box); li.appendChild(s); li.appendChild(lab);
    document.getElementById("legend-predicates").appendChild(li);
  });
  function applyFilters() {
    var min = parseInt(minSupport.value, 10) || 1, visible = 0;
    edges.forEach(function (e) {
      var v = edgeViews.get(e.id), on = shown.has(e.predicate) && e.support >= min;
      v.g.classList.toggle("hidden", !on); v.label.classList.toggle("hidden", !on);
      if (on) visible++;
    });
    status.textContent = nodes.length + " nodes, " + visible + " of " + edges.length + " edges shown";
  }
  minSupport.addEventListener("input", applyFilters);
  var search = document.getElementById("search");
  function matches(n, q) {
    return n.label.toLowerCase().indexOf(q) >= 0 || (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
  }
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    nodes.forEach(function (n) {
      var v = nodeViews.get(n.id), m = q !== "" && matches(n, q);
      v.g.classList.toggle("match", m); v.g.classList.toggle("dim", q !== "" && !m);
    });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var q = search.value.trim().toLowerCase(), n = q && nodes.find(function (x) { return matches(x, q); });
    if (!n) return;
    showNode(n);
    var r = svg.getBoundingClientRect();
    view.x = r.width / 2 - view.s * n.x; view.y = r.height / 2 - view.s * n.y; applyView();
  });

  layout();
  edges.forEach(drawEdge);
  nodes.forEach(drawNode);
  applyFilters();
  fit();
  window.addEventListener("resize", fit);
  document.body.setAttribute("data-ready", "true");
})();
