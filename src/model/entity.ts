import { z } from "zod";
import { slugify } from "./names.js";
import { EntityTypeSchema, type EntityType } from "./vocabulary.js";

/** `country:china`, `item:ammonium-perchlorate`: readable, stable, derived from type + name. */
export const EntityIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*:[a-z0-9][a-z0-9-]*$/, "entity id must look like type:slug");
export type EntityId = z.infer<typeof EntityIdSchema>;

export function entityId(type: EntityType, canonicalName: string): EntityId {
  return `${type.toLowerCase()}:${slugify(canonicalName)}`;
}

/** Why an alias was merged into an entity: kept so an analyst can audit every merge. */
export const MergeReasonSchema = z
  .object({
    alias: z.string().min(1),
    reason: z.string().min(1),
    /** article where the merge was first justified, when it came from text */
    article: z.string().optional(),
  })
  .strict();
export type MergeReason = z.infer<typeof MergeReasonSchema>;

export const EntitySchema = z
  .object({
    id: EntityIdSchema,
    type: EntityTypeSchema,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    merges: z.array(MergeReasonSchema).default([]),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.id !== entityId(e.type, e.name)) {
      ctx.addIssue({
        code: "custom",
        path: ["id"],
        message: `id ${e.id} does not match type+name (expected ${entityId(e.type, e.name)})`,
      });
    }
  });
export type Entity = z.infer<typeof EntitySchema>;
export type EntityInput = z.input<typeof EntitySchema>;

/** Union of two records of the same entity; aliases and merge reasons are deduplicated and sorted. */
export function mergeEntities(a: Entity, b: Entity): Entity {
  if (a.id !== b.id) throw new Error(`cannot merge ${a.id} with ${b.id}`);
  const aliases = [...new Set([...a.aliases, ...b.aliases])].filter((x) => x !== a.name).sort();
  const seen = new Set<string>();
  const merges = [...a.merges, ...b.merges]
    .filter((m) => {
      const k = `${m.alias}\u0001${m.reason}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((x, y) => x.alias.localeCompare(y.alias) || x.reason.localeCompare(y.reason));
  return { ...a, aliases, merges };
}
