import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VIEWER_NOT_BUILT } from "../src/server/static.js";
import { ROOT, startServe, type Served } from "./viewer-harness.js";

/**
 * `npm ci` and `npm install` run the package's "prepare" script; after it, `kg serve` must serve
 * the viewer rather than its "not built" notice. Run in a copy of the viewer, because the browser
 * tests build and serve the project's own viewer/dist at the same time.
 */

let dir: string;
let served: Served | undefined;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-viewer-install-"));
  cpSync(path.join(ROOT, "viewer"), path.join(dir, "viewer"), {
    recursive: true,
    filter: (f) => !f.startsWith(path.join(ROOT, "viewer/dist")),
  });
  mkdirSync(path.join(dir, "scripts"));
  cpSync(path.join(ROOT, "scripts/build-viewer.ts"), path.join(dir, "scripts/build-viewer.ts"));
  cpSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  for (const shared of ["node_modules", "src", "ingest"]) symlinkSync(path.join(ROOT, shared), path.join(dir, shared));
});

afterAll(async () => {
  await served?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the viewer after installing", () => {
  it("is built by npm's install step, and kg serve serves it", async () => {
    const prepare = spawnSync("npm", ["run", "prepare"], { cwd: dir, encoding: "utf8" });
    expect(prepare.status, prepare.stderr).toBe(0);
    expect(prepare.stderr).toMatch(/viewer built into viewer\/dist/);

    served = await startServe(path.join(dir, "kg-data"), { NEO4J_URI: "" }, [
      "--viewer",
      path.join(dir, "viewer/dist"),
    ]);
    const page = await fetch(`${served.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain(VIEWER_NOT_BUILT);
    const script = /<script[^>]+src="\.?\/?([^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${served.url}/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect(served.output()).not.toContain("viewer:build");
  });
});
