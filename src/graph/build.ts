import { MultiDirectedGraph } from "graphology";
import type { Claim } from "../model/claim.js";
import type { Entity } from "../model/entity.js";
import { aggregateLinks, type Link } from "../model/link.js";

/** Node attributes of the knowledge graph (the entity plus how much is said about it). */
export interface EntityNodeAttributes {
  type: string;
  name: string;
  aliases: string[];
  /** claims in which the entity is subject or object */
  claims: number;
}

/** Edge attributes: the link aggregate, without the endpoints (the graph has them). */
export type LinkEdgeAttributes = Omit<Link, "id" | "source" | "target">;

export type KnowledgeGraph = MultiDirectedGraph<EntityNodeAttributes, LinkEdgeAttributes>;

/**
 * One node per entity that takes part in a claim, one edge per (subject, predicate, object)
 * link keyed by its link id. Entities only named as source, recipient or intermediary are
 * nodes too, so that filters by recipient or via can show them.
 */
export function buildGraph(entities: Iterable<Entity>, claims: Iterable<Claim>): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  const byId = new Map<string, Entity>();
  for (const e of entities) byId.set(e.id, e);
  const claimList = [...claims];
  const counts = new Map<string, number>();
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const c of claimList) {
    bump(c.subjectId);
    if (c.objectId !== c.subjectId) bump(c.objectId);
  }
  const addNode = (id: string) => {
    if (graph.hasNode(id)) return;
    const e = byId.get(id);
    const [type, slug] = id.split(":");
    graph.addNode(id, {
      type: e?.type ?? capitalise(type ?? "Entity"),
      name: e?.name ?? slug ?? id,
      aliases: e?.aliases ?? [],
      claims: counts.get(id) ?? 0,
    });
  };
  for (const link of aggregateLinks(claimList)) {
    addNode(link.source);
    addNode(link.target);
    const { id, source, target, ...attributes } = link;
    graph.addDirectedEdgeWithKey(id, source, target, attributes);
  }
  return graph;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Links of a graph, in edge order, as model objects. */
export function graphLinks(graph: KnowledgeGraph): Link[] {
  return graph.mapEdges((id, attributes, source, target) => ({ id, source, target, ...attributes }));
}
