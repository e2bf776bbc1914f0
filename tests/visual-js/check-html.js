// Opens actorgraph's HTML view in Debian's chromium with playwright-core and
// checks it like a user would; prints the findings as JSON.
// Usage: node check-html.js FILE.html [--screenshot PNG] [--click-text TEXT]
//   --click-text TEXT: click the edge whose evidence contains TEXT (default:
//   the edge with the highest support) and report what the panel shows.
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
    await page.goto("file://" + file);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30000 });
    const data = await page.evaluate(() => JSON.parse(document.getElementById("graph-data").textContent));
    out.dataNodes = data.nodes.length;
    out.dataEdges = data.edges.length;
    // Nodes actually drawn: circles with a size inside the picture.
    out.drawnNodes = await page.evaluate(() =>
      Array.from(document.querySelectorAll("#nodes g.node circle")).filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      }).length);
    out.drawnEdges = await page.evaluate(() =>
      Array.from(document.querySelectorAll("#edges g.edge path.edge-line")).filter((p) => p.getTotalLength() > 0).length);
    out.status = await page.textContent("#status");

    // Click an edge (its label) and read the evidence in the side panel.
    const clickText = arg("--click-text");
    const edges = data.edges.filter((e) => e.predicate !== "mentions" && e.evidence.length > 0);
    let edge = clickText ? edges.find((e) => e.evidence.some((v) => v.sentence.includes(clickText)))
      : edges.slice().sort((a, b) => b.support - a.support || (a.id < b.id ? -1 : 1))[0];
    if (edge) {
      out.clicked = { id: edge.id, predicate: edge.predicate, sentences: edge.evidence.map((v) => v.sentence) };
      // Raise the label above its neighbours, then click it like a user.
      await page.$eval(`text.edge-label[data-id="${edge.id}"]`, (l) => l.parentNode.appendChild(l));
      await page.locator(`text.edge-label[data-id="${edge.id}"]`).click();
      out.panelTitle = await page.textContent("#panel h2");
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
      const maxSupport = Math.max(...data.edges.map((e) => e.support));
      await page.fill("#min-support", String(maxSupport));
      out.visibleAtMaxSupport = await visible();
      out.edgesAtMaxSupport = data.edges.filter((e) => e.support >= maxSupport).length;
      await page.fill("#min-support", "1");
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
      if (edge) await page.locator(`text.edge-label[data-id="${edge.id}"]`).click();
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
