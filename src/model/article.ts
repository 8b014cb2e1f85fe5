import { z } from "zod";

/** An article as ingested. `text` is the original file text (offsets in claims point into it). */
export const ArticleSchema = z
  .object({
    /** file name without extension for files; the `id` field for JSONL input */
    id: z.string().min(1).max(512),
    title: z.string().nullable().default(null),
    publisher: z.string().nullable().default(null),
    /** ISO date (YYYY-MM-DD) when known */
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "date must be ISO: YYYY, YYYY-MM or YYYY-MM-DD")
      .nullable()
      .default(null),
    url: z.string().nullable().default(null),
    /** the text claims' evidence offsets refer to */
    text: z.string(),
    /** where it was read from (a path, "-" for stdin, or "path:line" for JSONL) */
    sourcePath: z.string().nullable().default(null),
  })
  .strict();
export type Article = z.infer<typeof ArticleSchema>;
export type ArticleInput = z.input<typeof ArticleSchema>;
