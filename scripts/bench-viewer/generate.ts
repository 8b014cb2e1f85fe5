import type { GraphResponse } from "../../src/model/api.js";
import { emptyLinkAggregate } from "../../src/model/link.js";
import { DEFAULT_ENTITY_TYPES, DEFAULT_RELATION_TYPES } from "../../src/model/vocabulary.js";
import { seededRandom } from "../gen/random.js";

/**
 * A seeded synthetic graph in the API's shape (GET /api/graph), so the viewer and bare sigma
 * draw exactly the same data. Targets are drawn with a skew (r²) so that hubs appear, as in
 * real supply graphs where a few countries and firms carry most links.
 */

const hex16 = (n: number) => n.toString(16).padStart(16, "0");

export function generateGraph(nodes: number, linksPerNode = 5, seed = 42): GraphResponse {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sources = Array.from({ length: 60 }, (_, i) => `Source ${i + 1}`);
  const predicates = DEFAULT_RELATION_TYPES.map((r) => r.name);
  const types = DEFAULT_ENTITY_TYPES;
  const out: GraphResponse = {
    nodes: [],
    links: [],
    meta: { backend: "store", articles: nodes, entities: nodes, claims: nodes * linksPerNode, neo4j: false },
  };
  const degree = new Array<number>(nodes).fill(0);
  const ids: string[] = [];
  for (let i = 0; i < nodes; i++) {
    const type = pick(types);
    ids.push(`${type.toLowerCase()}:n${i}`);
  }
  const seen = new Set<string>();
  let k = 0;
  for (let i = 0; i < nodes; i++) {
    for (let j = 0; j < linksPerNode; j++) {
      const t = Math.floor(nodes * rand() * rand());
      if (t === i) continue;
      const predicate = pick(predicates);
      const key = `${i}|${predicate}|${t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sourceCount = 1 + Math.floor(rand() * rand() * 4);
      const claims = sourceCount + Math.floor(rand() * 2);
      const negatedClaims = rand() < 0.03 ? claims : rand() < 0.03 ? 1 : 0;
      const year = 2015 + Math.floor(rand() * 11);
      out.links.push({
        ...emptyLinkAggregate(),
        id: `l_${hex16(k++)}`,
        source: ids[i]!,
        target: ids[t]!,
        predicate,
        claims,
        claimIds: [],
        sources: Array.from({ length: sourceCount }, () => pick(sources)).filter((s, x, a) => a.indexOf(s) === x),
        sourceCount,
        articles: [],
        recipients: [],
        via: [],
        firstYear: year,
        lastYear: year + Math.floor(rand() * 2),
        negatedClaims,
        negated: negatedClaims === claims,
        contested: negatedClaims > 0 && negatedClaims < claims,
        confidence: 0.5 + rand() / 2,
      });
      degree[i]!++;
      degree[t]!++;
    }
  }
  out.nodes = ids.map((id, i) => {
    const [prefix] = id.split(":");
    const type = types.find((x) => x.toLowerCase() === prefix)!;
    return { id, type, name: `${type} ${i}`, aliases: [], claims: degree[i]! * 2, degree: degree[i]! };
  });
  return out;
}
