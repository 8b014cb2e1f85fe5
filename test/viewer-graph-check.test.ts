import { describe, expect, it } from "vitest";
import { GraphResponseSchema, type GraphResponse } from "../src/model/api.js";
import { checkGraphResponse, ContractError } from "../viewer/src/api/graph-check.js";
import { generateGraph } from "../scripts/bench-viewer/generate.js";

/** The viewer's fast GraphResponse check must accept and refuse what the zod contract does. */
const valid = (): GraphResponse => JSON.parse(JSON.stringify(generateGraph(30, 3, 7))) as GraphResponse;

type Mutation = [string, (g: GraphResponse & Record<string, unknown>) => void, string];

const mutations: Mutation[] = [
  ["missing links", (g) => delete (g as Partial<GraphResponse>).links, "links"],
  ["node name not a string", (g) => ((g.nodes[3] as unknown as Record<string, unknown>).name = 5), "nodes[3].name"],
  ["negative degree", (g) => (g.nodes[0]!.degree = -1), "nodes[0].degree"],
  ["alias not a string", (g) => ((g.nodes[1]!.aliases as unknown[]) = [null]), "nodes[1].aliases[0]"],
  ["bad link id", (g) => (g.links[2]!.id = "l_xyz"), "links[2].id"],
  ["bad entity id", (g) => (g.links[4]!.source = "China"), "links[4].source"],
  ["lower-case predicate", (g) => (g.links[1]!.predicate = "supplies"), "links[1].predicate"],
  ["fractional sourceCount", (g) => (g.links[0]!.sourceCount = 1.5), "links[0].sourceCount"],
  ["string year", (g) => ((g.links[5] as unknown as Record<string, unknown>).firstYear = "2024"), "links[5].firstYear"],
  ["confidence above 1", (g) => (g.links[6]!.confidence = 1.2), "links[6].confidence"],
  [
    "negated not boolean",
    (g) => ((g.links[7] as unknown as Record<string, unknown>).negated = "false"),
    "links[7].negated",
  ],
  ["unknown link field", (g) => ((g.links[8] as unknown as Record<string, unknown>).weight = 1), "links[8].weight"],
  ["bad backend", (g) => ((g.meta as Record<string, unknown>).backend = "mysql"), "meta.backend"],
  ["item not a string", (g) => ((g.links[9]!.items as unknown[]) = [3]), "links[9].items[0]"],
  [
    "missing contesting sources",
    (g) => delete (g.links[3] as Partial<GraphResponse["links"][number]>).contestingSources,
    "links[3].contestingSources",
  ],
  [
    "negative claims without event time",
    (g) => (g.links[2]!.claimsWithoutEventTime = -1),
    "links[2].claimsWithoutEventTime",
  ],
  ["missing entities count", (g) => delete (g.meta as Partial<GraphResponse["meta"]>).entities, "meta.entities"],
];

describe("viewer GraphResponse check", () => {
  it("accepts what zod accepts and returns it unchanged", () => {
    const g = valid();
    expect(GraphResponseSchema.safeParse(g).success).toBe(true);
    expect(checkGraphResponse(g)).toEqual(GraphResponseSchema.parse(g));
  });

  it.each(mutations)("refuses %s, as zod does, naming the field", (_name, mutate, path) => {
    const g = valid() as GraphResponse & Record<string, unknown>;
    mutate(g);
    expect(GraphResponseSchema.safeParse(g).success).toBe(false);
    let error: unknown;
    try {
      checkGraphResponse(g);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContractError);
    expect((error as ContractError).path).toBe(path);
  });

  it("refuses a body that is not an object", () => {
    expect(() => checkGraphResponse(null)).toThrow(ContractError);
    expect(() => checkGraphResponse([])).toThrow(/body: expected an object/);
  });
});
