import { z } from "zod";

/**
 * A parsed article in the compact form the frames read (and the parse cache keeps): per sentence
 * its tokens with character offsets into the article text (UTF-16 code units, like JavaScript
 * string indices), lemma, part of speech and named-entity tag, the enhanced++ Universal
 * Dependencies as [governor, relation, dependent] (0-based token indices, -1 for the root), and
 * the named-entity spans with their normalised values (dates resolved against the article date).
 * About a tenth of the parser's own JSON, which repeats every token three times.
 */

export const ParsedTokenSchema = z.object({
  word: z.string(),
  lemma: z.string(),
  pos: z.string(),
  ner: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** governor in the basic dependency tree (0-based; -1: the root) */
  head: z.number().int().min(-1),
});
export type ParsedToken = z.infer<typeof ParsedTokenSchema>;

export const NamedSpanSchema = z.object({
  /** token range [begin, end) within the sentence */
  begin: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  ner: z.string(),
  /** normalised value: "2022", "2023-03", "XXXX-08" for dates; amounts for MONEY/NUMBER */
  norm: z.string().optional(),
});
export type NamedSpan = z.infer<typeof NamedSpanSchema>;

export const DependencySchema = z.tuple([z.number().int().min(-1), z.string().min(1), z.number().int().nonnegative()]);
export type Dependency = z.infer<typeof DependencySchema>;

export const ParsedSentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  tokens: z.array(ParsedTokenSchema).min(1),
  deps: z.array(DependencySchema),
  spans: z.array(NamedSpanSchema),
});
export type ParsedSentence = z.infer<typeof ParsedSentenceSchema>;

export const ParsedDocumentSchema = z.object({
  /** parser and settings that produced it, e.g. "corenlp-4.5.10/<settings hash>" */
  parser: z.string().min(1),
  sentences: z.array(ParsedSentenceSchema),
});
export type ParsedDocument = z.infer<typeof ParsedDocumentSchema>;
