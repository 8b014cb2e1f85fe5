import { z } from "zod";
import type { Link } from "./link.js";
import { EntityTypeSchema, PredicateNameSchema } from "./vocabulary.js";

/**
 * The subgraph filters shared by `kg export`, `GET /api/export`, `GET /api/graph` and the
 * viewer. Pure data + predicates so the browser and the server filter identically.
 */
const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );

export const GraphFilterSchema = z
  .object({
    /** entity id or name to centre on */
    focus: z.string().min(1).optional(),
    hops: z.coerce.number().int().min(0).max(10).default(1),
    predicates: csv(PredicateNameSchema).optional(),
    types: csv(EntityTypeSchema).optional(),
    /** attributions (who said it) */
    sources: csv(z.string().min(1)).optional(),
    fromYear: z.coerce.number().int().min(1000).max(9999).optional(),
    toYear: z.coerce.number().int().min(1000).max(9999).optional(),
    minSources: z.coerce.number().int().min(0).default(0),
    hideNegated: z
      .preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean())
      .default(false),
  })
  .strict()
  .refine((f) => f.fromYear === undefined || f.toYear === undefined || f.fromYear <= f.toYear, {
    message: "fromYear must not be after toYear",
    path: ["fromYear"],
  });
export type GraphFilter = z.infer<typeof GraphFilterSchema>;

/** Does a link pass the link-level filters (everything but focus/hops and entity types)? */
export function linkPasses(link: Link, f: GraphFilter): boolean {
  if (f.predicates && f.predicates.length > 0 && !f.predicates.includes(link.predicate)) return false;
  if (f.sources && f.sources.length > 0) {
    const wanted = new Set(f.sources.map((s) => s.toLowerCase()));
    if (!link.sources.some((s) => wanted.has(s.toLowerCase()))) return false;
  }
  if (f.fromYear !== undefined && (link.lastYear === null || link.lastYear < f.fromYear)) return false;
  if (f.toYear !== undefined && (link.firstYear === null || link.firstYear > f.toYear)) return false;
  if (link.sourceCount < f.minSources) return false;
  if (f.hideNegated && link.negated) return false;
  return true;
}
