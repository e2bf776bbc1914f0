// Loads a Cytoscape JSON export into cytoscape.js (headless) and prints what
// it holds as JSON: node and edge counts, and any warning cytoscape gave.
// Usage: node check-cytoscape.js FILE.cyjs
"use strict";
const fs = require("fs");
const cytoscape = require("cytoscape");

const warnings = [];
for (const level of ["warn", "error"]) {
  console[level] = (...args) => warnings.push(args.map(String).join(" "));
}
const doc = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({ headless: true, elements: doc.elements });
const predicates = {};
cy.edges().forEach((e) => {
  const p = e.data("predicate");
  predicates[p] = (predicates[p] || 0) + 1;
});
const dangling = cy.edges().filter((e) => e.source().empty() || e.target().empty()).length;
process.stdout.write(
  JSON.stringify({
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    predicates,
    dangling,
    warnings,
    maxDegree: cy.nodes().maxDegree(false),
  }) + "\n",
);
