// actorgraph's HTML view: the network drawn in SVG at the positions
// actorgraph computed, with a timeline that filters it by week.
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
  // Bounded: the logarithm of the number of articles, as the exports' sizes.
  function radius(n) { return Math.min(data.max_node_size, 8 + 4 * Math.log2(1 + (n.articles || 0))) / 2; }
  function classColor(c) { return data.class_colors[c] || data.class_colors.Actor; }
  function predColor(p) { return data.predicate_colors[p] || "#9c755f"; }
  function width(e) { return 1 + 1.5 * Math.sqrt(e.support); }

  // ------------------------------------------------------------ layout
  // The positions come with the data (ForceAtlas2, computed by actorgraph),
  // the same as in the GEXF and GraphML exports; fit() only scales them to
  // the window.
  var maxDegree = 0;
  nodes.forEach(function (n) { maxDegree = Math.max(maxDegree, n.degree || 0); });
  // Label priority: the most connected actors first, then the most named.
  var byPriority = nodes.slice().sort(function (a, b) {
    return (b.degree || 0) - (a.degree || 0) || b.articles - a.articles || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  });

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
    g.addEventListener("click", select);
    // The relation's label shows only for the hovered or selected edge.
    g.addEventListener("pointerenter", function () { label.classList.add("on"); });
    g.addEventListener("pointerleave", function () { if (!g.classList.contains("selected")) label.classList.remove("on"); });
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
    scheduleLabels();
  }

  // ------------------------------------------------------------ node labels
  // Greedy: in priority order, a label is shown if its box on the screen
  // overlaps no label already shown; the others show on hover, or once
  // zooming in makes room. Boxes are measured as drawn (visibility keeps
  // their geometry), on a grid of screen cells so that it stays linear.
  var labelsPending = false;
  function scheduleLabels() {
    if (labelsPending) return;
    labelsPending = true;
    window.requestAnimationFrame(function () { labelsPending = false; placeLabels(); });
  }
  function placeLabels() {
    var cell = 120, grid = new Map(), pad = 2;
    var r = svg.getBoundingClientRect();
    byPriority.forEach(function (n) {
      var v = nodeViews.get(n.id);
      if (!v) return;
      if (v.g.classList.contains("hidden")) { v.text.classList.add("off"); return; }
      var b = v.text.getBoundingClientRect();
      var box = { x0: b.left - pad, y0: b.top - pad, x1: b.right + pad, y1: b.bottom + pad };
      // Off screen: no room taken, and nothing to read.
      var onScreen = b.width > 0 && box.x1 > r.left && box.x0 < r.right && box.y1 > r.top && box.y0 < r.bottom;
      var free = onScreen, keys = [];
      for (var gx = Math.floor(box.x0 / cell); free && gx <= Math.floor(box.x1 / cell); gx++) {
        for (var gy = Math.floor(box.y0 / cell); gy <= Math.floor(box.y1 / cell); gy++) {
          var k = gx + " " + gy, list = grid.get(k);
          keys.push(k);
          if (list && list.some(function (o) { return o.x0 < box.x1 && box.x0 < o.x1 && o.y0 < box.y1 && box.y0 < o.y1; })) { free = false; break; }
        }
      }
      v.text.classList.toggle("off", !free);
      if (free) keys.forEach(function (k) { if (!grid.has(k)) grid.set(k, []); grid.get(k).push(box); });
    });
  }
  function fit() {
    var r = svg.getBoundingClientRect(), w = r.width || 800, h = r.height || 600;
    if (!nodes.length) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (n) { x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y); });
    // Spread the layout over the picture (not a zoom: nodes and labels keep
    // their size), whatever the units of the positions.
    var pad = 60, s = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1e-9), (h - 2 * pad) / Math.max(y1 - y0, 1e-9));
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
    document.querySelectorAll(".edge-label.on").forEach(function (x) { x.classList.remove("on"); });
  }
  function articleLine(id) {
    var title = data.titles[id];
    return title && title !== id ? id + ": " + title : id;
  }
  function showEdge(e) {
    clearSelection();
    edgeViews.get(e.id).g.classList.add("selected");
    edgeViews.get(e.id).label.classList.add("on");
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
    moreEvidence(e);
  }
  // The page holds a few sentences per edge; the command lists them all.
  function moreEvidence(e) {
    var more = (e.evidence_total || 0) - e.evidence.length;
    if (more <= 0) return;
    panel.appendChild(el("p", { "class": "meta more" }, more + " more sentence" + (more === 1 ? "" : "s") + " state this (" + e.evidence_total + " in all). To list them all:"));
    var iri = function (id) { return id.replace(/[<>"{}|^`\\\s]/g, encodeURIComponent); };
    var cmd = data.evidence_command.split("{S}").join(iri(e.source)).split("{P}").join(iri(data.predicate_iris[e.predicate] || e.predicate)).split("{O}").join(iri(e.target));
    panel.appendChild(el("pre", { "class": "command" }, cmd));
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
      if (e.evidence_total > e.evidence.length) li.appendChild(el("div", { "class": "meta" }, "and " + (e.evidence_total - e.evidence.length) + " more (click the relation)"));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  // ------------------------------------------------------------ legend, filters, search
  // Memberships join every member to its organization: off at first.
  var OFF_AT_FIRST = ["memberOf"];
  var shown = new Set(data.predicates.filter(function (p) { return OFF_AT_FIRST.indexOf(p) < 0; }));
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
    box.checked = shown.has(p);
    box.addEventListener("change", function () { if (box.checked) shown.add(p); else shown.delete(p); applyFilters(); });
    var s = sel("svg", { "class": "line-swatch", width: 28, height: 10 });
    var l = sel("line", { x1: 0, y1: 5, x2: 28, y2: 5, stroke: predColor(p), "stroke-width": 3 });
    if (dashes[p]) l.setAttribute("stroke-dasharray", dashes[p]);
    s.appendChild(l);
    var lab = el("label", { "for": id }, p + " (" + edges.filter(function (e) { return e.predicate === p; }).length + ")");
    li.appendChild(box); li.appendChild(s); li.appendChild(lab);
    document.getElementById("legend-predicates").appendChild(li);
  });
  // Support within the selected weeks (all of it when the whole range is
  // selected, undated articles included).
  function inRange(item) {
    if (timeline.whole) return item.support !== undefined ? item.support : 1;
    var n = 0;
    (item.weeks || []).forEach(function (w) { if (w[0] >= timeline.from && w[0] <= timeline.to) n += w[1]; });
    return n;
  }
  function applyFilters() {
    var min = parseInt(minSupport.value, 10) || 1, visible = 0, linked = new Set();
    edges.forEach(function (e) {
      var v = edgeViews.get(e.id), n = inRange(e), on = shown.has(e.predicate) && n > 0 && n >= min;
      v.g.classList.toggle("hidden", !on); v.label.classList.toggle("hidden", !on);
      if (on) { visible++; linked.add(e.source); linked.add(e.target); }
    });
    var shownNodes = 0;
    nodes.forEach(function (n) {
      var on = timeline.whole || linked.has(n.id) || inRange(n) > 0;
      nodeViews.get(n.id).g.classList.toggle("hidden", !on);
      if (on) shownNodes++;
    });
    status.textContent = (shownNodes === nodes.length ? nodes.length + " nodes, " : shownNodes + " of " + nodes.length + " nodes, ") + visible + " of " + edges.length + " edges shown";
    scheduleLabels();
  }

  // ------------------------------------------------------------ timeline
  // Facts per week (an edge's supporting articles, by dcterms:issued); the
  // two sliders pick a range of weeks, and the graph keeps the facts
  // reported in it. Undated facts are counted apart, and shown only with
  // the whole range.
  var DAY = 86400000;
  function weekDate(w) { return new Date((w * 7 + 4) * DAY).toISOString().slice(0, 10); }
  var perWeek = new Map(), undatedFacts = 0;
  edges.forEach(function (e) {
    (e.weeks || []).forEach(function (w) { perWeek.set(w[0], (perWeek.get(w[0]) || 0) + w[1]); });
    undatedFacts += e.undated || 0;
  });
  var weekList = Array.from(perWeek.keys()).sort(function (a, b) { return a - b; });
  var firstWeek = weekList.length ? weekList[0] : 0, lastWeek = weekList.length ? weekList[weekList.length - 1] : 0;
  var timeline = { from: firstWeek, to: lastWeek, whole: true };
  var fromInput = document.getElementById("time-from"), toInput = document.getElementById("time-to");
  var timeStatus = document.getElementById("time-status"), bars = document.getElementById("timeline-bars");
  fromInput.max = toInput.max = String(lastWeek - firstWeek);
  fromInput.value = "0"; toInput.value = String(lastWeek - firstWeek);
  if (!weekList.length) { fromInput.disabled = toInput.disabled = true; }
  function drawTimeline() {
    bars.replaceChildren();
    var r = bars.getBoundingClientRect(), w = r.width || 600, h = r.height || 48;
    var span = lastWeek - firstWeek + 1, most = 0;
    perWeek.forEach(function (n) { most = Math.max(most, n); });
    perWeek.forEach(function (n, wk) {
      var x = (wk - firstWeek) / span * w, bh = Math.max(1, n / most * (h - 2));
      var rect = sel("rect", { x: x.toFixed(1), y: (h - bh).toFixed(1), width: Math.max(1, w / span - 1).toFixed(1), height: bh.toFixed(1), "data-week": wk });
      rect.classList.toggle("in", wk >= timeline.from && wk <= timeline.to);
      var t = sel("title"); t.textContent = "week of " + weekDate(wk) + ": " + n + " fact" + (n === 1 ? "" : "s");
      rect.appendChild(t); bars.appendChild(rect);
    });
  }
  function applyTime() {
    var a = parseInt(fromInput.value, 10), b = parseInt(toInput.value, 10);
    if (a > b) { if (this === fromInput) { toInput.value = String(a); b = a; } else { fromInput.value = String(b); a = b; } }
    timeline.from = firstWeek + a; timeline.to = firstWeek + b;
    timeline.whole = timeline.from === firstWeek && timeline.to === lastWeek;
    var facts = 0;
    perWeek.forEach(function (n, wk) { if (wk >= timeline.from && wk <= timeline.to) facts += n; });
    if (!weekList.length) timeStatus.textContent = "No dated articles; " + undatedFacts + " undated fact" + (undatedFacts === 1 ? "" : "s") + ".";
    else timeStatus.textContent = "weeks of " + weekDate(timeline.from) + " to " + weekDate(timeline.to) + ": " + facts + " dated fact" + (facts === 1 ? "" : "s") +
      (undatedFacts ? "; " + undatedFacts + " undated (" + (timeline.whole ? "shown" : "hidden") + ")" : "");
    drawTimeline();
    applyFilters();
  }
  fromInput.addEventListener("input", applyTime);
  toInput.addEventListener("input", applyTime);
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

  // fit() rescales from the positions in the data, every time.
  var home = nodes.map(function (n) { return [n.x, n.y]; });
  function refit() { nodes.forEach(function (n, i) { n.x = home[i][0]; n.y = home[i][1]; }); fit(); }
  edges.forEach(drawEdge);
  nodes.forEach(drawNode);
  refit();
  applyTime();
  placeLabels();
  window.addEventListener("resize", function () { refit(); drawTimeline(); });
  document.body.setAttribute("data-ready", "true");
})();
