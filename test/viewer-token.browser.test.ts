import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeE2eStore } from "./viewer-e2e-store.js";
import { buildViewer, startServe, type Served } from "./viewer-harness.js";
import { launchChromium } from "../tools/chromium/chromium.js";

// A `kg serve` that requires a token, opened as its log says: http://host:port/#token=<token>.
const TOKEN = "viewer-token-0123456789abcdef";
type KgWindow = Window & { __kg?: { ready: true; app: { graph: { order: number } } }; __kgError?: string };

let dir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-viewer-token-"));
  await Promise.all([buildViewer(), writeE2eStore(dir)]);
  served = await startServe(dir, { NEO4J_URI: "", KG_SERVE_TOKEN: TOKEN });
  browser = await launchChromium(inject("chromium"));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openAt(address: string) {
  const page = await browser.newPage();
  await page.goto(address);
  await page.waitForFunction(() => (window as KgWindow).__kg?.ready || (window as KgWindow).__kgError, null, {
    timeout: 60_000,
  });
  return page;
}

describe("the viewer of a server with a token", () => {
  it("draws the graph when opened with #token=, and takes the token out of the address bar", async () => {
    const page = await openAt(`${served.url}/#token=${TOKEN}`);
    expect(await page.evaluate(() => (window as KgWindow).__kgError ?? null)).toBeNull();
    expect(await page.evaluate(() => (window as KgWindow).__kg!.app.graph.order)).toBeGreaterThan(0);
    expect(page.url()).not.toContain(TOKEN);
    // a reload in the same tab keeps working without the token in the address
    await page.reload();
    await page.waitForFunction(() => (window as KgWindow).__kg?.ready || (window as KgWindow).__kgError);
    expect(await page.evaluate(() => (window as KgWindow).__kgError ?? null)).toBeNull();
    await page.close();
  });

  it("without the token, shows why the data is not there", async () => {
    const page = await openAt(`${served.url}/`);
    expect(await page.evaluate(() => (window as KgWindow).__kgError ?? "")).toMatch(/token/);
    await page.close();
  });
});
