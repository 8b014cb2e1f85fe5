import { describe, expect, it } from "vitest";
import { buildGraph, graphLinks } from "../src/graph/build.js";
import { filterGraph } from "../src/graph/filter.js";
import { GraphFilterSchema } from "../src/model/filter.js";
import { linkId } from "../src/model/link.js";
import {
  edgeColour,
  edgeWidth,
  nodeSize,
  sizeScale,
  CONTESTED_COLOUR,
  NEGATED_COLOUR,
} from "../viewer/src/graph/appearance.js";
import { buildViewerGraph } from "../viewer/src/graph/build.js";
import { computeFacets } from "../viewer/src/graph/facets.js";
import { distanceToSegment, nearestEdge } from "../viewer/src/graph/hit.js";
import { shortestVisiblePath } from "../viewer/src/graph/path.js";
import { searchNodes } from "../viewer/src/graph/search.js";
import { visibleSubgraph } from "../viewer/src/graph/subgraph.js";
import { computeVisibility, neighbourhood } from "../viewer/src/graph/visibility.js";
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

describe("viewer path", () => {
  const { graph } = fixture();
  const all = computeVisibility(graph, filter({}));

  it("finds the shortest chain, ignoring direction, one link per step", () => {
    const p = shortestVisiblePath(graph, all, "weapon:iskander", "country:ukraine")!;
    expect(p.nodes).toEqual([
      "weapon:iskander",
      "item:ammonium-perchlorate",
      "country:china",
      "country:russia",
      "country:ukraine",
    ]);
    expect(p.edges).toHaveLength(4);
    expect(p.edges[0]).toBe(linkId("item:ammonium-perchlorate", "COMPONENT_OF", "weapon:iskander"));
  });

  it("only over visible links: hiding a step breaks the path", () => {
    const v = computeVisibility(graph, filter({ predicates: ["SUPPLIES", "COMPONENT_OF", "ATTACKS"] }));
    // China and Russia are joined only by COOPERATES_WITH, which is hidden now
    expect(shortestVisiblePath(graph, v, "weapon:iskander", "country:ukraine")).toBeNull();
  });

  it("no path between separate components or to a hidden entity", () => {
    // a recipient is a qualifier of the claim, not a link: Acme's detonators stand apart
    expect(shortestVisiblePath(graph, all, "organization:acme-corp", "country:china")).toBeNull();
    expect(shortestVisiblePath(graph, all, "person:oleh-ivashchenko", "country:china")).toBeNull();
    expect(shortestVisiblePath(graph, all, "country:china", "country:china")).toEqual({
      nodes: ["country:china"],
      edges: [],
    });
    const v = computeVisibility(graph, filter({ types: ["Country"] }));
    expect(shortestVisiblePath(graph, v, "item:oil", "country:china")).toBeNull();
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

describe("viewer encodings", () => {
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
    expect(f.predicates.get("SUPPLIES")).toBe(11);
    expect(f.types.get("Country")).toBe(3);
    expect(f.sources.get("Oleh Ivashchenko")).toBe(4);
    expect([f.minYear, f.maxYear]).toEqual([2023, 2025]);
    expect(f.maxSources).toBe(2);
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
