import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readStore } from "../src/store/store.js";

// A `kg ingest` killed in the middle of writing the store must not leave new articles without
// their claims: a store damaged so is reported by `kg stats` and `kg validate` and repaired by
// the next `kg ingest`. The real CLI, parsing with the test run's CoreNLP.
const root = path.resolve(import.meta.dirname, "..");
const examples = path.join(root, "examples/articles");
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-store-commit-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const kg = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/kg.js", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, KG_NLP_URL: inject("nlpUrl"), KG_PARSE_CACHE: path.join(tmp, "parses") },
  });

async function inputs(names: string[]): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmp, "in-"));
  for (const n of names) await fs.copyFile(path.join(examples, n), path.join(dir, n));
  return dir;
}

describe("a store half-written by an interrupted ingest", () => {
  it("is reported by kg stats and kg validate, and the next kg ingest restores the missing claims", async () => {
    const all = (await fs.readdir(examples)).filter((f) => f.endsWith(".txt")).sort();
    const first = await inputs(all.slice(0, 2));
    const second = await inputs(all.slice(2));
    const data = path.join(tmp, "data");
    expect(kg("ingest", first, "--data", data, "--threads", "1").status).toBe(0);

    // what the whole second run writes, in a copy of the store
    const whole = path.join(tmp, "whole");
    await fs.cp(data, whole, { recursive: true });
    expect(kg("ingest", second, "--data", whole, "--threads", "1").status).toBe(0);
    const expected = await readStore(whole);
    const newDocs = new Set(expected.articles.map((a) => a.id));
    for (const a of (await readStore(data)).articles) newDocs.delete(a.id);
    const newClaims = expected.claims.filter((c) => newDocs.has(c.doc)).length;
    expect(newClaims).toBeGreaterThan(0);

    // killed after articles.jsonl was replaced, before claims.jsonl and store.json were
    await fs.copyFile(path.join(whole, "articles.jsonl"), path.join(data, "articles.jsonl"));

    const stats = kg("stats", "--data", data);
    expect(stats.status).not.toBe(0);
    expect(stats.stderr).toMatch(/articles\.jsonl/);
    expect(stats.stderr).toMatch(/half-written/);
    const validate = kg("validate", data);
    expect(validate.status).toBe(1);
    expect(validate.stderr).toMatch(/articles\.jsonl.*store\.json/);

    const rerun = kg("ingest", second, "--data", data, "--threads", "1");
    expect(rerun.status, rerun.stderr).toBe(0);
    const repaired = await readStore(data);
    expect(repaired.claims.filter((c) => newDocs.has(c.doc))).toHaveLength(newClaims);
    expect(repaired.claims).toHaveLength(expected.claims.length);
    expect(kg("stats", "--data", data).status).toBe(0);
    expect(kg("validate", data).status).toBe(0);
  });
});
