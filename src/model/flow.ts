import type { Claim } from "./claim.js";
import { finishLinks, linkId, LinkAccumulator, type AggregatedClaim, type Link } from "./link.js";
import type { ArticleFactsLookup } from "./sources.js";
import { FLOW_PREDICATE, FLOW_RELATION, ROUTE_PREDICATE } from "./vocabulary.js";

/**
 * Supply flows: who supplies whom, as edges between the parties rather than an attribute of
 * the supplier → item link. A supply claim that names a recipient ("China supplies machine tools
 * to Russia") also makes the flow China -[SUPPLIES_TO]-> Russia, which carries the items; one
 * that names a route ("through Turkey and the UAE") also makes its legs China -[ROUTES_TO]->
 * Turkey -[ROUTES_TO]-> UAE -[ROUTES_TO]-> Russia. The supplier → item link stays, for "who
 * makes or sends this item". Flows aggregate their claims exactly as links do (link.ts).
 */

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
}

export interface ClaimFlows {
  /** supplier → recipient, when the claim names a recipient other than the supplier */
  flow: FlowEdge | null;
  /** supplier → intermediaries (→ recipient), when the claim names intermediaries */
  legs: FlowEdge[];
}

const NONE: ClaimFlows = { flow: null, legs: [] };

export function flowEdge(source: string, predicate: string, target: string): FlowEdge {
  return { id: linkId(source, predicate, target), source, target };
}

/** The flow and route legs a claim makes (none for claims of other relations). */
export function claimFlows(c: Pick<Claim, "predicate" | "subjectId" | "recipientId" | "viaIds">): ClaimFlows {
  if (c.predicate !== FLOW_RELATION) return NONE;
  const flow =
    c.recipientId !== undefined && c.recipientId !== c.subjectId
      ? flowEdge(c.subjectId, FLOW_PREDICATE, c.recipientId)
      : null;
  const legs: FlowEdge[] = [];
  if (c.viaIds && c.viaIds.length > 0) {
    const stops = [c.subjectId, ...c.viaIds, ...(c.recipientId ? [c.recipientId] : [])];
    const seen = new Set<string>();
    for (let i = 0; i + 1 < stops.length; i++) {
      const [a, b] = [stops[i]!, stops[i + 1]!];
      if (a === b) continue;
      const leg = flowEdge(a, ROUTE_PREDICATE, b);
      if (seen.has(leg.id)) continue;
      seen.add(leg.id);
      legs.push(leg);
    }
  }
  return flow || legs.length > 0 ? { flow, legs } : NONE;
}

/** Flows and route legs of the claims, aggregated like links, in a stable order. */
export function aggregateFlows(claims: Iterable<AggregatedClaim>, facts: ArticleFactsLookup): Link[] {
  const acc = new Map<string, LinkAccumulator>();
  const add = (e: FlowEdge, predicate: string, c: AggregatedClaim) => {
    let a = acc.get(e.id);
    if (!a) acc.set(e.id, (a = new LinkAccumulator(e.source, e.target, predicate)));
    a.add(c, facts, { id: c.objectId, name: c.object });
  };
  for (const c of claims) {
    const { flow, legs } = claimFlows(c);
    if (flow) add(flow, FLOW_PREDICATE, c);
    for (const leg of legs) add(leg, ROUTE_PREDICATE, c);
  }
  return finishLinks(acc);
}
