import { describe, expect, it } from "vitest";
import { buildGraph } from "../src/graph/build.js";
import { filterGraph, graphFilterNames } from "../src/graph/filter.js";
import {
  aggregateFlows,
  aggregateLinks,
  articleFactsOf,
  claimId,
  entityId,
  GraphFilterSchema,
  linkId,
  type Claim,
  type Entity,
} from "../src/model/index.js";

/**
 * Flows, counts and times as an analyst reads them: who supplies whom (and through whom), how
 * many independent sources back a link, and which year a claim is about rather than when it was
 * reported. Claims are written by hand; each test says what a user would notice.
 */
const ent = (type: string, name: string, aliases: string[] = []): Entity => ({
  id: entityId(type, name),
  type,
  name,
  aliases,
  merges: [],
});
const E = {
  ti: ent("Organization", "Texas Instruments", ["TI"]),
  hk: ent("Place", "Hong Kong"),
  russia: ent("Country", "Russia"),
  china: ent("Country", "China"),
  nk: ent("Country", "North Korea", ["DPRK"]),
  turkey: ent("Country", "Turkey"),
  uae: ent("Country", "United Arab Emirates"),
  demirci: ent("Organization", "Demirci"),
  ofac: ent("Organization", "Office of Foreign Assets Control", ["OFAC"]),
  chips: ent("Item", "chips"),
  shells: ent("Item", "artillery shells"),
  rifles: ent("Item", "assault rifles"),
  weapons: ent("Item", "weapons"),
  drones: ent("Item", "drones"),
};
const entities = Object.values(E);

const articles = [
  { id: "bloomberg-wire", publisher: "Bloomberg", date: "2023-12-06" },
  { id: "ajot", publisher: "AJOT", date: "2023-12-07" },
  { id: "galatia", publisher: "Galatia.info", date: "2023-12-08" },
  { id: "aljazeera", publisher: "Al Jazeera", date: "2023-11-01" },
  { id: "aljazeera-2", publisher: "Al Jazeera", date: "2024-02-01" },
  { id: "politico", publisher: "Politico", date: "2024-04-10" },
  { id: "ofac", publisher: "Volkov Law", date: "2023-09-15" },
];

let offset = 0;
function claim(
  s: Entity,
  o: Entity,
  over: Partial<Claim> & { to?: Entity; through?: Entity[]; by?: Entity[] } = {},
): Claim {
  const { to, through, by, ...rest } = over;
  const doc = rest.doc ?? "aljazeera";
  const quote = rest.evidence?.quote ?? `sentence ${offset}`;
  const start = offset;
  offset += 100;
  const negated = rest.negated ?? false;
  return {
    id: claimId({
      doc,
      start,
      end: start + quote.length,
      subjectId: s.id,
      predicate: "SUPPLIES",
      objectId: o.id,
      recipientId: to?.id,
      negated,
    }),
    doc,
    subject: s.name,
    subjectId: s.id,
    predicate: "SUPPLIES",
    object: o.name,
    objectId: o.id,
    ...(to ? { recipient: to.name, recipientId: to.id } : {}),
    ...(through ? { via: through.map((e) => e.name), viaIds: through.map((e) => e.id) } : {}),
    ...(by ? { attributedTo: by.map((e) => e.name), attributedToIds: by.map((e) => e.id) } : {}),
    negated,
    hedged: false,
    confidence: 0.8,
    rule: "test",
    extractor: "test@1",
    ...rest,
    evidence: { article: doc, quote, start, end: start + quote.length, sentence: 0 },
  };
}

const facts = articleFactsOf(articles);

describe("supply flows", () => {
  const claims = [
    claim(E.ti, E.chips, { to: E.russia, through: [E.hk], doc: "bloomberg-wire", time: "2023" }),
    claim(E.nk, E.shells, { to: E.russia, time: "2023" }),
    claim(E.china, E.rifles, { to: E.russia, through: [E.turkey, E.uae], doc: "politico", time: "2022" }),
    claim(E.china, E.weapons, { to: E.russia, doc: "politico", negated: true }),
    claim(E.demirci, E.drones, { to: E.russia, doc: "ofac", by: [E.ofac] }),
  ];
  const graph = buildGraph(entities, claims, articles);

  it("a supply claim with a recipient is an edge supplier → recipient, carrying the items", () => {
    const suppliers = graph
      .inEdges(E.russia.id)
      .filter((e) => graph.getEdgeAttribute(e, "predicate") === "SUPPLIES_TO");
    expect(suppliers.map((e) => graph.source(e)).sort()).toEqual([E.china.id, E.demirci.id, E.nk.id, E.ti.id].sort());
    const nk = graph.getEdgeAttributes(linkId(E.nk.id, "SUPPLIES_TO", E.russia.id));
    expect(nk).toMatchObject({ items: ["artillery shells"], claims: 1, firstYear: 2023, lastYear: 2023 });
    // and the supplier → item link stays, for "who sends this item"
    expect(graph.hasEdge(linkId(E.nk.id, "SUPPLIES", E.shells.id))).toBe(true);
  });

  it("a route is a chain of legs supplier → intermediaries → recipient", () => {
    const legs = graph
      .filterEdges((_e, a) => a.predicate === "ROUTES_TO")
      .map(
        (e) =>
          `${graph.getNodeAttribute(graph.source(e), "name")} → ${graph.getNodeAttribute(graph.target(e), "name")}`,
      )
      .sort();
    expect(legs).toEqual([
      "China → Turkey",
      "Hong Kong → Russia",
      "Texas Instruments → Hong Kong",
      "Turkey → United Arab Emirates",
      "United Arab Emirates → Russia",
    ]);
    const leg = graph.getEdgeAttributes(linkId(E.hk.id, "ROUTES_TO", E.russia.id));
    expect(leg).toMatchObject({ items: ["chips"], routes: ["Texas Instruments → Hong Kong → Russia"] });
  });

  it("an item only denied is listed apart, and does not make the flow contested", () => {
    const china = graph.getEdgeAttributes(linkId(E.china.id, "SUPPLIES_TO", E.russia.id));
    expect(china).toMatchObject({
      items: ["assault rifles"],
      deniedItems: ["weapons"],
      contested: false,
      negated: false,
    });
  });

  it("the same aggregate whatever the claims' order", () => {
    expect(aggregateFlows([...claims].reverse(), facts)).toEqual(aggregateFlows(claims, facts));
  });
});

describe("independent supporting sources", () => {
  it("sources that deny a link contest it and are not counted as its sources", () => {
    const links = aggregateLinks(
      [
        claim(E.ti, E.chips, { to: E.hk, by: [E.ofac] }),
        claim(E.ti, E.chips, { to: E.hk, by: [E.ti], negated: true }),
        claim(E.ti, E.chips, { to: E.hk, doc: "galatia", negated: true }),
      ],
      facts,
    );
    expect(links[0]).toMatchObject({
      claims: 3,
      sources: ["Office of Foreign Assets Control"],
      sourceCount: 1,
      contestingSources: ["Galatia.info", "Texas Instruments"],
      contested: true,
    });
  });

  it("an unattributed article counts as its publisher: two articles of one outlet are one source", () => {
    const [link] = aggregateLinks(
      [claim(E.nk, E.shells, { doc: "aljazeera" }), claim(E.nk, E.shells, { doc: "aljazeera-2" })],
      facts,
    );
    expect(link).toMatchObject({ sources: ["Al Jazeera"], sourceCount: 1, articles: ["aljazeera", "aljazeera-2"] });
  });

  it("a wire story republished by several outlets is one source", () => {
    const wire = "Shipments of the semiconductors surged in the first half of the year";
    const [link] = aggregateLinks(
      ["bloomberg-wire", "ajot", "galatia"].map((doc) =>
        claim(E.ti, E.chips, { doc, evidence: { quote: wire } as never }),
      ),
      facts,
    );
    expect(link).toMatchObject({ claims: 3, sourceCount: 1, sources: ["AJOT", "Bloomberg", "Galatia.info"] });
  });

  it("names differing only in case are one source", () => {
    const [link] = aggregateLinks(
      [
        claim(E.nk, E.shells, { attributedTo: ["Reuters"], attributedToIds: ["organization:reuters"] }),
        claim(E.nk, E.shells, {
          doc: "politico",
          attributedTo: ["REUTERS"],
          attributedToIds: ["organization:reuters"],
        }),
      ],
      facts,
    );
    expect(link!.sourceCount).toBe(1);
  });
});

describe("event time and report time", () => {
  const reported = claim(E.nk, E.shells, { to: E.russia, doc: "aljazeera-2", time: "2024-02-01", timeInferred: true });
  const stated = claim(E.nk, E.shells, { to: E.russia, time: "2022-02/2022-09" });

  it("a claim whose sentence states no time has only its report time: no event year", () => {
    const [link] = aggregateLinks([reported], facts);
    expect(link).toMatchObject({
      firstYear: null,
      lastYear: null,
      claimsWithoutEventTime: 1,
      reportedFirstYear: 2024,
      reportedLastYear: 2024,
    });
  });

  it("year filters use event time: a stated 2022 range is found under 2022, a report date of 2024 is not", () => {
    const graph = buildGraph(entities, [reported, stated], articles);
    const years = (f: Record<string, unknown>) => filterGraph(graph, GraphFilterSchema.parse(f)).size;
    expect(years({ fromYear: 2022, toYear: 2022 })).toBe(2);
    expect(years({ fromYear: 2024, toYear: 2024 })).toBe(0);
  });
});

describe("filters over flows", () => {
  const claims = [
    claim(E.ti, E.chips, { to: E.russia, through: [E.hk], doc: "bloomberg-wire" }),
    claim(E.nk, E.shells, { to: E.russia }),
    claim(E.demirci, E.drones, { to: E.russia, doc: "ofac", by: [E.ofac] }),
    claim(E.china, E.weapons, { to: E.russia, doc: "politico", negated: true }),
    claim(E.china, E.weapons, { to: E.russia, doc: "aljazeera" }),
  ];
  const graph = buildGraph(entities, claims, articles);
  const names = graphFilterNames(graph, entities);
  const edges = (f: Record<string, unknown>) =>
    filterGraph(graph, GraphFilterSchema.parse(f), names)
      .mapEdges((_e, a, s, t) => `${s} ${a.predicate} ${t}`)
      .sort();

  it("relation and entity type names are accepted in any case", () => {
    expect(edges({ predicates: "supplies_to", types: "country" })).toEqual([
      "country:china SUPPLIES_TO country:russia",
      "country:north-korea SUPPLIES_TO country:russia",
    ]);
  });

  it("by recipient, item, route and supplier country", () => {
    expect(edges({ predicates: "SUPPLIES_TO", recipients: "russia" })).toHaveLength(4);
    expect(edges({ items: "artillery shells" })).toEqual([
      "country:north-korea SUPPLIES item:artillery-shells",
      "country:north-korea SUPPLIES_TO country:russia",
    ]);
    expect(edges({ via: "Hong Kong", predicates: "SUPPLIES_TO,ROUTES_TO" })).toEqual([
      "organization:texas-instruments ROUTES_TO place:hong-kong",
      "organization:texas-instruments SUPPLIES_TO country:russia",
      "place:hong-kong ROUTES_TO country:russia",
    ]);
    expect(edges({ supplierCountries: "DPRK", predicates: "SUPPLIES_TO" })).toEqual([
      "country:north-korea SUPPLIES_TO country:russia",
    ]);
  });

  it("a source is found by any of its names: OFAC is the Office of Foreign Assets Control", () => {
    expect(edges({ sources: "OFAC" })).toEqual([
      "organization:demirci SUPPLIES item:drones",
      "organization:demirci SUPPLIES_TO country:russia",
    ]);
  });

  it("hide contested leaves out a link that some sources affirm and others deny", () => {
    expect(edges({ hideContested: true })).not.toContain("country:china SUPPLIES item:weapons");
    expect(edges({ hideNegated: true })).toContain("country:china SUPPLIES item:weapons");
  });
});
