import { describe, expect, it } from "vitest";
import { buildGraph, graphLinks } from "../src/graph/build.js";
import { filterGraph, UnknownFocusError } from "../src/graph/filter.js";
import {
  aggregateLinks,
  articleFactsOf,
  claimId,
  entityId,
  GraphFilterSchema,
  type Claim,
  type Entity,
} from "../src/model/index.js";

const E = (type: string, name: string, aliases: string[] = []): Entity => ({
  id: entityId(type, name),
  type,
  name,
  aliases,
  merges: [],
});
const entities = [
  E("Country", "China", ["Beijing"]),
  E("Country", "Russia", ["Moscow"]),
  E("Item", "ammonium perchlorate"),
  E("Weapon", "Iskander missiles"),
  E("Country", "Iran"),
  E("Weapon", "Shahed drones"),
];

let n = 0;
function claim(s: string, p: string, o: string, over: Partial<Claim> = {}): Claim {
  const subjectId = entities.find((e) => e.name === s)!.id;
  const objectId = entities.find((e) => e.name === o)!.id;
  const start = n++ * 10;
  const quote = "x".repeat(5);
  const doc = over.doc ?? "a1";
  return {
    id: claimId({ doc, start, end: start + 5, subjectId, predicate: p, objectId, negated: over.negated }),
    doc,
    subject: s,
    subjectId,
    predicate: p,
    object: o,
    objectId,
    negated: false,
    hedged: false,
    confidence: 0.8,
    rule: "t",
    extractor: "t@1",
    evidence: { article: doc, quote, start, end: start + 5, sentence: 0 },
    ...over,
  };
}

const claims = [
  claim("China", "SUPPLIES", "ammonium perchlorate", {
    attributedTo: ["CSIS"],
    attributedToIds: ["organization:csis"],
    time: "2024",
  }),
  claim("China", "SUPPLIES", "ammonium perchlorate", {
    doc: "a2",
    attributedTo: ["Reuters"],
    attributedToIds: ["organization:reuters"],
    time: "2023-01/2023-07",
  }),
  claim("ammonium perchlorate", "COMPONENT_OF", "Iskander missiles"),
  claim("Iran", "SUPPLIES", "Shahed drones", { time: "2022" }),
  claim("Iran", "SUPPLIES", "Shahed drones", { doc: "a3", negated: true }),
  claim("China", "COOPERATES_WITH", "Russia", {
    negated: true,
    attributedTo: ["Beijing"],
    attributedToIds: ["country:china"],
  }),
];

const articles = ["a1", "a2", "a3"].map((id) => ({ id, publisher: null, date: "2025-01-01" }));
const facts = articleFactsOf(articles);

describe("links aggregate their claims", () => {
  const links = aggregateLinks(claims, facts);
  const supplies = links.find((l) => l.source === "country:china" && l.predicate === "SUPPLIES")!;

  it("counts claims, independent sources, articles and years", () => {
    expect(supplies).toMatchObject({
      claims: 2,
      sources: ["CSIS", "Reuters"],
      sourceCount: 2,
      articles: ["a1", "a2"],
      firstYear: 2023,
      lastYear: 2024,
    });
  });

  it("marks a link contested when claims affirm and deny it, negated when all deny it", () => {
    const drones = links.find((l) => l.source === "country:iran")!;
    // the denying article contests the link and does not count as one of its sources
    expect(drones).toMatchObject({
      contested: true,
      negated: false,
      negatedClaims: 1,
      sourceCount: 1,
      sources: ["article a1"],
      contestingSources: ["article a3"],
    });
    const coop = links.find((l) => l.predicate === "COOPERATES_WITH")!;
    expect(coop).toMatchObject({ negated: true, contested: false });
  });

  it("is independent of claim order", () => {
    expect(aggregateLinks([...claims].reverse(), facts)).toEqual(links);
  });
});

describe("graph filters", () => {
  const graph = buildGraph(entities, claims, articles);
  const f = (raw: Record<string, unknown>) => GraphFilterSchema.parse(raw);
  const predicates = (g: ReturnType<typeof buildGraph>) =>
    graphLinks(g)
      .map((l) => `${l.source} ${l.predicate} ${l.target}`)
      .sort();

  it("builds one node per entity in a claim and one edge per link", () => {
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(4);
  });

  it("narrows by predicate, years, sources, minimum sources and negation", () => {
    expect(predicates(filterGraph(graph, f({ predicates: "COMPONENT_OF" })))).toEqual([
      "item:ammonium-perchlorate COMPONENT_OF weapon:iskander-missiles",
    ]);
    expect(filterGraph(graph, f({ fromYear: 2024 })).size).toBe(1);
    expect(filterGraph(graph, f({ toYear: 2022 })).size).toBe(1);
    expect(filterGraph(graph, f({ sources: "reuters" })).size).toBe(1);
    expect(filterGraph(graph, f({ minSources: 2 })).size).toBe(1);
    expect(predicates(filterGraph(graph, f({ hideNegated: "true" })))).not.toContain(
      "country:china COOPERATES_WITH country:russia",
    );
  });

  it("keeps the neighbourhood of a focus entity found by alias, within the hops", () => {
    const one = filterGraph(graph, f({ focus: "Beijing", hops: 1 }));
    expect(one.nodes().sort()).toEqual(["country:china", "country:russia", "item:ammonium-perchlorate"]);
    const two = filterGraph(graph, f({ focus: "country:china", hops: 2 }));
    expect(two.hasNode("weapon:iskander-missiles")).toBe(true);
    expect(two.hasNode("country:iran")).toBe(false);
    expect(() => filterGraph(graph, f({ focus: "Atlantis" }))).toThrow(UnknownFocusError);
  });

  it("filters entity types on both ends of a link", () => {
    expect(predicates(filterGraph(graph, f({ types: "Country" })))).toEqual([
      "country:china COOPERATES_WITH country:russia",
    ]);
  });

  it("rejects bad filter values naming the field", () => {
    const r = GraphFilterSchema.safeParse({ fromYear: 2025, toYear: 2020 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["fromYear"]);
    expect(GraphFilterSchema.safeParse({ predicates: "supplies!" }).success).toBe(false);
    expect(GraphFilterSchema.safeParse({ hops: "many" }).success).toBe(false);
  });
});
