import { z } from "zod";
import { EntityIdSchema, type EntityId } from "./entity.js";
import { stableHash } from "./hash.js";
import { PredicateNameSchema, type Vocabulary } from "./vocabulary.js";

/**
 * A claim: one assertion made in one article, with its provenance. The JSONL form is the
 * evaluation format (`doc`, `subject`, `predicate`, `object`, `recipient`, `via`,
 * `attributedTo`, `time`, `negated`, `evidence{quote,start,end}`), plus ids and qualifiers the
 * scorer ignores.
 */

/** A year, month or day, or a range of them: 2024, 2023-01, 2023-01/2023-07. */
export const TimeSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}(-\d{2}(-\d{2})?)?)?$/, "time must be ISO YYYY[-MM[-DD]] or a range A/B");

export const AmountSchema = z
  .object({
    value: z.number().finite(),
    /** "USD", "EUR", ... for money */
    currency: z.string().optional(),
    /** "%", "tons", "units", "shells", ... */
    unit: z.string().optional(),
    /** the amount as written */
    text: z.string().min(1),
  })
  .strict();
export type Amount = z.infer<typeof AmountSchema>;

export const EvidenceSchema = z
  .object({
    /** article id (same as the claim's doc) */
    article: z.string().min(1),
    /** verbatim span: text.slice(start, end) === quote */
    quote: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    /** sentence index within the article (0-based) */
    sentence: z.number().int().nonnegative(),
  })
  .strict()
  .refine((e) => e.end > e.start, { message: "end must be after start", path: ["end"] })
  .refine((e) => e.end - e.start === e.quote.length, {
    message: "end - start must equal the quote's length",
    path: ["quote"],
  });
export type Evidence = z.infer<typeof EvidenceSchema>;

const NameList = z.array(z.string().min(1));
const IdList = z.array(EntityIdSchema);

export const ClaimSchema = z
  .object({
    id: z.string().regex(/^c_[0-9a-f]{16}$/, "claim id must be c_ + 16 hex digits"),
    doc: z.string().min(1),
    subject: z.string().min(1),
    subjectId: EntityIdSchema,
    predicate: PredicateNameSchema,
    object: z.string().min(1),
    objectId: EntityIdSchema,
    /** the subject was not stated in the sentence but taken from the article around it */
    subjectInferred: z.boolean().optional(),
    recipient: z.string().min(1).optional(),
    recipientId: EntityIdSchema.optional(),
    /** the recipient was not stated in the sentence but taken from context */
    recipientInferred: z.boolean().optional(),
    via: NameList.optional(),
    viaIds: IdList.optional(),
    attributedTo: NameList.optional(),
    attributedToIds: IdList.optional(),
    time: TimeSchema.optional(),
    /** the sentence gives no time: `time` is the article's date (when it was reported) */
    timeInferred: z.boolean().optional(),
    amount: AmountSchema.optional(),
    negated: z.boolean().default(false),
    /** "reportedly", "allegedly", "may have": the source itself hedges */
    hedged: z.boolean().default(false),
    confidence: z.number().min(0).max(1),
    /** the rule or extractor stage that produced it */
    rule: z.string().min(1),
    /** extractor name@version */
    extractor: z.string().min(1),
    evidence: EvidenceSchema,
  })
  .strict()
  .superRefine((c, ctx) => {
    const pairs: Array<[string, unknown, unknown]> = [
      ["recipientId", c.recipient, c.recipientId],
      ["viaIds", c.via, c.viaIds],
      ["attributedToIds", c.attributedTo, c.attributedToIds],
    ];
    for (const [key, names, ids] of pairs) {
      const n = Array.isArray(names) ? names.length : names === undefined ? 0 : 1;
      const i = Array.isArray(ids) ? ids.length : ids === undefined ? 0 : 1;
      if (n !== i) ctx.addIssue({ code: "custom", path: [key], message: `${key} must match its names one to one` });
    }
    if (c.evidence.article !== c.doc) {
      ctx.addIssue({ code: "custom", path: ["evidence", "article"], message: "evidence.article must equal doc" });
    }
  });
export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimInput = z.input<typeof ClaimSchema>;

/**
 * Stable claim id from article + span + triple (+ recipient and polarity, which change the
 * claim's meaning): re-running the same extraction gives the same ids.
 */
export function claimId(parts: {
  doc: string;
  start: number;
  end: number;
  subjectId: EntityId;
  predicate: string;
  objectId: EntityId;
  recipientId?: EntityId | undefined;
  negated?: boolean | undefined;
}): string {
  return (
    "c_" +
    stableHash(
      parts.doc,
      parts.start,
      parts.end,
      parts.subjectId,
      parts.predicate,
      parts.objectId,
      parts.recipientId ?? "",
      parts.negated ? 1 : 0,
    )
  );
}

/** Checks what a schema cannot: the predicate belongs to the configured vocabulary. */
export function checkClaimVocabulary(c: Claim, vocabulary: Vocabulary): string | null {
  return vocabulary.relationTypes.has(c.predicate)
    ? null
    : `predicate: unknown relation type ${c.predicate} (configure it in kg.config.json relationTypes)`;
}
