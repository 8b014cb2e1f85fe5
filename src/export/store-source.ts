import path from "node:path";
import { filterGraph, graphFilterNames } from "../graph/filter.js";
import type { KnowledgeGraph } from "../graph/build.js";
import { z } from "zod";
import { EntityIdSchema } from "../model/entity.js";
import type { FilterNames, GraphFilter } from "../model/filter.js";
import { readJsonlArray } from "../store/jsonl.js";
import { readGraph, STORE_FILES, storeExists } from "../store/store.js";

/** What name resolution reads of an entity record (the rest is the store's business). */
const NamedEntitySchema = z.object({
  id: EntityIdSchema,
  type: z.string(),
  name: z.string(),
  aliases: z.array(z.string()).default([]),
});

/**
 * The store's whole graph, and what filter values stand for in it: any entity's name or alias,
 * sources' included (the store's entities are read for them: "OFAC" is an alias of the Office of
 * Foreign Assets Control, which is only ever named as a source).
 */
export async function storeGraph(dir: string): Promise<{ graph: KnowledgeGraph; names: FilterNames }> {
  if (!(await storeExists(dir))) throw new Error(`--data ${dir}: no store here (run \`kg ingest\` first)`);
  const graph = await readGraph(dir);
  const entities = await readJsonlArray(path.join(dir, STORE_FILES.entities), NamedEntitySchema);
  return { graph, names: graphFilterNames(graph, entities) };
}

/** The store's graph narrowed by a filter (focus/hops, predicates, types, sources, years, ...). */
export async function storeSubgraph(dir: string, filter: GraphFilter): Promise<KnowledgeGraph> {
  const { graph, names } = await storeGraph(dir);
  return filterGraph(graph, filter, names);
}
