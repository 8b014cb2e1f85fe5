import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { localNeo4j, start, stop, type LocalNeo4j } from "../tools/neo4j/neo4j.js";
import type { App } from "../viewer/src/app.js";
import { writeE2eStore } from "./viewer-e2e-store.js";
import { buildViewer, ROOT, screenshot, startServe, type Served } from "./viewer-harness.js";
import { launchChromium } from "../tools/chromium/chromium.js";

/**
 * The viewer's Neo4j tools against a real Neo4j: a local one of its own (own home and port, so
 * it never touches another test's database), loaded with `kg load`, served by `kg serve`.
 */

type KgWindow = Window & { __kg?: { app: App; ready: true }; __kgError?: string };

const NEO4J_ENV = {
  NEO4J_URI: process.env.KG_VIEWER_NEO4J_URI ?? "bolt://127.0.0.1:7697",
  KG_NEO4J_HOME: process.env.KG_VIEWER_NEO4J_HOME ?? path.join(os.tmpdir(), "kg-viewer-neo4j"),
  KG_NEO4J_HEAP: "512m",
  KG_NEO4J_PAGECACHE: "128m",
};

let dir: string;
let neo4j: LocalNeo4j;
let startedHere = false;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-viewer-neo4j-store-"));
  neo4j = localNeo4j({ ...process.env, ...NEO4J_ENV });
  const saved = { heap: process.env.KG_NEO4J_HEAP, cache: process.env.KG_NEO4J_PAGECACHE };
  process.env.KG_NEO4J_HEAP = NEO4J_ENV.KG_NEO4J_HEAP;
  process.env.KG_NEO4J_PAGECACHE = NEO4J_ENV.KG_NEO4J_PAGECACHE;
  try {
    const [, , n] = await Promise.all([buildViewer(), writeE2eStore(dir), start(neo4j)]);
    startedHere = n.started;
  } finally {
    process.env.KG_NEO4J_HEAP = saved.heap;
    process.env.KG_NEO4J_PAGECACHE = saved.cache;
  }
  const load = spawnSync(process.execPath, ["bin/kg.js", "load", "--data", dir, "--reset", "--yes"], {
    cwd: ROOT,
    env: { ...process.env, ...NEO4J_ENV },
    encoding: "utf8",
  });
  if (load.status !== 0) throw new Error(`kg load failed:\n${load.stdout}\n${load.stderr}`);
  served = await startServe(dir, NEO4J_ENV);
  browser = await launchChromium(inject("chromium"));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (startedHere) await stop(neo4j);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${served.url}/`);
  await page.waitForFunction(() => (window as KgWindow).__kg?.ready || (window as KgWindow).__kgError, null, {
    timeout: 60_000,
  });
  expect(await page.evaluate(() => (window as KgWindow).__kgError ?? null)).toBeNull();
  return { page, errors };
}

describe("viewer with Neo4j connected", () => {
  it("offers the Cypher box; a read query's nodes and relationships are drawn", async () => {
    const { page, errors } = await open();
    expect(await page.evaluate(() => (window as KgWindow).__kg!.app.data.meta)).toMatchObject({
      backend: "neo4j",
      neo4j: true,
    });
    expect(await page.locator("#neo4j-section").isVisible()).toBe(true);
    // drop China's links from the drawing, so the query has something to bring back
    const before = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      for (const e of app.graph.outEdges("country:china")) app.graph.dropEdge(e);
      app.refreshAll();
      return app.graph.size;
    });
    await page
      .getByTestId("cypher")
      .fill("MATCH (a:Entity {id: 'country:china'})-[r:SUPPLIES]->(b:Entity) RETURN a, r, b");
    await page.getByTestId("cypher-run").click();
    await expect.poll(() => page.getByTestId("cypher-status").textContent(), { timeout: 30_000 }).toMatch(/^\d+ rows/);
    const status = (await page.getByTestId("cypher-status").textContent())!;
    const rows = Number(/^(\d+) rows/.exec(status)![1]);
    expect(rows).toBe(8); // China SUPPLIES 8 items in the fixture (the denied weapons link included)
    const after = await page.evaluate(() => (window as KgWindow).__kg!.app.graph.size);
    expect(after - before).toBe(rows);
    expect(status).toContain(`${rows} new links`);
    await screenshot(page, "viewer-08-neo4j-cypher");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a write query is refused and changes nothing", async () => {
    const { page } = await open();
    const before = await page.evaluate(() => (window as KgWindow).__kg!.app.graph.size);
    await page.getByTestId("cypher").fill("CREATE (x:Entity {id: 'item:planted', name: 'planted'}) RETURN x");
    await page.getByTestId("cypher-run").click();
    await expect.poll(() => page.locator("#toast").textContent(), { timeout: 30_000 }).toMatch(/Query failed/);
    expect(await page.evaluate(() => (window as KgWindow).__kg!.app.graph.size)).toBe(before);
    const check = await fetch(`${served.url}/api/search?q=planted`);
    expect(((await check.json()) as { results: unknown[] }).results).toEqual([]);
    await page.close();
  });

  it("expand loads an entity's neighbours from Neo4j", async () => {
    const { page, errors } = await open();
    await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      app.graph.dropNode("weapon:iskander");
      app.refreshAll();
    });
    await page.getByTestId("search").fill("ammonium perchlorate");
    await page.getByTestId("search").press("Enter");
    await page.getByTestId("expand").click();
    await expect
      .poll(() => page.locator("#toast").textContent(), { timeout: 30_000 })
      .toMatch(/neighbours of ammonium perchlorate highlighted \(1 new entities, 1 new links\)/);
    expect(await page.evaluate(() => (window as KgWindow).__kg!.app.graph.hasNode("weapon:iskander"))).toBe(true);
    await screenshot(page, "viewer-09-neo4j-expand");
    expect(errors).toEqual([]);
    await page.close();
  });
});
