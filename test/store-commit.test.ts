import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStore, writeStore, type StoreData, type WriteStep } from "../src/store/store.js";
import { STORE_DATA } from "./server-fixture.js";

// A store write killed in the middle must leave the store whole: either the write happened whole
// or not at all (a store damaged by a real `kg ingest`: store-commit.nlp.test.ts).
const root = path.resolve(import.meta.dirname, "..");
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-store-commit-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const kg = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/kg.js", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });

describe("writeStore killed at any step", () => {
  const steps: WriteStep[] = [
    "wrote articles.jsonl",
    "wrote entities.jsonl",
    "wrote claims.jsonl",
    "wrote graph.json",
    "committed",
    "renamed articles.jsonl",
    "renamed entities.jsonl",
    "renamed claims.jsonl",
    "renamed graph.json",
    "done",
  ];
  const before: StoreData = {
    articles: STORE_DATA.articles.slice(0, 1),
    entities: STORE_DATA.entities,
    claims: STORE_DATA.claims.filter((c) => c.doc === STORE_DATA.articles[0]!.id),
  };

  it.each(steps)("leaves the old store or the new one whole (killed after %s)", async (step) => {
    const dir = await fs.mkdtemp(path.join(tmp, "kill-"));
    await writeStore(dir, before);
    const dataFile = path.join(dir, "..", `${path.basename(dir)}.json`);
    await fs.writeFile(dataFile, JSON.stringify(STORE_DATA));
    const r = spawnSync(process.execPath, ["--import", "tsx", "test/helpers/write-then-die.ts", dir, dataFile, step], {
      cwd: root,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.signal, r.stderr).toBe("SIGKILL");

    const after = await readStore(dir);
    const committed = !step.startsWith("wrote");
    const want = committed ? STORE_DATA : before;
    expect(after.articles.map((a) => a.id)).toEqual(want.articles.map((a) => a.id).sort());
    expect(after.claims).toHaveLength(want.claims.length);
    const stats = kg("stats", "--data", dir, "--json");
    expect(stats.status, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ articles: want.articles.length, claims: want.claims.length });
  });
});
