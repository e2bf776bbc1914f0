// Opens actorgraph's HTML view in Debian's chromium with playwright-core and
// checks it like a user would; prints the findings as JSON.
// Usage: node check-html.js FILE.html [--screenshot PNG] [--click-text TEXT]
//   --click-text TEXT: click the edge whose evidence contains TEXT (default:
//   the edge with the highest support) and report what the panel shows.
// Also reports: the page's load time, overlapping label boxes at the
// default view, nodes drawn inside the picture, and what the timeline's
// first week keeps.
"use strict";
const path = require("path");
const fs = require("fs");
const os = require("os");
const { chromium } = require("playwright-core");

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

(async () => {
  const file = path.resolve(process.argv[2]);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "actorgraph-chromium-"));
  // A fresh, empty profile (--user-data-dir) on every run.
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const out = { errors: [], dialogs: [], requests: [], console: [] };
  try {
    const page = browser.pages()[0] || (await browser.newPage());
    page.on("pageerror", (e) => out.errors.push(String(e)));
    page.on("dialog", (d) => { out.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") out.console.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) out.requests.push(r.url()); });
    const started = Date.now();
    await page.goto("file://" + file);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60000 });
    out.loadMs = Date.now() - started;
    // Let the label placement (one animation frame) settle.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const data = await page.evaluate(() => JSON.parse(document.getElementById("graph-data").textContent));
    out.dataNodes = data.nodes.length;
    out.dataEdges = data.edges.length;
    // Nodes actually drawn: circles with a size, inside the picture.
    out.drawnNodes = await page.evaluate(() => {
      const frame = document.getElementById("graph").getBoundingClientRect();
      return Array.from(document.querySelectorAll("#nodes g.node circle")).filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom;
      }).length;
    });
    // Every visible <text> of the graph (node and relation labels), as the
    // browser draws it, and the pairs whose boxes overlap.
    const labels = () => page.evaluate(() => {
      const boxes = Array.from(document.querySelectorAll("#graph text")).filter((t) => {
        const s = getComputedStyle(t);
        const r = t.getBoundingClientRect();
        return s.visibility === "visible" && s.display !== "none" && t.textContent !== "" && r.width > 0 && r.height > 0 &&
          t.closest(".hidden") === null;
      }).map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom }; });
      const overlaps = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) overlaps.push([a.text, b.text]);
        }
      }
      return { shown: boxes.map((b) => b.text), overlaps };
    });
    const atStart = await labels();
    out.labelsShown = atStart.shown.length;
    out.labelOverlaps = atStart.overlaps;
    // The most connected actor's label is among those shown.
    const top = data.nodes.filter((n) => n.class !== "Article").sort((a, b) => b.degree - a.degree || b.articles - a.articles)[0];
    out.topActor = top ? top.label : null;
    out.topActorLabelShown = top ? atStart.shown.includes(top.label) : null;
    out.drawnEdges = await page.evaluate(() =>
      Array.from(document.querySelectorAll("#edges g.edge path.edge-line")).filter((p) => p.getTotalLength() > 0).length);
    out.status = await page.textContent("#status");

    // Click an edge (its label) and read the evidence in the side panel.
    const clickText = arg("--click-text");
    // (Memberships are off at first: not clickable until their box is checked.)
    const edges = data.edges.filter((e) => e.predicate !== "mentions" && e.predicate !== "memberOf" && e.evidence.length > 0);
    // Click an edge's line like a user: at a point of the curve where the
    // edge itself is on top (not a node or another edge).
    const clickPoint = (id) => page.evaluate((id) => {
        const g = document.querySelector(`#edges g.edge[data-id="${id}"]`);
        const path = g.querySelector("path.edge-hit"), len = path.getTotalLength(), m = path.getScreenCTM();
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
          const p = path.getPointAtLength(len * t), x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.closest("g.edge") === g) return { x, y };
        }
        return null;
      }, id);
    // The edge with TEXT, or else the most supported one that can be
    // clicked (on a large store, the busiest lines lie under others).
    let edge = null;
    const candidates = clickText ? edges.filter((e) => e.evidence.some((v) => v.sentence.includes(clickText))).slice(0, 1)
      : edges.slice().sort((a, b) => b.support - a.support || (a.id < b.id ? -1 : 1)).slice(0, 50);
    // Hovering shows labels that may cover the point: the point must still
    // be the edge's once the pointer is over it.
    const stillOnTop = (id, pt) => page.evaluate(({ id, pt }) => {
        const hit = document.elementFromPoint(pt.x, pt.y);
        return !!hit && hit.closest("g.edge") === document.querySelector(`#edges g.edge[data-id="${id}"]`);
      }, { id, pt });
    for (const e of candidates) {
      out.clickPoint = await clickPoint(e.id);
      edge = e;
      if (out.clickPoint) {
        await page.mouse.move(out.clickPoint.x, out.clickPoint.y);
        if (await stillOnTop(e.id, out.clickPoint)) break;
        out.clickPoint = null;
      }
    }
    if (edge) {
      out.clicked = { id: edge.id, predicate: edge.predicate, support: edge.support, sentences: edge.evidence.map((v) => v.sentence) };
      if (out.clickPoint) await page.mouse.click(out.clickPoint.x, out.clickPoint.y);
      out.selectedLabelShown = await page.locator(`text.edge-label[data-id="${edge.id}"]`).isVisible();
      out.panelTitle = await page.textContent("#panel h2", { timeout: 5000 });
      out.panelMore = await page.$$eval("#panel pre.command", (ps) => ps.map((p) => p.textContent));
      out.panelSentences = await page.$$eval("#panel blockquote.sentence", (qs) => qs.map((q) => q.textContent));
      out.panelArticles = await page.$$eval("#panel .article", (qs) => qs.map((q) => q.textContent));

      // The predicate filter hides that edge and every edge of its predicate.
      const visible = () => page.$$eval("#edges g.edge", (gs) => gs.filter((g) => g.getBoundingClientRect().width > 0 || g.getBoundingClientRect().height > 0).length);
      out.visibleBefore = await visible();
      await page.locator(`input[data-predicate="${edge.predicate}"]`).uncheck();
      out.visibleAfterPredicateFilter = await visible();
      out.clickedHiddenByPredicate = await page.locator(`#edges g.edge[data-id="${edge.id}"]`).isHidden();
      out.samePredicateEdges = data.edges.filter((e) => e.predicate === edge.predicate).length;
      await page.locator(`input[data-predicate="${edge.predicate}"]`).check();
      out.visibleAfterRecheck = await visible();
      // Membership edges are off at first; their box turns them on.
      out.memberOfEdges = data.edges.filter((e) => e.predicate === "memberOf").length;
      if (out.memberOfEdges) {
        out.memberOfCheckedAtFirst = await page.locator('input[data-predicate="memberOf"]').isChecked();
        await page.locator('input[data-predicate="memberOf"]').check();
        out.visibleWithMemberships = await visible();
        await page.locator('input[data-predicate="memberOf"]').uncheck();
      }
      const maxSupport = Math.max(...data.edges.filter((e) => e.predicate !== "memberOf").map((e) => e.support));
      await page.fill("#min-support", String(maxSupport));
      out.visibleAtMaxSupport = await visible();
      out.edgesAtMaxSupport = data.edges.filter((e) => e.support >= maxSupport && e.predicate !== "memberOf").length;
      await page.fill("#min-support", "1");
    }

    // The timeline: keep only the first week with facts.
    const weeks = [...new Set(data.edges.flatMap((e) => e.weeks.map((w) => w[0])))].sort((a, b) => a - b);
    out.weeks = weeks.length;
    if (weeks.length > 1) {
      await page.evaluate(() => {
        const to = document.getElementById("time-to");
        to.value = "0";
        to.dispatchEvent(new Event("input"));
      });
      const first = weeks[0];
      out.timeVisible = await page.$$eval("#edges g.edge", (gs) => gs.filter((g) => !g.classList.contains("hidden")).map((g) => g.getAttribute("data-id")).sort());
      out.timeExpected = data.edges.filter((e) => e.predicate !== "memberOf" && e.weeks.some((w) => w[0] === first)).map((e) => e.id).sort();
      out.timeStatus = await page.textContent("#time-status");
      out.timeBarsIn = await page.$$eval("#timeline-bars rect.in", (rs) => rs.map((r) => Number(r.getAttribute("data-week"))));
      out.timeFirstWeek = first;
      await page.evaluate((n) => {
        const to = document.getElementById("time-to");
        to.value = String(n);
        to.dispatchEvent(new Event("input"));
      }, weeks[weeks.length - 1] - first);
    }

    // Search for an actor.
    const actor = data.nodes.find((n) => n.class !== "Article");
    if (actor) {
      await page.fill("#search", actor.label);
      out.searchFor = actor.label;
      out.searchMatches = await page.$$eval("#nodes g.node.match", (gs) => gs.map((g) => g.getAttribute("data-id")));
      await page.press("#search", "Enter");
      out.searchPanelTitle = await page.textContent("#panel h2");
      await page.fill("#search", "");
    }

    // Nothing from the data may have become markup or run.
    out.pwned = await page.evaluate(() => Boolean(window.__pwned || window.__pwned2 || document.title.includes("pwned")));
    out.imgElements = await page.evaluate(() => document.querySelectorAll("img").length);
    out.scriptElements = await page.evaluate(() => document.querySelectorAll("script").length);

    const shot = arg("--screenshot");
    if (shot) {
      // A fresh page, with the clicked edge's evidence in the side panel.
      await page.reload();
      await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
      if (edge && out.clickPoint) await page.mouse.click(out.clickPoint.x, out.clickPoint.y);
      await page.screenshot({ path: shot });
    }
  } catch (e) {
    out.errors.push("check-html: " + (e && e.stack ? e.stack : String(e)));
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(out) + "\n");
})();
