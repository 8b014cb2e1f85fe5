import { z } from "zod";
import { ArticleSchema } from "./article.js";
import { ClaimSchema } from "./claim.js";
import { EntitySchema } from "./entity.js";
import { LinkSchema } from "./link.js";

/** The HTTP API contract between `kg serve` and the viewer. */

export const GraphNodeSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  /** claims in which the entity is subject or object */
  claims: z.number().int().nonnegative(),
  degree: z.number().int().nonnegative(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphResponseSchema = z.object({
  nodes: z.array(GraphNodeSchema),
  links: z.array(LinkSchema),
  meta: z.object({
    backend: z.enum(["store", "neo4j"]),
    articles: z.number().int().nonnegative(),
    claims: z.number().int().nonnegative(),
    /** true when Neo4j is connected: expand and Cypher are available */
    neo4j: z.boolean(),
  }),
});
export type GraphResponse = z.infer<typeof GraphResponseSchema>;

export const ArticleRefSchema = ArticleSchema.pick({ id: true, title: true, publisher: true, date: true, url: true });
export type ArticleRef = z.infer<typeof ArticleRefSchema>;

export const ClaimWithArticleSchema = z.object({ claim: ClaimSchema, article: ArticleRefSchema.nullable() });
export type ClaimWithArticle = z.infer<typeof ClaimWithArticleSchema>;

export const EntityResponseSchema = z.object({
  entity: EntitySchema,
  claims: z.array(ClaimWithArticleSchema),
  /** claims about the entity in all (`claims` is one page of them: ?limit=&offset=) */
  total: z.number().int().nonnegative().optional(),
});
export type EntityResponse = z.infer<typeof EntityResponseSchema>;

export const EvidenceResponseSchema = z.object({
  link: LinkSchema,
  claims: z.array(ClaimWithArticleSchema),
  /** claims behind the link in all (`claims` is one page of them: ?limit=&offset=) */
  total: z.number().int().nonnegative().optional(),
});
export type EvidenceResponse = z.infer<typeof EvidenceResponseSchema>;

export const SearchResponseSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      aliases: z.array(z.string()),
      /** the alias that matched, when not the name */
      matched: z.string().optional(),
    }),
  ),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const QueryRequestSchema = z
  .object({
    cypher: z.string().min(1).max(100_000),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type QueryRequest = z.infer<typeof QueryRequestSchema>;

export const QueryResponseSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  nodes: z.array(GraphNodeSchema),
  links: z.array(
    LinkSchema.partial().extend({ id: z.string(), source: z.string(), target: z.string(), predicate: z.string() }),
  ),
  truncated: z.boolean(),
  /** which limit stopped the result: the row limit or the byte limit */
  truncatedBy: z.enum(["rows", "bytes"]).optional(),
});
export type QueryResponse = z.infer<typeof QueryResponseSchema>;

export const HealthResponseSchema = z.object({
  ok: z.boolean(),
  backend: z.enum(["store", "neo4j"]),
  articles: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  /** Neo4j connected (Cypher queries available) */
  neo4j: z.boolean(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

export const ApiErrorSchema = z.object({
  error: z.string(),
  /** field paths and messages for invalid input */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
