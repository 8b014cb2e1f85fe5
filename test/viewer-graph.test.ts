import { describe, expect, it } from "vitest";
import { buildGraph, graphLinks } from "../src/graph/build.js";
import { filterGraph } from "../src/graph/filter.js";
import { GraphFilterSchema } from "../src/model/filter.js";
import { linkId } from "../src/model/link.js";
import {
  edgeColour,
  edgeLabel,
  edgeWidth,
  nodeSize,
  sizeScale,
  CONTESTED_COLOUR,
  FADED_EDGE_COLOUR,
  FADED_NODE_COLOUR,
  NEGATED_COLOUR,
  PATH_COLOUR,
  PREDICATE_COLOURS,
  TYPE_COLOURS,
} from "../viewer/src/graph/appearance.js";
import { buildViewerGraph } from "../viewer/src/graph/build.js";
import { computeFacets } from "../viewer/src/graph/facets.js";
import { distanceToSegment, nearestEdge } from "../viewer/src/graph/hit.js";
import { modeFilter } from "../viewer/src/graph/modes.js";
import { directedPath, findPath } from "../viewer/src/graph/path.js";
import { searchNodes } from "../viewer/src/graph/search.js";
import { visibleSubgraph } from "../viewer/src/graph/subgraph.js";
import { computeVisibility, keyNodes, neighbourhood } from "../viewer/src/graph/visibility.js";
import { groupEntityClaims } from "../viewer/src/views/claim-groups.js";
import { withArticles } from "../src/server/responses.js";
import type { ViewFilter } from "../viewer/src/state/view-state.js";
import { e2eStoreData } from "./viewer-e2e-store.js";

/** The viewer's graph built from what GET /api/graph would send for the e2e store. */
function fixture() {
  const data = e2eStoreData();
  const kg = buildGraph(data.entities, data.claims, data.articles);
  const nodes = kg.mapNodes((id, a) => ({ id, ...a, degree: kg.degree(id) }));
  const links = graphLinks(kg);
  return { kg, graph: buildViewerGraph(nodes, links) };
}

const filter = (f: Partial<ViewFilter>): ViewFilter => ({
  minSources: 0,
  hideNegated: false,
  hideContested: false,
  ...f,
});

describe("viewer visibility", () => {
  const { kg, graph } = fixture();

  it("with no filter everything is visible", () => {
    const v = computeVisibility(graph, filter({}));
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
  });

  it.each<[string, Partial<ViewFilter>]>([
    ["predicates", { predicates: ["COMPONENT_OF", "ATTACKS"] }],
    ["types", { types: ["Country", "Item"] }],
    ["sources", { sources: ["oleh ivashchenko"] }],
    ["years", { fromYear: 2024, toYear: 2024 }],
    ["min sources", { minSources: 2 }],
    ["hide negated", { hideNegated: true }],
    ["combined", { predicates: ["SUPPLIES"], types: ["Country", "Item"], hideNegated: true, minSources: 1 }],
    ["recipient", { recipients: ["country:russia"] }],
    ["item", { items: ["artillery shells"] }],
    ["route", { via: ["Hong Kong"] }],
    ["supplier country", { supplierCountries: ["Turkey"] }],
    ["hide contested", { hideContested: true }],
    ["flows only", { predicates: ["SUPPLIES_TO", "ROUTES_TO"] }],
  ])("%s: the same nodes and links as the server's filterGraph", (_name, f) => {
    const v = computeVisibility(graph, filter(f));
    const server = filterGraph(kg, GraphFilterSchema.parse({ ...f }));
    expect([...v.nodes].sort()).toEqual(server.nodes().sort());
    expect([...v.edges].sort()).toEqual(server.edges().sort());
    expect(v.edges.size).toBeLessThan(graph.size);
  });

  it("hide negated removes the denied China → weapons link but keeps the contested intelligence link", () => {
    const v = computeVisibility(graph, filter({ hideNegated: true }));
    expect(v.edges.has(linkId("country:china", "SUPPLIES", "item:weapons"))).toBe(false);
    expect(v.nodes.has("item:weapons")).toBe(false);
    expect(v.edges.has(linkId("country:china", "SUPPLIES", "item:intelligence"))).toBe(true);
  });

  it("the neighbourhood of a focus uses visible links only", () => {
    const all = computeVisibility(graph, filter({}));
    expect([...neighbourhood(graph, all, "item:ammonium-perchlorate").nodes].sort()).toEqual([
      "country:china",
      "item:ammonium-perchlorate",
      "weapon:iskander",
    ]);
    const noComponents = computeVisibility(graph, filter({ predicates: ["SUPPLIES"] }));
    expect([...neighbourhood(graph, noComponents, "item:ammonium-perchlorate").nodes].sort()).toEqual([
      "country:china",
      "item:ammonium-perchlorate",
    ]);
  });

  it("the visible subgraph holds exactly the visible nodes and links with their attributes", () => {
    const v = computeVisibility(graph, filter({ minSources: 2 }));
    const sub = visibleSubgraph(graph, v);
    expect(sub.nodes().sort()).toEqual([...v.nodes].sort());
    expect(sub.edges().sort()).toEqual([...v.edges].sort());
    const e = sub.edges()[0]!;
    expect(sub.getEdgeAttributes(e).sourceCount).toBeGreaterThanOrEqual(2);
  });
});

describe("viewer path: directed and typed", () => {
  const { graph } = fixture();
  const any = () => true;

  it("a supply path follows flows from supplier to recipient: Texas Instruments → Russia", () => {
    const p = directedPath(graph, "organization:texas-instruments", "country:russia", "supply", any)!;
    expect(p.nodes).toEqual(["organization:texas-instruments", "country:russia"]);
    expect(p.edges).toEqual([linkId("organization:texas-instruments", "SUPPLIES_TO", "country:russia")]);
    // North Korea reaches Russia by its own flow, not through whatever else Russia touches
    expect(directedPath(graph, "country:north-korea", "country:russia", "supply", any)!.nodes).toEqual([
      "country:north-korea",
      "country:russia",
    ]);
  });

  it("no path against the direction, and none through the agency that sanctioned a firm", () => {
    const back = findPath(graph, "country:russia", "organization:texas-instruments", "supply", any);
    expect(back).toEqual({ path: null, reverse: true, otherKinds: [] });
    expect(
      directedPath(graph, "organization:office-of-foreign-assets-control", "country:russia", "supply", any),
    ).toBeNull();
    // any relation in its direction: OFAC sanctions Demirci, which supplies drones; still not to Russia as a flow
    const viaSanctions = directedPath(
      graph,
      "organization:office-of-foreign-assets-control",
      "country:russia",
      "any",
      any,
    );
    expect(viaSanctions?.edges.map((e) => graph.getEdgeAttribute(e, "predicate"))).toEqual([
      "SANCTIONS",
      "SUPPLIES_TO",
    ]);
  });

  it("a materiel path goes supplier → item → part of → weapon, never over a denied link", () => {
    const p = directedPath(graph, "country:china", "weapon:iskander", "materiel", any)!;
    expect(p.nodes).toEqual(["country:china", "item:ammonium-perchlorate", "weapon:iskander"]);
    expect(directedPath(graph, "country:china", "item:weapons", "materiel", any)).toBeNull();
  });

  it("the filters bound it: a step they hide breaks the path, and the answer says what exists", () => {
    const noTI = (e: string) => !graph.extremities(e).includes("organization:texas-instruments");
    const a = findPath(graph, "organization:texas-instruments", "country:russia", "supply", noTI);
    expect(a.path).toBeNull();
    expect(directedPath(graph, "country:china", "country:china", "supply", any)).toEqual({
      nodes: ["country:china"],
      edges: [],
    });
  });
});

describe("entity panel groups", () => {
  it("Russia's claims by part played, one card per sentence", () => {
    const data = e2eStoreData();
    const claims = data.claims.filter((c) =>
      [c.subjectId, c.objectId, c.recipientId, ...(c.viaIds ?? [])].includes("country:russia"),
    );
    const groups = groupEntityClaims(
      "country:russia",
      withArticles(claims, new Map(data.articles.map((a) => [a.id, a]))),
    );
    expect(groups.map((g) => g.role)).toEqual(["supplier", "recipient", "relation"]);
    const recipient = groups.find((g) => g.role === "recipient")!;
    // China's list of five components is one sentence: one card, five claims
    const components = recipient.sentences.find((s) => s.claims.length === 5)!;
    expect(new Set(components.claims.map((c) => c.claim.evidence.quote)).size).toBe(1);
    expect(recipient.sentences.length).toBeLessThan(recipient.claims);
    // a sentence shows once in a group (it may show in two: North Korea's munitions for Russia's technology)
    for (const g of groups) expect(new Set(g.sentences.map((s) => s.key)).size).toBe(g.sentences.length);
  });

  it("splits a group by the other party, so that a hub's suppliers are a short list rather than a column of cards", () => {
    const data = e2eStoreData();
    const claims = data.claims.filter((c) =>
      [c.subjectId, c.objectId, c.recipientId, ...(c.viaIds ?? [])].includes("country:russia"),
    );
    const names = new Map(data.entities.map((e) => [e.id, e.name]));
    const groups = groupEntityClaims(
      "country:russia",
      withArticles(claims, new Map(data.articles.map((a) => [a.id, a]))),
      (id) => names.get(id) ?? id,
    );
    const recipient = groups.find((g) => g.role === "recipient")!;
    // as recipient: one part per supplier, named as the graph names it, the biggest first
    const suppliers = new Set(claims.filter((c) => c.recipientId === "country:russia").map((c) => c.subjectId));
    expect(recipient.parts.map((p) => p.key).sort()).toEqual([...suppliers].sort());
    expect(recipient.parts.map((p) => p.claims)).toEqual(
      [...recipient.parts.map((p) => p.claims)].sort((a, b) => b - a),
    );
    expect(recipient.parts.reduce((n, p) => n + p.claims, 0)).toBe(recipient.claims);
    const china = recipient.parts.find((p) => p.key === "country:china")!;
    expect(china.title).toBe("from China");
    expect(china.sentences.some((s) => s.claims.length === 5)).toBe(true);
    // as supplier: one part per recipient
    const supplier = groups.find((g) => g.role === "supplier")!;
    expect(supplier.parts.every((p) => p.title.startsWith("to "))).toBe(true);
    // other relations: one part per relation
    const relation = groups.find((g) => g.role === "relation")!;
    expect(new Set(relation.parts.map((p) => p.key)).size).toBe(relation.parts.length);
    expect(relation.parts.map((p) => p.title)).toContain("attacks");
  });
});

describe("viewer search", () => {
  const { graph } = fixture();

  it("finds names and aliases ignoring case, best match first", () => {
    expect(searchNodes(graph, "AMMONIUM perch")[0]?.id).toBe("item:ammonium-perchlorate");
    const prc = searchNodes(graph, "prc");
    expect(prc[0]).toMatchObject({ id: "country:china", matched: "PRC" });
    expect(searchNodes(graph, "russia")[0]?.id).toBe("country:russia");
    expect(searchNodes(graph, "   ")).toEqual([]);
    expect(searchNodes(graph, "no such thing")).toEqual([]);
  });

  it("respects the limit", () => {
    expect(searchNodes(graph, "i", 3)).toHaveLength(3);
  });
});

/** CIE76 distance between two sRGB colours: about 2 is barely visible, 20 clearly different. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)] as const;
  };
  const p = lab(a);
  const q = lab(b);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe("viewer encodings", () => {
  it("no entity type's colour is like a relation's, and no two of either are alike", () => {
    const types = Object.values(TYPE_COLOURS);
    const links = [...Object.values(PREDICATE_COLOURS), NEGATED_COLOUR, CONTESTED_COLOUR, PATH_COLOUR];
    const min = (pairs: Array<[string, string]>) => Math.min(...pairs.map(([a, b]) => deltaE(a, b)));
    const pairsOf = (xs: string[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b): [string, string] => [a, b]));
    expect(min(types.flatMap((t) => links.map((l): [string, string] => [t, l])))).toBeGreaterThan(20);
    expect(min(pairsOf(types))).toBeGreaterThan(20);
    expect(min(pairsOf(links))).toBeGreaterThan(15);
    // the faded colours are there to recede: they are not like any live one either
    for (const faded of [FADED_NODE_COLOUR, FADED_EDGE_COLOUR]) {
      expect(
        min([...types, ...links.filter((l) => l !== NEGATED_COLOUR)].map((c): [string, string] => [faded, c])),
      ).toBeGreaterThan(10);
    }
  });

  it("a flow's label is its items, denied ones marked; other links show their relation", () => {
    expect(edgeLabel({ predicate: "SUPPLIES_TO", items: ["chips", "sensors"], deniedItems: ["weapons"] })).toBe(
      "chips, sensors, not weapons",
    );
    expect(edgeLabel({ predicate: "COMPONENT_OF", items: [], deniedItems: [] })).toBe("component of");
  });

  it("negated and contested links get colours no predicate has", () => {
    const base = { predicate: "SUPPLIES", negated: false, contested: false };
    expect(edgeColour({ ...base, negated: true })).toBe(NEGATED_COLOUR);
    expect(edgeColour({ ...base, contested: true })).toBe(CONTESTED_COLOUR);
    const predicateColours = [
      "SUPPLIES",
      "TRADES_WITH",
      "COMPONENT_OF",
      "PRODUCES",
      "USES",
      "ATTACKS",
      "SANCTIONS",
      "COOPERATES_WITH",
      "AFFILIATED_WITH",
      "LOCATED_IN",
    ].map((p) => edgeColour({ ...base, predicate: p }));
    expect(new Set(predicateColours).size).toBe(predicateColours.length);
    expect(predicateColours).not.toContain(NEGATED_COLOUR);
    expect(predicateColours).not.toContain(CONTESTED_COLOUR);
  });

  it("more independent sources draw a wider link; more links or claims a bigger node", () => {
    expect(edgeWidth(2)).toBeGreaterThan(edgeWidth(1));
    expect(edgeWidth(1000)).toBeLessThanOrEqual(10);
    // a big graph draws everything smaller, never invisibly small
    expect(sizeScale(19)).toBe(1);
    expect(sizeScale(50_000)).toBeGreaterThan(0.3);
    expect(nodeSize({ degree: 10, claims: 1 }, "degree", sizeScale(10_000))).toBeLessThan(
      nodeSize({ degree: 10, claims: 1 }, "degree"),
    );
    expect(edgeWidth(1, sizeScale(50_000))).toBeGreaterThanOrEqual(1);
    expect(nodeSize({ degree: 10, claims: 1 }, "degree")).toBeGreaterThan(
      nodeSize({ degree: 1, claims: 10 }, "degree"),
    );
    expect(nodeSize({ degree: 10, claims: 1 }, "claims")).toBeLessThan(nodeSize({ degree: 1, claims: 10 }, "claims"));
  });

  it("facets count what the graph holds", () => {
    const { graph } = fixture();
    const f = computeFacets(graph);
    expect(f.predicates.get("SUPPLIES")).toBe(18);
    expect(f.predicates.get("SUPPLIES_TO")).toBe(11);
    expect(f.types.get("Country")).toBe(5);
    // four relation links and China's flow to Russia
    expect(f.sources.get("Oleh Ivashchenko")).toBe(5);
    expect([f.minYear, f.maxYear]).toEqual([2023, 2025]);
    expect([...f.recipients.values()]).toEqual(["China", "Hong Kong", "North Korea", "Russia"]);
    // Demirci and Margiana are located in Turkey: their flows come from there
    expect([...f.supplierCountries.values()]).toEqual(["China", "North Korea", "Russia", "Turkey"]);
    expect(f.via).toEqual(["Hong Kong"]);
  });

  it("a mode is a filter on relation types, so the server answers a view's export alike", () => {
    const { graph } = fixture();
    const predicates = new Set(graph.mapEdges((_e, a) => a.predicate));
    expect(modeFilter("flows", filter({}), predicates).predicates).toEqual(["ROUTES_TO", "SUPPLIES_TO"]);
    expect(modeFilter("relations", filter({}), predicates).predicates).not.toContain("SUPPLIES_TO");
    expect(modeFilter("relations", filter({ predicates: ["ATTACKS"] }), predicates).predicates).toEqual(["ATTACKS"]);
  });

  it("the most connected entities of the view are the ones whose labels are always drawn", () => {
    const { graph } = fixture();
    const flows = computeVisibility(graph, filter({ predicates: ["SUPPLIES_TO", "ROUTES_TO"] }));
    expect([...keyNodes(graph, flows, 1)]).toEqual(["country:russia"]);
  });
});

describe("edge hit testing", () => {
  it("measures distance to a segment, clamped at its ends", () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(3);
    expect(distanceToSegment({ x: -4, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(5);
  });

  it("picks the nearest edge within the tolerance, or none", () => {
    const edges = [
      { id: "a", a: { x: 0, y: 0 }, b: { x: 100, y: 0 } },
      { id: "b", a: { x: 0, y: 10 }, b: { x: 100, y: 10 } },
    ];
    expect(nearestEdge({ x: 50, y: 3 }, edges, 4)).toBe("a");
    expect(nearestEdge({ x: 50, y: 8 }, edges, 4)).toBe("b");
    expect(nearestEdge({ x: 50, y: 30 }, edges, 4)).toBeNull();
  });
});
