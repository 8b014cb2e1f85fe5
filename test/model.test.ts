import { describe, expect, it } from "vitest";
import {
  ArticleSchema,
  ClaimSchema,
  claimId,
  checkClaimVocabulary,
  createVocabulary,
  DEFAULT_VOCABULARY,
  entityId,
  EntitySchema,
  parseAt,
  parseJsonl,
  stableHash,
  ValidationError,
  type ClaimInput,
} from "../src/model/index.js";

const text =
  "The Center for Strategic and International Studies found that in 2024, China increased sales of ammonium perchlorate.";
const quote = "China increased sales of ammonium perchlorate";
const start = text.indexOf(quote);

function goodClaim(over: Partial<ClaimInput> = {}): ClaimInput {
  const subjectId = entityId("Country", "China");
  const objectId = entityId("Item", "ammonium perchlorate");
  return {
    id: claimId({ doc: "a1", start, end: start + quote.length, subjectId, predicate: "SUPPLIES", objectId }),
    doc: "a1",
    subject: "China",
    subjectId,
    predicate: "SUPPLIES",
    object: "ammonium perchlorate",
    objectId,
    recipient: "Russia",
    recipientId: entityId("Country", "Russia"),
    attributedTo: ["CSIS"],
    attributedToIds: [entityId("Organization", "CSIS")],
    time: "2024",
    confidence: 0.9,
    rule: "verb-frame:increase-sales",
    extractor: "kg-rules@0.1.0",
    evidence: { article: "a1", quote, start, end: start + quote.length, sentence: 0 },
    ...over,
  };
}

describe("claim schema", () => {
  it("accepts a well-formed claim and fills defaults", () => {
    const c = ClaimSchema.parse(goodClaim());
    expect(c.negated).toBe(false);
    expect(c.hedged).toBe(false);
    expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
  });

  it.each([
    [{ predicate: "supplies" }, "predicate"],
    [{ confidence: 1.5 }, "confidence"],
    [{ time: "last year" }, "time"],
    [{ subjectId: "China" }, "subjectId"],
    [{ recipientId: undefined }, "recipientId"],
    [{ evidence: { article: "a1", quote, start: 10, end: 5, sentence: 0 } }, "evidence.end"],
    [{ evidence: { article: "a1", quote, start, end: start + 3, sentence: 0 } }, "evidence.quote"],
    [{ evidence: { article: "other", quote, start, end: start + quote.length, sentence: 0 } }, "evidence.article"],
    [{ unexpected: 1 } as never, ""],
  ])("rejects %j naming the field", (over, field) => {
    const r = ClaimSchema.safeParse(goodClaim(over));
    expect(r.success).toBe(false);
    try {
      parseAt(ClaimSchema, goodClaim(over), "claims.jsonl:7");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const err = e as ValidationError;
      expect(err.message).toMatch(/^claims\.jsonl:7: /);
      if (field) expect(err.issues.map((i) => i.path)).toContain(field);
    }
  });

  it("reports the line of a bad record in JSONL", () => {
    const lines = [JSON.stringify(goodClaim()), "", JSON.stringify(goodClaim({ object: "" }))].join("\n");
    expect(() => [...parseJsonl(ClaimSchema, lines, "out/claims.jsonl")]).toThrow(/^out\/claims\.jsonl:3: object: /);
    expect(() => [...parseJsonl(ClaimSchema, "{not json", "x.jsonl")]).toThrow(/^x\.jsonl:1: invalid JSON/);
  });

  it("checks the predicate against the configured vocabulary", () => {
    const c = ClaimSchema.parse(goodClaim({ predicate: "FINANCES" }));
    expect(checkClaimVocabulary(c, DEFAULT_VOCABULARY)).toMatch(/unknown relation type FINANCES/);
    const extended = createVocabulary({
      relationTypes: [
        {
          name: "FINANCES",
          description: "pays for",
          reading: "funder → project",
          symmetric: false,
          hasRecipient: false,
        },
      ],
    });
    expect(checkClaimVocabulary(c, extended)).toBeNull();
    expect(DEFAULT_VOCABULARY.relationTypes.size).toBe(10);
  });

  it("refuses vocabulary entries that are not identifiers", () => {
    expect(() =>
      createVocabulary({
        relationTypes: [
          { name: "X`]->() DETACH DELETE n//", description: "", reading: "", symmetric: false, hasRecipient: false },
        ],
      }),
    ).toThrow();
    expect(() => createVocabulary({ entityTypes: ["Vessel:Admin"] })).toThrow();
  });
});

describe("articles and entities", () => {
  it("defaults missing metadata to null and rejects a non-ISO date", () => {
    const a = ArticleSchema.parse({ id: "x", text: "t" });
    expect(a).toMatchObject({ title: null, publisher: null, date: null, url: null });
    expect(() => parseAt(ArticleSchema, { id: "x", text: "t", date: "4 Feb 2026" }, "a.jsonl:2")).toThrow(
      /a\.jsonl:2: date: /,
    );
  });

  it("requires an entity id derived from its type and name", () => {
    expect(EntitySchema.parse({ id: "country:china", type: "Country", name: "China" }).aliases).toEqual([]);
    expect(() => parseAt(EntitySchema, { id: "country:prc", type: "Country", name: "China" }, "e.jsonl:1")).toThrow(
      /e\.jsonl:1: id: /,
    );
  });
});

describe("stable ids", () => {
  it("derives entity ids from type and canonical name, folding case, accents and punctuation", () => {
    expect(entityId("Country", "China")).toBe("country:china");
    expect(entityId("Organization", "Foreign Intelligence Service of Ukraine")).toBe(
      "organization:foreign-intelligence-service-of-ukraine",
    );
    expect(entityId("Place", "Zaporizhzhia’s")).toBe(entityId("Place", "zaporizhzhia's"));
    expect(entityId("Person", "Sergei Lavrov")).not.toBe(entityId("Organization", "Sergei Lavrov"));
  });

  it("gives the same claim id for the same article, span and triple, and a new one otherwise", () => {
    const base = {
      doc: "a",
      start: 5,
      end: 20,
      subjectId: "country:china",
      predicate: "SUPPLIES",
      objectId: "item:optics",
    };
    expect(claimId(base)).toBe(claimId({ ...base }));
    expect(claimId(base)).toMatch(/^c_[0-9a-f]{16}$/);
    const variants = [
      { ...base, doc: "b" },
      { ...base, start: 6 },
      { ...base, end: 21 },
      { ...base, predicate: "USES" },
      { ...base, objectId: "item:optic" },
      { ...base, negated: true },
      { ...base, recipientId: "country:russia" },
    ];
    const ids = new Set([claimId(base), ...variants.map((v) => claimId(v))]);
    expect(ids.size).toBe(variants.length + 1);
  });

  it("spreads hashes: no collision over 200,000 similar inputs", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(stableHash("doc", i, "country:china"));
    expect(seen.size).toBe(200_000);
  });
});
