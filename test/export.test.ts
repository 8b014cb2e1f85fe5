import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import neo4j from "neo4j-driver";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { cypherString } from "../src/export/cypher.js";
import {
  exportLosses,
  renderCitations,
  renderExport,
  storeSubgraph,
  writeExport,
  type ExportFormat,
} from "../src/export/index.js";
import { graphmlKeyIds } from "../src/export/graphml.js";
import { parseQueryParams } from "../src/export/params.js";
import type { KnowledgeGraph } from "../src/graph/build.js";
import { GraphFilterSchema, type GraphFilter } from "../src/model/filter.js";
import { createVocabulary } from "../src/model/vocabulary.js";
import { writeStore, type StoreData } from "../src/store/store.js";
import { fixtureData, HOSTILE } from "./export-fixture.js";
import { assertWellFormedXml, csvObjects, parseCsv, readCypherString } from "./export-helpers.js";

let dir: string;
let data: StoreData;
let graph: KnowledgeGraph;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-export-"));
  data = fixtureData();
  await writeStore(path.join(dir, "store"), data);
  graph = await storeSubgraph(path.join(dir, "store"), GraphFilterSchema.parse({}));
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const filter = (f: Record<string, unknown>): GraphFilter => GraphFilterSchema.parse(f);

const INJECTION_ID = "organization:x-detach-delete-n";
const MARKUP_ID = "item:script-and";
const ODD_ID = "organization:back-tick-brace-bell-31m-emoji";
/** HOSTILE.odd without the three characters XML 1.0 cannot hold (BEL, NUL, ESC) */
const ODD_IN_XML = "`Back`tick {brace} \\ bell [31m 🚀 émoji";

const LIST_EDGE_KEYS = ["claimIds", "sources", "articles", "recipients", "via"] as const;
const SCALAR_EDGE_KEYS = [
  "predicate",
  "claims",
  "sourceCount",
  "negatedClaims",
  "negated",
  "contested",
  "confidence",
] as const;

/** Same nodes and links with the same attributes, read back from an XML format (lists as JSON text). */
function expectXmlRoundTrip(parsed: MultiDirectedGraph): void {
  expect(parsed.order).toBe(graph.order);
  expect(parsed.size).toBe(graph.size);
  graph.forEachNode((node, a) => {
    expect(parsed.hasNode(node)).toBe(true);
    const p = parsed.getNodeAttributes(node);
    expect(p.type).toBe(a.type);
    expect(JSON.parse(p.aliases as string)).toEqual(a.aliases);
    expect(p.claims).toBe(a.claims);
    expect(p.label).toBe(p.name);
  });
  graph.forEachEdge((edge, a, source, target) => {
    expect(parsed.hasEdge(edge)).toBe(true);
    expect(parsed.source(edge)).toBe(source);
    expect(parsed.target(edge)).toBe(target);
    const p = parsed.getEdgeAttributes(edge);
    for (const k of SCALAR_EDGE_KEYS) expect(p[k], `${edge} ${k}`).toBe(a[k]);
    for (const k of LIST_EDGE_KEYS) expect(JSON.parse(p[k] as string), `${edge} ${k}`).toEqual(a[k]);
    expect(p.firstYear).toBe(a.firstYear ?? undefined);
    expect(p.lastYear).toBe(a.lastYear ?? undefined);
  });
  // the hostile names, as XML can carry them
  expect(parsed.getNodeAttribute(INJECTION_ID, "name")).toBe(HOSTILE.injection);
  expect(parsed.getNodeAttribute(MARKUP_ID, "name")).toBe(HOSTILE.markup);
  expect(parsed.getNodeAttribute(ODD_ID, "name")).toBe(ODD_IN_XML);
  expect(JSON.parse(parsed.getNodeAttribute(INJECTION_ID, "aliases") as string)).toEqual([
    HOSTILE.markup,
    HOSTILE.alias,
  ]);
  // lists are JSON, which keeps even the control characters
  const hostileLink = parsed.findEdge((_e, _a, s) => s === INJECTION_ID)!;
  expect(JSON.parse(parsed.getEdgeAttribute(hostileLink, "recipients") as string)).toEqual([HOSTILE.odd]);
}

describe("the fixture graph", () => {
  it("has the entities and links the claims describe", () => {
    expect(graph.order).toBe(11);
    expect(graph.size).toBe(9);
    expect(graph.getNodeAttribute(ODD_ID, "name")).toBe(HOSTILE.odd);
  });
});

describe("GraphML", () => {
  it("parses back (graphology-graphml) with the same nodes, edges and attributes", () => {
    const [file] = renderExport(graph, "graphml");
    expect(file!.name).toBe("graph.graphml");
    assertWellFormedXml(file!.content);
    const parsed = parseGraphml(MultiDirectedGraph, file!.content) as MultiDirectedGraph;
    expect(parsed.type).toBe("directed");
    expectXmlRoundTrip(parsed);
  });

  it("declares typed keys and a directed graph, and contains no character XML 1.0 forbids", () => {
    const xml = renderExport(graph, "graphml")[0]!.content;
    expect(xml).toContain('<graph id="kg" edgedefault="directed">');
    expect(xml).toContain('<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>');
    expect(xml).toContain('<key id="claims" for="node" attr.name="claims" attr.type="int"/>');
    // the edge key of a name a node key has: another GraphML id, the same Gephi column id
    expect(xml).toContain('<key id="Claims" for="edge" attr.name="claims" attr.type="int"/>');
    expect(xml).toContain('<key id="negated" for="edge" attr.name="negated" attr.type="boolean"/>');
    // Gephi's edge type: what keeps two links between the same entities apart there
    expect(xml).toMatch(/<edge id="[^"]+" source="country:russia" target="country:china" label="TRADES_WITH">/);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).not.toContain("<script>");
  });

  it("removes lone surrogates and other forbidden characters but keeps emoji", () => {
    const g = graph.copy() as KnowledgeGraph;
    g.mergeNodeAttributes("country:china", { name: "Chi\uD800na\uFFFE 🚀\u000B" });
    for (const format of ["graphml", "gexf"] as const) {
      const xml = renderExport(g, format)[0]!.content;
      assertWellFormedXml(xml);
      const parse = format === "graphml" ? parseGraphml : parseGexf;
      const parsed = parse(MultiDirectedGraph, xml) as MultiDirectedGraph;
      expect(parsed.getNodeAttribute("country:china", "name")).toBe("China 🚀");
    }
  });
});

describe("GEXF", () => {
  it("parses back (graphology-gexf) with the same nodes, edges, attributes; weight = claims", () => {
    const [file] = renderExport(graph, "gexf");
    assertWellFormedXml(file!.content);
    const parsed = parseGexf(MultiDirectedGraph, file!.content) as MultiDirectedGraph;
    expectXmlRoundTrip(parsed);
    graph.forEachEdge((edge, a) => expect(parsed.getEdgeAttribute(edge, "weight")).toBe(a.claims));
  });

  it("is GEXF 1.3 with the predicate as every edge's kind (Gephi's edge type)", () => {
    const xml = renderExport(graph, "gexf")[0]!.content;
    expect(xml).toContain('<gexf version="1.3" xmlns="http://gexf.net/1.3"');
    const parsed = parseGexf(MultiDirectedGraph, xml) as MultiDirectedGraph;
    graph.forEachEdge((edge, a) => expect(parsed.getEdgeAttribute(edge, "kind")).toBe(a.predicate));
  });

  it("declares confidence as double even when every value is whole", () => {
    const g = graph.copy() as KnowledgeGraph;
    g.forEachEdge((e) => g.setEdgeAttribute(e, "confidence", 1));
    const xml = renderExport(g, "gexf")[0]!.content;
    expect(xml).toContain('<attribute id="confidence" title="confidence" type="double"/>');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

describe("GraphML key ids", () => {
  it("are the attribute names, an edge name a node key has capitalised, and never repeat", () => {
    const ids = graphmlKeyIds(["label", "claims"], ["label", "predicate", "claims"]);
    expect([...ids.node.values()]).toEqual(["label", "claims"]);
    expect([...ids.edge.values()]).toEqual(["Label", "predicate", "Claims"]);
    expect(() => graphmlKeyIds(["claims", "Claims"], ["claims"])).toThrow(/no free key id for the attribute claims/);
  });
});

describe("the XML check itself", () => {
  it("rejects what lenient parsers accept", () => {
    expect(() => assertWellFormedXml("<a>&&quot;</a>")).toThrow(/bad reference/);
    expect(() => assertWellFormedXml('<a b="x&y"/>')).toThrow(/bad reference/);
    expect(() => assertWellFormedXml("<a>\u0001</a>")).toThrow(/forbidden/);
    expect(() => assertWellFormedXml("<a><b></a>")).toThrow(/unbalanced/);
    expect(() => assertWellFormedXml('<a b="<"/>')).toThrow(/malformed/);
    expect(() => assertWellFormedXml('<?xml version="1.0"?>\n<a b="&amp;&#10;">x &lt; y</a>\n')).not.toThrow();
  });
});

describe("graphology JSON", () => {
  it("imports back into the same graph, control characters included", () => {
    const [file] = renderExport(graph, "json");
    const back = new MultiDirectedGraph();
    back.import(JSON.parse(file!.content));
    expect(back.export()).toEqual(graph.export());
    expect(back.getNodeAttribute(ODD_ID, "name")).toBe(HOSTILE.odd);
  });
});

describe("CSV for neo4j-admin", () => {
  const files = () => Object.fromEntries(renderExport(graph, "csv").map((f) => [f.name, f.content]));

  it("has typed neo4j-admin headers", () => {
    const f = files();
    expect(parseCsv(f["nodes.csv"]!)[0]).toEqual([
      "id:ID",
      ":LABEL",
      "type:string",
      "name:string",
      "aliases:string[]",
      "claims:int",
    ]);
    const rel = parseCsv(f["relationships.csv"]!)[0]!;
    expect(rel.slice(0, 4)).toEqual([":START_ID", ":END_ID", ":TYPE", "id"]);
    expect(rel).toContain("claims:int");
    expect(rel).toContain("sources:string[]");
    expect(rel).toContain("confidence:double");
    expect(rel).toContain("negated:boolean");
  });

  it("parses back (RFC 4180) to the same nodes and relationships; an alias with ';' moves the array delimiter to '|'", () => {
    const f = files();
    expect(f["import.txt"]).toContain("--array-delimiter='|'");
    const d = "|";
    const nodes = csvObjects(f["nodes.csv"]!);
    expect(nodes).toHaveLength(graph.order);
    for (const n of nodes) {
      const a = graph.getNodeAttributes(n["id:ID"]!);
      expect(n[":LABEL"]).toBe(`Entity${d}${a.type}`);
      expect(n["name:string"]).toBe(a.name);
      expect(n["aliases:string[]"] === "" ? [] : n["aliases:string[]"]!.split(d)).toEqual(a.aliases);
      expect(Number(n["claims:int"])).toBe(a.claims);
    }
    expect(nodes.find((n) => n["id:ID"] === ODD_ID)!["name:string"]).toBe(HOSTILE.odd);
    const rels = csvObjects(f["relationships.csv"]!);
    expect(rels).toHaveLength(graph.size);
    for (const r of rels) {
      const id = r["id"]!;
      expect(graph.source(id)).toBe(r[":START_ID"]);
      expect(graph.target(id)).toBe(r[":END_ID"]);
      const a = graph.getEdgeAttributes(id);
      expect(r[":TYPE"]).toBe(a.predicate);
      expect(Number(r["claims:int"])).toBe(a.claims);
      expect(r["claimIds:string[]"]!.split(d)).toEqual(a.claimIds);
      expect(r["sources:string[]"] === "" ? [] : r["sources:string[]"]!.split(d)).toEqual(a.sources);
      expect(r["recipients:string[]"] === "" ? [] : r["recipients:string[]"]!.split(d)).toEqual(a.recipients);
      expect(r["firstYear:int"] === "" ? null : Number(r["firstYear:int"])).toBe(a.firstYear);
      expect(r["negated:boolean"]).toBe(String(a.negated));
      expect(r["contested:boolean"]).toBe(String(a.contested));
      expect(Number(r["confidence:double"])).toBe(a.confidence);
    }
  });

  it("uses ';' when no list item contains it", () => {
    const g = graph.copy() as KnowledgeGraph;
    g.setNodeAttribute(INJECTION_ID, "aliases", ["plain"]);
    const f = Object.fromEntries(renderExport(g, "csv").map((x) => [x.name, x.content]));
    expect(f["import.txt"]).toContain("--array-delimiter=';'");
    expect(csvObjects(f["nodes.csv"]!).find((n) => n["id:ID"] === "country:china")!["aliases:string[]"]).toBe(
      "PRC;Beijing",
    );
  });
});

describe("Cypher script", () => {
  const script = () => renderExport(graph, "cypher")[0]!.content;

  it("has one statement per line, every string a closed literal, no raw control character", () => {
    const lines = script()
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("//"));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.endsWith(";")).toBe(true);
      // eslint-disable-next-line no-control-regex
      expect(line).not.toMatch(/[\u0000-\u001F\u2028\u2029]/);
    }
  });

  it("writes hostile names as literals that decode to exactly the name and end where it ends", () => {
    const text = script();
    for (const name of [HOSTILE.injection, HOSTILE.markup, HOSTILE.odd, HOSTILE.alias]) {
      const literal = cypherString(name);
      expect(text).toContain(literal);
      const read = readCypherString(literal + " rest");
      expect(read.value).toBe(name);
      expect(read.length).toBe(literal.length);
    }
    const lone = "a\uD800b'\\";
    expect(readCypherString(cypherString(lone)).value).toBe(lone);
  });

  it("uses only vocabulary labels and relationship types, backticked", () => {
    const text = script();
    const labels = [...text.matchAll(/SET n:`([^`]*)`/g)].map((m) => m[1]);
    expect(new Set(labels)).toEqual(new Set(["Country", "Item", "Organization", "Weapon"]));
    const types = [...text.matchAll(/\[r:`([^`]*)`/g)].map((m) => m[1]);
    expect(new Set(types)).toEqual(new Set(["SUPPLIES", "COMPONENT_OF", "TRADES_WITH", "COOPERATES_WITH"]));
  });

  it("refuses a type outside the vocabulary, naming the node, and accepts it once configured", () => {
    const g = graph.copy() as KnowledgeGraph;
    g.setNodeAttribute("country:china", "type", "Vessel");
    expect(() => renderExport(g, "cypher")).toThrow(
      /node "country:china": entity type "Vessel" is not in the vocabulary/,
    );
    expect(() => renderExport(g, "csv")).toThrow(/Vessel/);
    const vocabulary = createVocabulary({ entityTypes: ["Vessel"] });
    expect(renderExport(g, "cypher", { vocabulary })[0]!.content).toContain("SET n:`Vessel`");
  });
});

describe("writeExport", () => {
  it("writes files atomically and leaves an earlier export intact when an export is refused", async () => {
    const out = path.join(dir, "keep", "graph.cypher");
    await writeExport(graph, "cypher", out);
    const before = await fs.readFile(out, "utf8");
    const g = graph.copy() as KnowledgeGraph;
    g.setEdgeAttribute(g.edges()[0]!, "predicate", "FINANCES");
    await expect(writeExport(g, "cypher", out)).rejects.toThrow(/FINANCES/);
    expect(await fs.readFile(out, "utf8")).toBe(before);
    expect((await fs.readdir(path.dirname(out))).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("writes csv into a folder and refuses a file path for it", async () => {
    const folder = path.join(dir, "csv-out");
    const written = await writeExport(graph, "csv", folder);
    expect(written.map((p) => path.basename(p)).sort()).toEqual(["import.txt", "nodes.csv", "relationships.csv"]);
    await expect(writeExport(graph, "csv", written[0]!)).rejects.toThrow(/needs a folder/);
  });
});

describe("citations", () => {
  it("has one row per claim behind every exported link, with quote, source and article", () => {
    const rows = csvObjects(renderCitations(graph, data));
    const claimCount = graph.reduceEdges((n, _e, a) => n + a.claimIds.length, 0);
    expect(rows).toHaveLength(claimCount);
    expect(claimCount).toBe(data.claims.length);
    const denial = rows.find((r) => r.quote === "China denies these accusations.")!;
    expect(denial).toMatchObject({ predicate: "SUPPLIES", subject: "China", object: "intelligence", negated: "true" });
    expect(denial.title).toBe("Overnight Russian strikes leave dead and injured in several regions in Ukraine");
    expect(denial.url).toBe('https://example.com/zmina?a=1&b="2"');
    expect(denial.publisher).toBe("ZMINA");
    expect(denial.date).toBe("2026-02-05");
    const perchlorate = rows.find((r) => r.object === "ammonium perchlorate")!;
    expect(perchlorate).toMatchObject({
      source: "Center for Strategic and International Studies",
      quote: "China increased sales of ammonium perchlorate",
      negated: "false",
      time: "2024",
    });
    const hostile = rows.find((r) => r.subject === HOSTILE.odd)!;
    expect(hostile.source).toBe(HOSTILE.injection);
  });

  it("neutralises spreadsheet formulas and names claims it cannot find", () => {
    const rows = csvObjects(renderCitations(graph, data));
    const fromA2 = rows.filter((r) => r.article === "003_0a244f4867f7f563");
    expect(fromA2.length).toBeGreaterThan(0);
    for (const r of fromA2) expect(r.publisher).toBe('\'=HYPERLINK("http://evil")');
    const partial = { claims: data.claims.slice(1), articles: data.articles };
    const missing = csvObjects(renderCitations(graph, partial)).filter((r) => r.quote === "");
    expect(missing.map((r) => r.claim)).toEqual([data.claims[0]!.id]);
  });
});

describe("what a format cannot keep", () => {
  const lossesOf = (g: KnowledgeGraph, format: ExportFormat) =>
    exportLosses(g, format).map((l) => `${l.element} ${l.attribute} ${l.kind} ${l.count}`);

  it("GraphML and GEXF: lists as text, missing years, characters XML forbids", () => {
    const dated = graph.filterEdges((_e, a) => a.firstYear !== null).length;
    for (const format of ["graphml", "gexf"] as const) {
      const losses = lossesOf(graph, format);
      expect(losses).toContain(`node aliases list-as-text ${graph.order}`);
      expect(losses).toContain(`link sources list-as-text ${graph.size}`);
      expect(losses).toContain(`link firstYear no-value ${graph.size - dated}`);
      // BEL, NUL and ESC in one name; inside the JSON lists they survive as \u escapes
      expect(losses).toContain("node name characters-removed 1");
      expect(losses.filter((l) => l.includes("characters-removed"))).toHaveLength(1);
    }
  });

  it("JSON keeps everything; the others leave out attributes that are not columns", () => {
    const g = graph.copy() as KnowledgeGraph;
    g.mergeNodeAttributes("country:china", { x: 1, y: 2 } as never);
    expect(exportLosses(g, "json")).toEqual([]);
    for (const format of ["csv", "cypher"] as const) {
      expect(lossesOf(g, format)).toEqual(["node x attribute-left-out 1", "node y attribute-left-out 1"]);
    }
    expect(lossesOf(g, "graphml")).toContain("node x attribute-left-out 1");
  });
});

describe("filters narrow the exported subgraph", () => {
  const edgesOf = async (f: Record<string, unknown>) => {
    const g = await storeSubgraph(path.join(dir, "store"), filter(f));
    return g.mapEdges((_e, a, s, t) => `${s} ${a.predicate} ${t}`).sort();
  };

  it("focus and hops", async () => {
    const one = await edgesOf({ focus: "china", hops: 1 });
    expect(one).toEqual([
      "country:china SUPPLIES item:ammonium-perchlorate",
      "country:china SUPPLIES item:intelligence",
      "country:china SUPPLIES item:machine-tools",
      "country:china SUPPLIES item:weapons",
      "country:russia COOPERATES_WITH country:china",
      "country:russia TRADES_WITH country:china",
    ]);
    const two = await edgesOf({ focus: "PRC", hops: 2 });
    expect(two).toEqual([...one, "item:ammonium-perchlorate COMPONENT_OF weapon:iskander-missiles"].sort());
  });

  it("predicates, years, min-sources, hide-negated", async () => {
    expect(await edgesOf({ predicates: "COMPONENT_OF" })).toEqual([
      "item:ammonium-perchlorate COMPONENT_OF weapon:iskander-missiles",
    ]);
    expect(await edgesOf({ fromYear: 2025 })).toEqual([
      "country:china SUPPLIES item:machine-tools",
      "country:russia COOPERATES_WITH country:china",
      `${INJECTION_ID} SUPPLIES ${MARKUP_ID}`,
    ]);
    expect(await edgesOf({ toYear: 2023 })).toEqual(["country:russia TRADES_WITH country:china"]);
    expect(await edgesOf({ minSources: 2 })).toEqual(["country:china SUPPLIES item:intelligence"]);
    const shown = await edgesOf({ hideNegated: true });
    expect(shown).toHaveLength(8);
    expect(shown).not.toContain("country:china SUPPLIES item:weapons");
    // contested (affirmed and denied) stays
    expect(shown).toContain("country:china SUPPLIES item:intelligence");
  });
});

describe("kg export (CLI)", () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      errors.push(args.join(" "));
    });
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  const kg = (...args: string[]) => main(["node", "kg", "export", "--data", path.join(dir, "store"), ...args]);

  it("exports a focused GraphML subgraph and its citations", async () => {
    const out = path.join(dir, "cli", "focus.graphml");
    const cites = path.join(dir, "cli", "focus-citations.csv");
    const code = await kg(
      "--format",
      "graphml",
      "--out",
      out,
      "--focus",
      "Russia",
      "--hops",
      "1",
      "--predicates",
      "TRADES_WITH,COOPERATES_WITH",
      "--citations",
      cites,
    );
    expect(errors.join("\n")).toContain("exported 2 entities and 2 links");
    // what GraphML could not keep is said, not left for the analyst to find
    expect(errors).toContain(
      "kg: graphml: lists written as JSON text (json.loads or JSON.parse gives them back): " +
        "aliases on 2 entities; claimIds, sources, articles, recipients, via on 2 links",
    );
    expect(code).toBe(0);
    const parsed = parseGraphml(MultiDirectedGraph, await fs.readFile(out, "utf8")) as MultiDirectedGraph;
    expect(parsed.nodes().sort()).toEqual(["country:china", "country:russia"]);
    expect(parsed.mapEdges((_e, a) => a.predicate).sort()).toEqual(["COOPERATES_WITH", "TRADES_WITH"]);
    const rows = csvObjects(await fs.readFile(cites, "utf8"));
    expect(rows.map((r) => r.source).sort()).toEqual(["Chinese customs data", "Oleh Ivashchenko"]);
  });

  it("writes JSON to stdout with --out -", async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((c: string | Uint8Array) => {
      chunks.push(String(c));
      return true;
    });
    const code = await kg("--format", "json", "--out", "-", "--types", "Country");
    expect(code).toBe(0);
    const back = new MultiDirectedGraph();
    back.import(JSON.parse(chunks.join("")));
    expect(back.nodes().sort()).toEqual(["country:china", "country:russia"]);
  });

  it("names the option in errors", async () => {
    expect(await kg("--format", "graphml", "--out", "x.graphml", "--from-year", "soon")).toBe(1);
    expect(errors.join("\n")).toMatch(/--from-year: /);
    errors.length = 0;
    expect(await kg("--format", "graphml", "--out", "x.graphml", "--from-year", "2025", "--to-year", "2020")).toBe(1);
    expect(errors.join("\n")).toMatch(/--from-year: fromYear must not be after toYear/);
    errors.length = 0;
    expect(await kg("--format", "gexf", "--out", "x.gexf", "--types", "Planet")).toBe(1);
    expect(errors.join("\n")).toMatch(/--types: unknown entity type Planet/);
    errors.length = 0;
    expect(await kg("--format", "gexf", "--out", "x.gexf", "--predicates", "SUPPLIES,FINANCES")).toBe(1);
    expect(errors.join("\n")).toMatch(/--predicates: unknown relation type FINANCES/);
    errors.length = 0;
    expect(await kg("--format", "gexf", "--out", "x.gexf", "--predicates", "supplies")).toBe(1);
    expect(errors.join("\n")).toMatch(/--predicates\[0\]: relation type must be UPPER_SNAKE_CASE/);
    errors.length = 0;
    // checked before any connection is tried
    expect(await kg("--format", "json", "--out", "-", "--query", "RETURN 1", "--row-limit", "0")).toBe(1);
    expect(errors.join("\n")).toMatch(/--row-limit: expected a positive whole number, got 0/);
    errors.length = 0;
    expect(await kg("--format", "json", "--out", "-", "--query", "RETURN 1", "--param", "x")).toBe(1);
    expect(errors.join("\n")).toMatch(/--param "x": expected name=value or name:=JSON/);
    errors.length = 0;
    expect(await kg("--format", "pdf", "--out", "x.pdf")).toBe(1);
    expect(errors.join("\n")).toMatch(/--format: expected one of graphml, gexf, json, csv, cypher/);
    errors.length = 0;
    expect(await kg("--format", "csv", "--out", "-")).toBe(1);
    expect(errors.join("\n")).toMatch(/--out: csv writes a folder/);
    errors.length = 0;
    expect(await kg("--format", "gexf", "--out", path.join(dir, "x.gexf"), "--focus", "Atlantis")).toBe(1);
    expect(errors.join("\n")).toMatch(/focus: no entity named or with id "Atlantis"/);
    errors.length = 0;
    expect(
      await main(["node", "kg", "export", "--data", path.join(dir, "nowhere"), "--format", "json", "--out", "-"]),
    ).toBe(1);
    expect(errors.join("\n")).toMatch(/--data .*nowhere: no store here/);
  });
});

describe("--param", () => {
  it("keeps name=value as text and reads name:=JSON with integers as Neo4j integers", () => {
    const p = parseQueryParams(["name=1984", "n:=3", 'list:=[1, "a", 2.5]', "flag:=true", "q=a=b"]);
    expect(p.name).toBe("1984");
    expect(neo4j.isInt(p.n)).toBe(true);
    expect(String(p.n)).toBe("3");
    const list = p.list as unknown[];
    expect(neo4j.isInt(list[0])).toBe(true);
    expect(list.slice(1)).toEqual(["a", 2.5]);
    expect(p.flag).toBe(true);
    expect(p.q).toBe("a=b");
    expect(() => parseQueryParams(["1bad=x"])).toThrow(/--param "1bad=x"/);
    expect(() => parseQueryParams(["x:={"])).toThrow(/--param x: invalid JSON/);
  });
});
