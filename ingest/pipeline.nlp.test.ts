import { readdirSync, readFileSync } from "node:fs";
import { inject } from "vitest";
import { beforeAll, describe, expect, it } from "vitest";
import { ClaimSchema } from "../src/model/claim.js";
import { EntitySchema, entityId } from "../src/model/entity.js";
import { coreNlpClient } from "./parse/corenlp-client.js";
import type { ParsedDocument } from "./parse/parsed.js";
import { prepareText } from "./parse/prepare.js";
import { extractArticle } from "./pipeline.js";
import { article, extract } from "../test/nlp-extract.js";

/** The extractor on real parses of the sample articles and of small texts written for each behaviour. */

const seedsDir = new URL("../examples/articles/", import.meta.url);
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => article(f.slice(0, -4), readFileSync(new URL(f, seedsDir), "utf8")));
const parses = new Map<string, ParsedDocument>();

beforeAll(async () => {
  const client = coreNlpClient(inject("nlpUrl"));
  for (const a of seeds) {
    const prep = prepareText(a.text);
    const date = /^Date:[ \t]*(\d{4}-\d{2}-\d{2})/m.exec(a.text)?.[1] ?? null;
    parses.set(a.id, await client.parse({ text: prep.text, date, timeoutMs: 120_000 }));
  }
});

describe("extractArticle on real parses", () => {
  it("gives byte-identical output for the same parse", () => {
    for (const a of seeds) {
      const one = JSON.stringify(extractArticle(a, parses.get(a.id)!));
      const two = JSON.stringify(extractArticle({ ...a }, structuredClone(parses.get(a.id)!)));
      expect(two).toBe(one);
    }
  });

  it("emits only schema-valid claims and entities whose evidence is the article's own text", () => {
    for (const a of seeds) {
      const r = extractArticle(a, parses.get(a.id)!);
      expect(r.claims.length).toBeGreaterThan(5);
      const ids = new Set(r.entities.map((e) => e.id));
      for (const c of r.claims) {
        expect(() => ClaimSchema.parse(c)).not.toThrow();
        expect(a.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
        expect(ids.has(c.subjectId)).toBe(true);
        expect(ids.has(c.objectId)).toBe(true);
        if (c.recipientId) expect(ids.has(c.recipientId)).toBe(true);
        expect(c.extractor).toMatch(/^kg-frames@/);
      }
      for (const e of r.entities) expect(() => EntitySchema.parse(e)).not.toThrow();
    }
  });

  it("gives an article the same claims whatever was ingested before it", () => {
    const alone = seeds.map((a) => extractArticle(a, parses.get(a.id)!).claims);
    const known = seeds.flatMap((a) => extractArticle(a, parses.get(a.id)!).entities);
    const afterOthers = seeds.map((a) => extractArticle(a, parses.get(a.id)!, { knownEntities: known }).claims);
    expect(JSON.stringify(afterOthers)).toBe(JSON.stringify(alone));
  });
});

describe("extraction from text", () => {
  it("skips header keys but reads the Title value and the Date for relative times", async () => {
    const text =
      "Title: Belarus sends tanks to Russia\nPublisher: Example News\nDate: 2024-03-01\nURL: https://example.org/x\n\nLast year, Belarus sent 40 tanks to Russia.";
    const r = await extract(article("hdr", text, "2024-03-01"));
    const titleClaim = r.claims.find((c) => c.evidence.quote === "Belarus sends tanks to Russia");
    expect(titleClaim?.object).toBe("tanks");
    const body = r.claims.find((c) => c.evidence.quote.startsWith("Last year"));
    expect(body?.time).toBe("2023");
    expect(r.claims.some((c) => /Publisher|example\.org/.test(c.evidence.quote))).toBe(false);
  });

  it("keeps hostile text as plain data", async () => {
    const hostile = "'}) DETACH DELETE n //";
    const text = `Acme ${hostile} Holdings supplied <script>alert(1)</script> drones to Russia. Russia imported rifles from Iran, said <script>x</script>.`;
    const r = await extract(article("hostile", text));
    for (const c of r.claims) {
      expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
      expect(() => ClaimSchema.parse(c)).not.toThrow();
      expect(c.predicate).toMatch(/^[A-Z][A-Z_]+$/);
    }
    expect(r.claims.some((c) => c.subject === "Iran" && c.object === "rifles" && c.recipient === "Russia")).toBe(true);
  });

  it("resolves names across articles with the known entities", async () => {
    const first = await extract(
      article("a1", "The Royal United Services Institute (RUSI) found that Iran supplied drones to Russia."),
    );
    const rusi = first.entities.find((e) => e.id === entityId("Organization", "Royal United Services Institute"));
    expect(rusi).toBeDefined();
    const second = await extract(
      article("a2", "RUSI reported that Belarus supplied shells to Russia."),
      first.entities,
    );
    const c = second.claims.find((x) => x.object === "shells");
    expect(c?.attributedTo).toEqual(["Royal United Services Institute"]);
  });

  it("stays within the parser's reach on a huge line without sentence punctuation", async () => {
    const line = "Belarus supplied fuel to Russia ".repeat(2_000); // 64 KB, one line
    const r = await extract(article("long", line));
    expect(r.sentences).toBeGreaterThan(30);
    for (const c of r.claims) expect(line.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.quote);
  });

  it("carries a source through its paragraph but not into the next one without a reference back", async () => {
    const text = [
      "CSIS found that China supplied machine tools to Russia. Belarus supplied shells to Russia.",
      "Iran supplied drones to Venezuela.",
      "The report stated that North Korea supplied missiles to Russia.",
    ].join("\n");
    const by = Object.fromEntries(
      (await extract(article("carry", text))).claims.map((c) => [c.object, c.attributedTo ?? []]),
    );
    expect(by["machine tools"]).toEqual(["CSIS"]);
    expect(by["shells"]).toEqual(["CSIS"]);
    expect(by["drones"]).toEqual([]);
    expect(by["missiles"]).toEqual(["CSIS"]);
  });

  it("marks a time taken from the article's date rather than from the sentence", async () => {
    const r = await extract(
      article("dates", "Iran supplied drones to Russia in 2022. Belarus supplied shells to Russia.", "2024-03-01"),
    );
    const by = Object.fromEntries(r.claims.map((c) => [c.object, c]));
    expect(by["drones"]).toMatchObject({ time: "2022" });
    expect(by["drones"]!.timeInferred).toBeUndefined();
    expect(by["shells"]).toMatchObject({ time: "2024", timeInferred: true });
  });

  it("does not fail on empty or odd input", async () => {
    for (const t of ["\n\n", "?", "Title: \n\n", "…", "a".repeat(5000)]) {
      const r = await extract(article("odd", t));
      expect(r.claims).toEqual([]);
    }
  });
});
