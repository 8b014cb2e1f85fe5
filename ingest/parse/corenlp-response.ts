import { z } from "zod";
import type { Dependency, NamedSpan, ParsedDocument, ParsedSentence } from "./parsed.js";

/**
 * The part of CoreNLP's JSON output that kg reads, validated where it enters: a server of another
 * version or with other annotators fails here with the field named, not later as a wrong claim.
 */

const Token = z.object({
  index: z.number().int().positive(),
  word: z.string(),
  lemma: z.string(),
  pos: z.string(),
  ner: z.string().optional(),
  characterOffsetBegin: z.number().int().nonnegative(),
  characterOffsetEnd: z.number().int().nonnegative(),
});

const Dep = z.object({
  dep: z.string().min(1),
  governor: z.number().int().nonnegative(),
  dependent: z.number().int().positive(),
});

const Mention = z.object({
  tokenBegin: z.number().int().nonnegative(),
  tokenEnd: z.number().int().nonnegative(),
  ner: z.string(),
  normalizedNER: z.string().optional(),
});

const Sentence = z.object({
  index: z.number().int().nonnegative(),
  tokens: z.array(Token),
  basicDependencies: z.array(Dep),
  enhancedPlusPlusDependencies: z.array(Dep),
  entitymentions: z.array(Mention).default([]),
});

export const CoreNlpResponseSchema = z.object({ sentences: z.array(Sentence) });
export type CoreNlpResponse = z.infer<typeof CoreNlpResponseSchema>;

/** CoreNLP's JSON (tokens 1-based, governor 0 = root) → the compact parse (0-based, root -1). */
export function compactParse(response: CoreNlpResponse, parser: string): ParsedDocument {
  const sentences: ParsedSentence[] = [];
  for (const s of response.sentences) {
    if (s.tokens.length === 0) continue;
    const head = new Map(s.basicDependencies.map((d) => [d.dependent, d.governor]));
    const tokens = s.tokens.map((t) => ({
      word: t.word,
      lemma: t.lemma,
      pos: t.pos,
      ner: t.ner ?? "O",
      start: t.characterOffsetBegin,
      end: t.characterOffsetEnd,
      head: (head.get(t.index) ?? 0) - 1,
    }));
    const deps: Dependency[] = s.enhancedPlusPlusDependencies
      .filter((d) => d.dependent <= tokens.length && d.governor <= tokens.length)
      .map((d) => [d.governor - 1, d.dep, d.dependent - 1]);
    const spans: NamedSpan[] = s.entitymentions
      .filter((m) => m.tokenEnd > m.tokenBegin && m.tokenEnd <= tokens.length)
      .map((m) => ({
        begin: m.tokenBegin,
        end: m.tokenEnd,
        ner: m.ner,
        ...(m.normalizedNER ? { norm: m.normalizedNER } : {}),
      }));
    sentences.push({
      index: sentences.length,
      start: tokens[0]!.start,
      end: tokens[tokens.length - 1]!.end,
      tokens,
      deps,
      spans,
    });
  }
  return { parser, sentences };
}
