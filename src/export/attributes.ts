import type { EntityNodeAttributes, LinkEdgeAttributes } from "../graph/build.js";

/**
 * The attributes every format exports, with one declared type each, so that GraphML keys, GEXF
 * models, CSV headers and Cypher properties agree and a round trip gives the same values.
 * Only these travel: anything else a graph picked up (layout positions, colours) stays behind.
 */
export type ScalarKind = "string" | "int" | "double" | "boolean";

export interface Column<A> {
  name: string;
  kind: ScalarKind;
  /** a list of `kind` values */
  list: boolean;
  get(attributes: A): string | number | boolean | string[] | null;
}

const col = <A>(name: string, kind: ScalarKind, get: Column<A>["get"], list = false): Column<A> => ({
  name,
  kind,
  list,
  get,
});

export const NODE_COLUMNS: ReadonlyArray<Column<EntityNodeAttributes>> = [
  col("type", "string", (a) => a.type),
  col("name", "string", (a) => a.name),
  col("aliases", "string", (a) => a.aliases ?? [], true),
  col("claims", "int", (a) => a.claims ?? 0),
];

export const EDGE_COLUMNS: ReadonlyArray<Column<LinkEdgeAttributes>> = [
  col("predicate", "string", (a) => a.predicate),
  col("claims", "int", (a) => a.claims),
  col("claimIds", "string", (a) => a.claimIds ?? [], true),
  col("sources", "string", (a) => a.sources ?? [], true),
  col("sourceCount", "int", (a) => a.sourceCount),
  col("contestingSources", "string", (a) => a.contestingSources ?? [], true),
  col("articles", "string", (a) => a.articles ?? [], true),
  col("recipients", "string", (a) => a.recipients ?? [], true),
  col("via", "string", (a) => a.via ?? [], true),
  col("routes", "string", (a) => a.routes ?? [], true),
  col("items", "string", (a) => a.items ?? [], true),
  col("deniedItems", "string", (a) => a.deniedItems ?? [], true),
  col("firstYear", "int", (a) => a.firstYear ?? null),
  col("lastYear", "int", (a) => a.lastYear ?? null),
  col("claimsWithoutEventTime", "int", (a) => a.claimsWithoutEventTime ?? 0),
  col("reportedFirstYear", "int", (a) => a.reportedFirstYear ?? null),
  col("reportedLastYear", "int", (a) => a.reportedLastYear ?? null),
  col("negatedClaims", "int", (a) => a.negatedClaims ?? 0),
  col("negated", "boolean", (a) => a.negated ?? false),
  col("contested", "boolean", (a) => a.contested ?? false),
  col("confidence", "double", (a) => a.confidence ?? 0),
];

/** Lists travel through GraphML and GEXF as JSON arrays: lossless whatever the items contain. */
export function listAsText(values: readonly string[]): string {
  return JSON.stringify(values);
}
