import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type ScalarKind } from "../src/export/attributes.js";
import { storeSubgraph, writeExport } from "../src/export/index.js";
import type { KnowledgeGraph } from "../src/graph/build.js";
import { GraphFilterSchema } from "../src/model/filter.js";
import { writeStore } from "../src/store/store.js";
import { gephiRead, type GephiReading } from "../tools/gephi/gephi.js";
import { networkxRead, type NxReading } from "../tools/networkx/networkx.js";
import { A1, A2, fixtureData, type ClaimSpec } from "./export-fixture.js";
import { fixtureStore as flowsFixture } from "./load-fixtures.js";

/**
 * Every GraphML and GEXF export opened by Gephi (its toolkit, default import settings) and by
 * NetworkX must show the same graph: the same nodes and links, every link kept even where two
 * entities have several relations, the same attribute columns under the same names, with as many
 * values. Gephi used to merge parallel links silently (111 of the sample's 114).
 */
const ROOT = path.resolve(import.meta.dirname, "..");

/** The fixture plus China → Russia relations, so that both directions carry two relations each. */
const BOTH_WAYS: ClaimSpec[] = [
  {
    doc: A1,
    quote: "In 2023, Russia-China trade turnover set a historic record",
    subject: ["Country", "China"],
    predicate: "TRADES_WITH",
    object: ["Country", "Russia"],
    attributedTo: ["Chinese customs data"],
    time: "2023",
  },
  {
    // undated: a link without years
    doc: A2,
    quote: "at least five instances of aviation-related cooperation between Russia and China from 2024 to 2025",
    subject: ["Country", "China"],
    predicate: "COOPERATES_WITH",
    object: ["Country", "Russia"],
    attributedTo: ["Oleh Ivashchenko"],
  },
];

interface Case {
  name: string;
  graph: KnowledgeGraph;
  files: { graphml: string; gexf: string };
}

let dir: string;
const cases: Case[] = [];
const gephi = new Map<string, GephiReading>();
const networkx = new Map<string, NxReading>();
const russiaInEdges = new Map<string, NonNullable<NxReading["inEdges"]>>();

async function exportCase(name: string, store: string): Promise<Case> {
  const graph = await storeSubgraph(store, GraphFilterSchema.parse({}));
  const files = { graphml: path.join(dir, `${name}.graphml`), gexf: path.join(dir, `${name}.gexf`) };
  await writeExport(graph, "graphml", files.graphml);
  await writeExport(graph, "gexf", files.gexf);
  return { name, graph, files };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-interop-"));
  const fixtureStore = path.join(dir, "fixture-store");
  await writeStore(fixtureStore, fixtureData(BOTH_WAYS));
  const sampleStore = path.join(dir, "sample-store");
  const ingest = spawnSync(
    process.execPath,
    [path.join(ROOT, "bin/kg.js"), "ingest", path.join(ROOT, "examples/articles"), "--data", sampleStore],
    { encoding: "utf8", env: { ...process.env, KG_NLP_URL: inject("nlpUrl") } },
  );
  if (ingest.status !== 0) throw new Error(`kg ingest failed: ${ingest.stderr}`);
  cases.push(await exportCase("fixture", fixtureStore), await exportCase("sample", sampleStore));
  const files = cases.flatMap((c) => [c.files.graphml, c.files.gexf]);
  // parallel links without their Gephi edge type: what Gephi did to every export before
  const untyped = path.join(dir, "fixture-untyped.graphml");
  const typed = await fs.readFile(cases[0]!.files.graphml, "utf8");
  await fs.writeFile(untyped, typed.replace(/(<edge [^>]*?) label="[^"]*">/g, "$1>"));
  for (const r of gephiRead([...files, untyped], inject("gephiToolkitJar"))) gephi.set(r.file, r);
  for (const r of networkxRead(files, inject("networkxPython"))) networkx.set(r.file, r);
  // supply flows: a store whose claims name recipients and routes, exported whole and around Russia
  const flowsStore = path.join(dir, "flows-store");
  await writeStore(flowsStore, flowsFixture());
  const flows = await exportCase("flows", flowsStore);
  const focused = await storeSubgraph(flowsStore, GraphFilterSchema.parse({ focus: "Russia", hops: 2 }));
  const focusFiles = { graphml: path.join(dir, "flows-focus.graphml"), gexf: path.join(dir, "flows-focus.gexf") };
  await writeExport(focused, "graphml", focusFiles.graphml);
  await writeExport(focused, "gexf", focusFiles.gexf);
  const flowFiles = [flows.files.graphml, flows.files.gexf, focusFiles.graphml, focusFiles.gexf];
  for (const r of networkxRead(flowFiles, inject("networkxPython"), { inEdgesOf: "country:russia" })) {
    russiaInEdges.set(r.file, r.inEdges ?? []);
  }
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const JAVA_TYPE: Record<ScalarKind, string> = {
  string: "String",
  int: "Integer",
  double: "Double",
  boolean: "Boolean",
};
const PYTHON_TYPE: Record<ScalarKind, string> = { string: "str", int: "int", double: "float", boolean: "bool" };

/** The column as both tools should show it: lists are JSON text; missing values are absent. */
function expected<A>(column: Column<A>, elements: A[]) {
  const kind = column.list ? "string" : column.kind;
  return {
    name: column.name,
    values: elements.filter((a) => column.get(a) !== null && column.get(a) !== undefined).length,
    java: JAVA_TYPE[kind],
    python: PYTHON_TYPE[kind],
  };
}

function predicateCounts(graph: KnowledgeGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  graph.forEachEdge((_e, a) => (counts[a.predicate] = (counts[a.predicate] ?? 0) + 1));
  return counts;
}

describe.each(["fixture", "sample"])("the %s graph", (name) => {
  const theCase = () => cases.find((c) => c.name === name)!;

  it("has parallel links to keep: two relations between the same entities", () => {
    const { graph } = theCase();
    const pairs = new Set(graph.mapEdges((_e, _a, s, t) => `${s} ${t}`));
    expect(pairs.size).toBeLessThan(graph.size);
    if (name === "fixture") {
      // both directions between China and Russia, two relations each, and China's supply flow to Russia
      expect(graph.outEdges("country:china", "country:russia")).toHaveLength(3);
      expect(graph.outEdges("country:russia", "country:china")).toHaveLength(2);
    }
  });

  describe.each(["graphml", "gexf"] as const)("%s", (format) => {
    const read = () => {
      const c = theCase();
      const file = c.files[format];
      return { graph: c.graph, g: gephi.get(file)!, n: networkx.get(file)! };
    };

    it("opens in Gephi and NetworkX with every entity and every link", () => {
      const { graph, g, n } = read();
      expect({ nodes: g.nodes, edges: g.edges }).toEqual({ nodes: graph.order, edges: graph.size });
      expect({ nodes: n.nodes, edges: n.edges }).toEqual({ nodes: graph.order, edges: graph.size });
      expect(n.graph).toBe("MultiDiGraph");
      expect(g.issues).toEqual([]);
    });

    it("gives Gephi the predicate as edge type, which keeps parallel links apart", () => {
      const { graph, g } = read();
      expect(g.edgeTypes).toEqual(predicateCounts(graph));
    });

    it("has the same node columns, names, types and value counts in both", () => {
      const { graph, g, n } = read();
      const nodes = graph.mapNodes((_n, a) => a);
      const want = NODE_COLUMNS.map((c) => expected(c, nodes));
      // Gephi keeps column ids case-insensitively (lower case) and shows the title
      expect(g.nodeColumns.map((c) => ({ name: c.title, id: c.id, values: c.values, java: c.type }))).toEqual(
        want.map((w) => ({ name: w.name, id: w.name.toLowerCase(), values: w.values, java: w.java })),
      );
      // NetworkX has the label as an attribute; Gephi as the node's label
      const nx = new Map(n.nodeAttributes.map((a) => [a.name, a]));
      expect([...nx.keys()].sort()).toEqual([...want.map((w) => w.name), "label"].sort());
      for (const w of want) {
        const a = nx.get(w.name);
        expect({ values: a?.values, types: a?.types }, w.name).toEqual({ values: w.values, types: [w.python] });
      }
      expect(nx.get("label")!.values).toBe(graph.order);
      expect(g.nodeLabels).toBe(graph.order);
    });

    it("has the same edge columns, names, types and value counts in both", () => {
      const { graph, g, n } = read();
      const edges = graph.mapEdges((_e, a) => a);
      const want = EDGE_COLUMNS.map((c) => expected(c, edges));
      expect(g.edgeColumns.map((c) => ({ name: c.title, id: c.id, values: c.values, java: c.type }))).toEqual(
        want.map((w) => ({ name: w.name, id: w.name.toLowerCase(), values: w.values, java: w.java })),
      );
      // years are missing on undated links: both readers must see the same gaps
      expect(want.find((w) => w.name === "firstYear")!.values).toBeLessThan(graph.size);
      const nx = new Map(n.edgeAttributes.map((a) => [a.name, a]));
      // NetworkX adds the GEXF edge id and weight (= claims) as attributes; Gephi keeps them as properties.
      // It knows an attribute from its values: a column no link has a value for (the sample's
      // articles have no dates, so no report years) is declared, and Gephi shows it empty.
      const extra = format === "gexf" ? ["label", "id", "weight"] : ["label"];
      const valued = want.filter((w) => w.values > 0);
      expect([...nx.keys()].sort()).toEqual([...valued.map((w) => w.name), ...extra].sort());
      for (const w of valued) {
        const a = nx.get(w.name);
        expect({ values: a?.values, types: a?.types }, w.name).toEqual({ values: w.values, types: [w.python] });
      }
      expect(g.edgeLabels).toBe(graph.size);
    });
  });
});

it("Gephi merges parallel links that have no edge type: the reason every export gives one", () => {
  const fixture = cases.find((c) => c.name === "fixture")!;
  const untyped = gephi.get(path.join(dir, "fixture-untyped.graphml"))!;
  const pairs = new Set(fixture.graph.mapEdges((_e, _a, s, t) => `${s} ${t}`));
  expect(untyped.edges).toBe(pairs.size);
  expect(untyped.edges).toBeLessThan(fixture.graph.size);
  expect(untyped.edgeTypes).toEqual({ "": pairs.size });
});

describe("supply flows, read by NetworkX", () => {
  const suppliersOfRussia = [
    "country:china",
    "country:iran",
    "country:north-korea",
    "organization:texas-instruments",
    "place:hong-kong",
  ];

  it.each(["flows.graphml", "flows.gexf", "flows-focus.graphml", "flows-focus.gexf"])(
    "%s: g.in_edges('country:russia') lists every supplier of Russia, and the route legs into it",
    (name) => {
      const edges = russiaInEdges.get(path.join(dir, name))!;
      const suppliers = edges.filter((e) => e.predicate === "SUPPLIES_TO").map((e) => e.source);
      expect([...suppliers].sort()).toEqual(suppliersOfRussia);
      const legs = edges.filter((e) => e.predicate === "ROUTES_TO").map((e) => e.source);
      expect([...legs].sort()).toEqual(["country:united-arab-emirates", "place:hong-kong"]);
    },
  );
});
