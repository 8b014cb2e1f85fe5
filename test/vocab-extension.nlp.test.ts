import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A user extends the extractor's vocabulary through KG_VOCAB_DIR, without editing the project;
// extraction threads must see the extension too.
describe("kg ingest with a user vocabulary", () => {
  it("finds a supply claim only with the user's extra verb", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-uvocab-"));
    const vocab = path.join(dir, "vocab");
    mkdirSync(vocab);
    writeFileSync(path.join(vocab, "lexicon.json"), JSON.stringify({ supplyVerbs: ["trucked"] }));
    const article = path.join(dir, "a.txt");
    writeFileSync(article, "Iran trucked drones to Russia, the report said.\n");
    const run = (data: string, env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, ["bin/kg.js", "ingest", article, "--data", data, "--threads", "1"], {
        env: { ...process.env, ...env },
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(path.join(data, "claims.jsonl"), "utf8").trim().split("\n").filter(Boolean);
    };
    expect(run(path.join(dir, "plain"), { KG_VOCAB_DIR: "" })).toEqual([]);
    const claims = run(path.join(dir, "extended"), { KG_VOCAB_DIR: vocab }).map((l) => JSON.parse(l));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ subject: "Iran", predicate: "SUPPLIES", object: "drones", recipient: "Russia" });
  });
});
