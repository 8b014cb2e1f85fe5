import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ClaimSchema } from "../src/model/claim.js";
import { EntitySchema, entityId } from "../src/model/entity.js";
import type { Article } from "../src/model/article.js";
import { extractArticle } from "./pipeline.js";

const article = (id: string, text: string, date: string | null = null): Article => ({
  id,
  title: null,
  publisher: null,
  date,
  url: null,
  text,
  sourcePath: null,
});

const seedsDir = new URL("../examples/articles/", import.meta.url);
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => article(f.slice(0, -4), readFileSync(new URL(f, seedsDir), "utf8")));

describe("extractArticle output", () => {
  it("gives byte-identical output for the same input", () => {
    for (const a of seeds) {
      const one = JSON.stringify(extractArticle(a));
      const two = JSON.stringify(extractArticle({ ...a }));
      expect(two).toBe(one);
    }
  });

  it("emits only schema-valid claims and entities whose evidence is the article's own text", () => {
    for (const a of seeds) {
      const r = extractArticle(a);
      expect(r.claims.length).toBeGreaterThan(5);
      const ids = new Set(r.entities.map((e) => e.id));
      for (const c of r.claims) {
        expect(() => ClaimSchema.parse(c)).not.toThrow();
        expect(a.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
        expect(ids.has(c.subjectId)).toBe(true);
        expect(ids.has(c.objectId)).toBe(true);
        if (c.recipientId) expect(ids.has(c.recipientId)).toBe(true);
        expect(c.extractor).toMatch(/^kg-rules@/);
      }
      for (const e of r.entities) expect(() => EntitySchema.parse(e)).not.toThrow();
    }
  });

  it("skips header keys but reads the Title value and the Date for relative times", () => {
    const text =
      "Title: Belarus sends tanks to Russia\nPublisher: Example News\nDate: 2024-03-01\nURL: https://example.org/x\n\nLast year, Belarus sent 40 tanks to Russia.";
    const r = extractArticle(article("hdr", text, "2024-03-01"));
    const titleClaim = r.claims.find((c) => c.evidence.quote === "Belarus sends tanks to Russia");
    expect(titleClaim?.object).toBe("tanks");
    const body = r.claims.find((c) => c.evidence.quote.startsWith("Last year"));
    expect(body?.time).toBe("2023");
    expect(r.claims.some((c) => /Publisher|example\.org/.test(c.evidence.quote))).toBe(false);
  });

  it("keeps hostile text as plain data", () => {
    const hostile = "'}) DETACH DELETE n //";
    const text = `Acme ${hostile} Holdings supplied <script>alert(1)</script> drones to Russia. Russia imported rifles from Iran, said <script>x</script>.`;
    const r = extractArticle(article("hostile", text));
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) {
      expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
      expect(() => ClaimSchema.parse(c)).not.toThrow();
    }
    // the quote still carries the raw characters (escaping is the job of the layer that renders them)
    expect(r.claims.some((c) => c.evidence.quote.includes(hostile))).toBe(true);
    expect(r.claims.some((c) => c.subject === "Iran" && c.object === "rifles" && c.recipient === "Russia")).toBe(true);
    // predicates and entity types come only from the closed vocabulary
    for (const c of r.claims) expect(c.predicate).toMatch(/^[A-Z][A-Z_]+$/);
  });

  it("resolves names across articles with the known entities", () => {
    const first = extractArticle(
      article("a1", "The Royal United Services Institute (RUSI) found that Iran supplied drones to Russia."),
    );
    const rusi = first.entities.find((e) => e.id === entityId("Organization", "Royal United Services Institute"));
    expect(rusi).toBeDefined();
    const second = extractArticle(article("a2", "RUSI reported that Belarus supplied shells to Russia."), {
      knownEntities: first.entities,
    });
    const c = second.claims.find((x) => x.object === "shells");
    expect(c?.attributedTo).toEqual(["Royal United Services Institute"]);
  });

  it("gives an article the same claims whatever was ingested before it", () => {
    const alone = seeds.map((a) => extractArticle(a).claims);
    const known = seeds.flatMap((a) => extractArticle(a).entities);
    const afterOthers = seeds.map((a) => extractArticle(a, { knownEntities: known }).claims);
    expect(JSON.stringify(afterOthers)).toBe(JSON.stringify(alone));
  });

  it("stays linear on a huge line without sentence punctuation", () => {
    const line = "Belarus supplied fuel to Russia ".repeat(20_000); // 640 KB, one line
    const r = extractArticle(article("long", line));
    expect(r.sentences).toBeGreaterThan(400);
    for (const c of r.claims) expect(line.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
  });

  it("carries a source through its paragraph but not into the next one without a reference back", () => {
    const text = [
      "CSIS found that China supplied machine tools to Russia. Belarus supplied shells to Russia.",
      "Iran supplied drones to Russia.",
      "The report stated that North Korea supplied missiles to Russia.",
    ].join("\n");
    const by = Object.fromEntries(
      extractArticle(article("carry", text)).claims.map((c) => [c.object, c.attributedTo ?? []]),
    );
    expect(by["machine tools"]).toEqual(["Center for Strategic and International Studies"]);
    expect(by["shells"]).toEqual(["Center for Strategic and International Studies"]);
    expect(by["drones"]).toEqual([]);
    expect(by["missiles"]).toEqual(["Center for Strategic and International Studies"]);
  });

  it("marks a time taken from the article's date rather than from the sentence", () => {
    const r = extractArticle(
      article("dates", "Iran supplied drones to Russia in 2022. Belarus supplied shells to Russia.", "2024-03-01"),
    );
    const by = Object.fromEntries(r.claims.map((c) => [c.object, c]));
    expect(by["drones"]).toMatchObject({ time: "2022" });
    expect(by["drones"]!.timeInferred).toBeUndefined();
    expect(by["shells"]).toMatchObject({ time: "2024", timeInferred: true });
  });

  it("does not fail on empty or odd input", () => {
    for (const t of ["", "\n\n", "?", "Title: \n\n", "…", "a".repeat(5000)]) {
      const r = extractArticle(article("odd", t));
      expect(r.claims).toEqual([]);
    }
  });
});
