import { filterGraph } from "../graph/filter.js";
import type { KnowledgeGraph } from "../graph/build.js";
import type { GraphFilter } from "../model/filter.js";
import { readGraph, storeExists } from "../store/store.js";

/** The store's graph narrowed by a filter (focus/hops, predicates, types, sources, years, ...). */
export async function storeSubgraph(dir: string, filter: GraphFilter): Promise<KnowledgeGraph> {
  if (!(await storeExists(dir))) throw new Error(`--data ${dir}: no store here (run \`kg ingest\` first)`);
  return filterGraph(await readGraph(dir), filter);
}
