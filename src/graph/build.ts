import { MultiDirectedGraph } from "graphology";
import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import type { Entity } from "../model/entity.js";
import { aggregateFlows } from "../model/flow.js";
import { aggregateLinks, type Link } from "../model/link.js";
import { articleFactsOf } from "../model/sources.js";

/** Node attributes of the knowledge graph (the entity plus how much is said about it). */
export interface EntityNodeAttributes {
  type: string;
  name: string;
  aliases: string[];
  /** claims naming the entity in any role: subject, object, recipient, intermediary, source */
  claims: number;
}

/** Edge attributes: the link aggregate, without the endpoints (the graph has them). */
export type LinkEdgeAttributes = Omit<Link, "id" | "source" | "target">;

export type KnowledgeGraph = MultiDirectedGraph<EntityNodeAttributes, LinkEdgeAttributes>;

/** Entities a claim names, each once: subject, object, recipient, intermediaries, sources. */
export function claimEntityIds(c: Claim): Set<string> {
  const ids = new Set([c.subjectId, c.objectId]);
  if (c.recipientId) ids.add(c.recipientId);
  for (const id of c.viaIds ?? []) ids.add(id);
  for (const id of c.attributedToIds ?? []) ids.add(id);
  return ids;
}

/**
 * One node per entity at an end of a link, and one edge per link keyed by its link id: relation
 * links (subject, predicate, object), supply flows (supplier → recipient) and route legs
 * (src/model/flow.ts). Entities only ever named as sources are in the store, not in the graph
 * (docs/model.md, "Counts").
 */
export function buildGraph(
  entities: Iterable<Entity>,
  claims: Iterable<Claim>,
  articles: Iterable<Pick<Article, "id" | "publisher" | "date">>,
): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  const byId = new Map<string, Entity>();
  for (const e of entities) byId.set(e.id, e);
  const claimList = [...claims];
  const counts = new Map<string, number>();
  for (const c of claimList) for (const id of claimEntityIds(c)) counts.set(id, (counts.get(id) ?? 0) + 1);
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
  const facts = articleFactsOf(articles);
  for (const link of [...aggregateLinks(claimList, facts), ...aggregateFlows(claimList, facts)]) {
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
