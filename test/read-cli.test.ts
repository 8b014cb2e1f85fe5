import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The real `kg ingest` on inputs that have no article body: each is named with what it holds
 * instead, nothing is stored, and the run fails. Only bad inputs, so no extraction runs.
 */

const ROOT = path.resolve(import.meta.dirname, "..");

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-read-cli-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("kg ingest of articles without a body", () => {
  it("names each file (and JSONL line), stores nothing and exits 1", async () => {
    const dir = path.join(tmp, "no-body");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "headers.txt"), "Title: Drones for Russia\nPublisher: Example Wire\n");
    await fs.writeFile(
      path.join(dir, "title.html"),
      "<html><head><title>Drones for Russia</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    await fs.writeFile(
      path.join(dir, "records.jsonl"),
      `${JSON.stringify({ id: "r1", title: "Drones for Russia", text: "Drones for Russia" })}\n`,
    );
    const data = path.join(tmp, "store");

    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "kg.js"), "ingest", dir, "--data", data], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, FORCE_COLOR: "0" },
    });

    expect(r.status, r.stderr).toBe(1);
    const errors = r.stderr.split("\n").filter((l) => l.startsWith("kg: error: "));
    expect(errors, r.stderr).toEqual([
      `kg: error: ${path.join(dir, "headers.txt")}: no article text: only header lines (Title, Publisher); skipped`,
      `kg: error: ${path.join(dir, "records.jsonl")}:1: text: no article text: only the title again, "Drones for Russia"; skipped`,
      `kg: error: ${path.join(dir, "title.html")}: no article text: the page shows only its title, "Drones for Russia"; skipped`,
    ]);
    expect(r.stderr).toMatch(/nothing ingested; the store was not changed/);
    const stored = await fs.readdir(data).catch(() => []);
    expect(stored.filter((f) => !f.startsWith("."))).toEqual([]);
  });
});
