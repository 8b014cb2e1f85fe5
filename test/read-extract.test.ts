import { describe, expect, it } from "vitest";
import { extractSafely } from "../ingest/read/extract-safely.js";
import type { ExtractArticle } from "../ingest/types.js";
import type { Article } from "../src/model/article.js";
import { claimId, type Claim } from "../src/model/claim.js";
import { entityId, type Entity } from "../src/model/entity.js";

/**
 * The guard around the extractor: whatever one article's extraction does (throw, return claims
 * that do not point at the text), the batch goes on and nothing invalid reaches the store.
 */

const text = "Title: T\n\nIran supplied Shahed drones to Russia in 2022.\n";
const article: Article = {
  id: "a1",
  title: "T",
  publisher: null,
  date: null,
  url: null,
  text,
  sourcePath: "a1.txt",
};
const quote = "Iran supplied Shahed drones to Russia";
const start = text.indexOf(quote);

function claim(over: Partial<Claim> = {}): Claim {
  const subjectId = entityId("Country", "Iran");
  const objectId = entityId("Item", "Shahed drones");
  const evidence = { article: "a1", quote, start, end: start + quote.length, sentence: 0, ...over.evidence };
  return {
    id: claimId({ doc: "a1", start: evidence.start, end: evidence.end, subjectId, predicate: "SUPPLIES", objectId }),
    doc: "a1",
    subject: "Iran",
    subjectId,
    predicate: "SUPPLIES",
    object: "Shahed drones",
    objectId,
    negated: false,
    hedged: false,
    confidence: 0.9,
    rule: "test",
    extractor: "test@1",
    ...over,
    evidence,
  };
}

const iran: Entity = { id: "country:iran", type: "Country", name: "Iran", aliases: [], merges: [] };

describe("extractSafely", () => {
  it("turns an exception in extraction into an error for that article", () => {
    const boom: ExtractArticle = () => {
      throw new RangeError("stack exploded");
    };
    expect(extractSafely(boom, article)).toEqual({ ok: false, message: "extraction failed: stack exploded" });
  });

  it("keeps valid claims and entities and passes the known entities on", () => {
    let seen: readonly Entity[] | undefined;
    const good: ExtractArticle = (_a, options) => {
      seen = options?.knownEntities;
      return { claims: [claim()], entities: [iran], warnings: ["w"], sentences: 1 };
    };
    const r = extractSafely(good, article, { knownEntities: [iran] });
    expect(r).toEqual({ ok: true, result: { claims: [claim()], entities: [iran], warnings: ["w"], sentences: 1 } });
    expect(seen).toEqual([iran]);
  });

  it("drops, with a warning, claims whose quote is not the text at their offsets", () => {
    const shifted = claim({
      evidence: { article: "a1", quote, start: start + 1, end: start + 1 + quote.length, sentence: 0 },
    });
    const otherDoc = claim({
      doc: "a2",
      evidence: { article: "a2", quote, start, end: start + quote.length, sentence: 0 },
    });
    const lying: ExtractArticle = () => ({
      claims: [shifted, otherDoc, claim()],
      entities: [],
      warnings: [],
      sentences: 1,
    });
    const r = extractSafely(lying, article);
    if (!r.ok) throw new Error(r.message);
    expect(r.result.claims).toEqual([claim()]);
    expect(r.result.warnings).toHaveLength(2);
    expect(r.result.warnings[0]).toMatch(/dropped claim c_[0-9a-f]{16}: its evidence is not the article's text/);
  });

  it("drops claims and entities that break the model, naming the field", () => {
    const badPredicate = { ...claim(), predicate: "supplies" } as Claim;
    const badEntity = { ...iran, id: "country:persia" };
    const broken: ExtractArticle = () => ({
      claims: [badPredicate],
      entities: [badEntity],
      warnings: [],
      sentences: 1,
    });
    const r = extractSafely(broken, article);
    if (!r.ok) throw new Error(r.message);
    expect(r.result.claims).toEqual([]);
    expect(r.result.entities).toEqual([]);
    expect(r.result.warnings).toEqual([
      expect.stringMatching(/invalid claim .*predicate: relation type must be UPPER_SNAKE_CASE/),
      expect.stringMatching(/invalid entity country:persia: id: .*does not match/),
    ]);
  });
});
