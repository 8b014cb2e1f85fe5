import { MultiDirectedGraph } from "graphology";
import type { ArticleRef, ClaimWithArticle, GraphNode, GraphResponse } from "../model/api.js";
import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import { compileLinkFilter, compileTypeFilter, type FilterNames, type GraphFilter } from "../model/filter.js";
import type { Link } from "../model/link.js";
import type { KnowledgeGraph } from "../graph/build.js";

/** Shapes graphs and store records into the API's response types. */

export function graphResponse(graph: KnowledgeGraph, meta: GraphResponse["meta"]): GraphResponse {
  const nodes: GraphNode[] = graph.mapNodes((id, a) => ({
    id,
    type: a.type,
    name: a.name,
    aliases: a.aliases,
    claims: a.claims,
    degree: graph.degree(id),
  }));
  const links: Link[] = graph.mapEdges((id, a, source, target) => ({ id, source, target, ...a }));
  return { nodes, links, meta };
}

/**
 * The response for the link-level and type filters (no focus), straight from the full graph: the
 * same nodes, links and degrees as graphResponse(filterGraph(graph, filter)), without building
 * a filtered graph first (which costs more than the filtering on a large graph).
 */
export function filteredGraphResponse(
  graph: KnowledgeGraph,
  filter: GraphFilter,
  meta: GraphResponse["meta"],
  names?: FilterNames,
): GraphResponse {
  const types = compileTypeFilter(filter);
  const typeOk = (id: string) => !types || types(graph.getNodeAttribute(id, "type"));
  const linkPasses = compileLinkFilter(filter, names);
  const links: Link[] = [];
  const degree = new Map<string, number>();
  graph.forEachEdge((id, a, source, target) => {
    if (!typeOk(source) || !typeOk(target)) return;
    const link: Link = { id, source, target, ...a };
    if (!linkPasses(link)) return;
    links.push(link);
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  });
  const nodes: GraphNode[] = [];
  // in the full graph's node order (filterGraph's is edge order: only the order differs)
  graph.forEachNode((id, a) => {
    const d = degree.get(id);
    if (d !== undefined)
      nodes.push({ id, type: a.type, name: a.name, aliases: a.aliases, claims: a.claims, degree: d });
  });
  return { nodes, links, meta };
}

export function articleRef(a: Article | undefined): ArticleRef | null {
  return a ? { id: a.id, title: a.title, publisher: a.publisher, date: a.date, url: a.url } : null;
}

export function withArticles(claims: Iterable<Claim>, articles: ReadonlyMap<string, Article>): ClaimWithArticle[] {
  const out: ClaimWithArticle[] = [];
  for (const claim of claims) out.push({ claim, article: articleRef(articles.get(claim.doc)) });
  return out;
}

/**
 * The neighbourhood of one node within `hops`, walking only links that pass the filter (and
 * whose ends have an allowed type), with every passing link among the nodes reached — the same
 * subgraph filterGraph gives with `focus`, but touching only the nodes reached, not the whole graph.
 */
export function neighborhood(
  graph: KnowledgeGraph,
  focus: string,
  filter: GraphFilter,
  names?: FilterNames,
): KnowledgeGraph {
  const types = compileTypeFilter(filter);
  const typeOk = (id: string) => !types || types(graph.getNodeAttribute(id, "type"));
  const linkPasses = compileLinkFilter(filter, names);
  const edgeOk = (id: string, source: string, target: string) =>
    typeOk(source) && typeOk(target) && linkPasses({ id, source, target, ...graph.getEdgeAttributes(id) });

  const keep = new Set([focus]);
  let frontier = [focus];
  for (let hop = 0; hop < filter.hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (id, _a, source, target) => {
        const other = source === n ? target : source;
        if (keep.has(other) || !edgeOk(id, source, target)) return;
        keep.add(other);
        next.push(other);
      });
    }
    frontier = next;
  }
  const out: KnowledgeGraph = new MultiDirectedGraph();
  for (const n of keep) out.addNode(n, graph.getNodeAttributes(n));
  for (const n of keep) {
    graph.forEachOutEdge(n, (id, a, source, target) => {
      if (keep.has(target) && edgeOk(id, source, target)) out.addDirectedEdgeWithKey(id, source, target, a);
    });
  }
  return out;
}
