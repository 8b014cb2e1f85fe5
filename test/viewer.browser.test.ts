import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GraphResponseSchema } from "../src/model/api.js";
import { linkId } from "../src/model/link.js";
import type { App } from "../viewer/src/app.js";
import { CSIS_SENTENCE, HOSTILE_QUOTE, writeE2eStore } from "./viewer-e2e-store.js";
import { buildViewer, pixelStats, screenshot, startServe, type Served } from "./viewer-harness.js";
import { launchChromium } from "../tools/chromium/chromium.js";

/**
 * End-to-end scenarios of the viewer in Debian's Chromium against the real `kg serve`, on a store
 * of hand-written claims over examples/articles (see viewer-e2e-store.ts). Each scenario saves a
 * screenshot to test-artifacts/.
 */

type KgWindow = Window & { __kg?: { app: App; ready: true }; __kgError?: string; __pwned?: unknown };

const CHINA_AP = linkId("country:china", "SUPPLIES", "item:ammonium-perchlorate");
const ACME_DETONATORS = linkId("organization:acme-corp", "SUPPLIES", "item:detonators");

let dir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-viewer-e2e-"));
  await Promise.all([buildViewer(), writeE2eStore(dir)]);
  served = await startServe(dir);
  browser = await launchChromium(inject("chromium"));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
}

async function open(query = ""): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${served.url}/${query}`);
  await page.waitForFunction(() => (window as KgWindow).__kg?.ready || (window as KgWindow).__kgError, null, {
    timeout: 60_000,
  });
  const failure = await page.evaluate(() => (window as KgWindow).__kgError ?? null);
  expect(failure).toBeNull();
  return { page, errors };
}

/** Where a link's midpoint is on screen (page coordinates), from sigma's own projection. */
async function linkMidpoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((edge) => {
    const app = (window as KgWindow).__kg!.app;
    const [s, t] = app.graph.extremities(edge);
    const a = app.sigma.graphToViewport(app.graph.getNodeAttributes(s));
    const b = app.sigma.graphToViewport(app.graph.getNodeAttributes(t));
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }, id);
  const box = (await page.locator("#graph").boundingBox())!;
  return { x: box.x + p.x, y: box.y + p.y };
}

async function clickLink(page: Page, id: string): Promise<void> {
  const p = await linkMidpoint(page, id);
  await page.mouse.move(p.x, p.y);
  await page.mouse.click(p.x, p.y);
}

async function counts(page: Page) {
  return page.evaluate(() => {
    const app = (window as KgWindow).__kg!.app;
    return {
      shownNodes: Number(document.querySelector('[data-testid="count-nodes"]')!.textContent),
      shownLinks: Number(document.querySelector('[data-testid="count-links"]')!.textContent),
      drawn: app.drawnCounts(),
      state: { nodes: app.visibility.nodes.size, links: app.visibility.edges.size },
    };
  });
}

describe("viewer in Chromium against kg serve", () => {
  it("loads without console errors and draws the graph", async () => {
    const { page, errors } = await open();
    await page.waitForTimeout(500);
    const png = await page.locator("#graph").screenshot();
    await screenshot(page, "viewer-01-loaded");
    const stats = await pixelStats(page, png);
    // a blank or uniform canvas has one or two colours and no ink
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.inked).toBeGreaterThan(0.005);
    const c = await counts(page);
    // the relations view: every relation link (the supply flows are the other view)
    expect(c.shownNodes).toBe(32);
    expect(c.shownLinks).toBe(26);
    expect(c.drawn).toEqual({ nodes: 32, links: 26 });
    // without Neo4j the expand and Cypher tools are not offered
    expect(await page.locator("#neo4j-section").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search focuses an entity: camera centred on it, the rest faded", async () => {
    const { page, errors } = await open();
    await page.getByTestId("search").fill("ammonium perch");
    await expect.poll(() => page.getByTestId("search-list").locator("li").count()).toBeGreaterThan(0);
    await page.getByTestId("search").press("Enter");
    await page.waitForTimeout(700); // camera animation
    const s = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      const node = "item:ammonium-perchlorate";
      const p = app.sigma.graphToViewport(app.graph.getNodeAttributes(node));
      const { width, height } = app.sigma.getDimensions();
      return {
        focus: app.store.get().focus,
        offset: { dx: p.x - width / 2, dy: p.y - height / 2 },
        russia: app.sigma.getNodeDisplayData("country:russia")!.color,
        china: app.sigma.getNodeDisplayData("country:china")!.color,
        chinaType: app.graph.getNodeAttribute("country:china", "color"),
      };
    });
    expect(s.focus).toBe("item:ammonium-perchlorate");
    expect(Math.abs(s.offset.dx)).toBeLessThan(30);
    expect(Math.abs(s.offset.dy)).toBeLessThan(30);
    expect(s.china).toBe(s.chinaType); // a neighbour keeps its colour
    expect(s.russia).not.toBe(s.chinaType); // Russia is not a neighbour: faded
    await expect.poll(() => page.getByTestId("details-title").textContent()).toBe("ammonium perchlorate");
    await screenshot(page, "viewer-02-search-focus");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("clicking the China → ammonium perchlorate link shows the CSIS sentence with its source", async () => {
    const { page, errors } = await open();
    await clickLink(page, CHINA_AP);
    const details = page.getByTestId("details");
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain(CSIS_SENTENCE);
    const quote = details.getByTestId("quote").first();
    expect(await quote.textContent()).toBe(CSIS_SENTENCE);
    const marks = await quote.locator("mark").allTextContents();
    expect(marks).toEqual(
      expect.arrayContaining(["China", "ammonium perchlorate", "Russia"].filter((m) => CSIS_SENTENCE.includes(m))),
    );
    const text = (await details.textContent())!;
    expect(text).toContain("Center for Strategic and International Studies");
    expect(text).toContain("Overnight Russian strikes leave dead and injured in several regions in Ukraine");
    expect(text).toContain("ZMINA");
    expect(await page.evaluate(() => (window as KgWindow).__kg!.app.store.get().selection)).toEqual({
      kind: "link",
      id: CHINA_AP,
    });
    await screenshot(page, "viewer-03-link-evidence");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a filter hides links; counts agree with what is drawn and with the server's filter", async () => {
    const { page, errors } = await open();
    const before = await counts(page);
    await page.getByTestId("filter-predicates").locator('input[data-value="SUPPLIES"]').uncheck();
    await page.getByTestId("filter-hideNegated").check();
    const after = await counts(page);
    expect(after.shownLinks).toBeLessThan(before.shownLinks);
    expect(after.drawn).toEqual({ nodes: after.shownNodes, links: after.shownLinks });
    expect(after.state).toEqual({ nodes: after.shownNodes, links: after.shownLinks });
    const predicates = await page.evaluate(() => (window as KgWindow).__kg!.app.store.get().filter.predicates);
    const res = await fetch(`${served.url}/api/graph?predicates=${predicates!.join(",")}&hideNegated=1`);
    const server = GraphResponseSchema.parse(await res.json());
    expect({ nodes: server.nodes.length, links: server.links.length }).toEqual({
      nodes: after.shownNodes,
      links: after.shownLinks,
    });
    await screenshot(page, "viewer-04-filtered");

    // the exported GEXF holds exactly the visible graph
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-gexf").click()]);
    const gexf = readFileSync((await download.path())!, "utf8");
    const g = parseGexf(MultiDirectedGraph, gexf);
    const visible = await page.evaluate(() => {
      const v = (window as KgWindow).__kg!.app.visibility;
      return { nodes: [...v.nodes].sort(), edges: [...v.edges].sort() };
    });
    expect(g.nodes().sort()).toEqual(visible.nodes);
    expect(g.edges().sort()).toEqual(visible.edges);
    expect(g.getNodeAttribute("country:russia", "label")).toBe("Russia");

    // GraphML comes from the server's export with the same filters: the same graph
    const [graphmlDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-graphml").click(),
    ]);
    const gm = parseGraphml(MultiDirectedGraph, readFileSync((await graphmlDownload.path())!, "utf8"));
    expect(gm.order).toBe(visible.nodes.length);
    expect(gm.size).toBe(visible.edges.length);

    // JSON holds the API's shapes; PNG is an image
    const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-json").click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, "utf8")) as {
      nodes: unknown[];
      links: Array<{ id: string }>;
    };
    expect(json.nodes).toHaveLength(visible.nodes.length);
    expect(json.links.map((l) => l.id).sort()).toEqual(visible.edges);
    const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-png").click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect((await pixelStats(page, png)).colours).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("unticking every entity type keeps the last one, so the graph never silently shows all", async () => {
    const { page, errors } = await open();
    const boxes = page.getByTestId("filter-types").locator("input");
    const n = await boxes.count();
    for (let i = 0; i < n; i++)
      await boxes
        .nth(i)
        .uncheck({ force: true })
        .catch(() => undefined);
    const ticked = await page.getByTestId("filter-types").locator("input:checked").count();
    expect(ticked).toBe(1);
    const c = await counts(page);
    expect(c.shownNodes).toBeLessThan(32);
    expect(c.drawn).toEqual({ nodes: c.shownNodes, links: c.shownLinks });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("hostile markup in an article is shown as text and runs nothing", async () => {
    const { page, errors } = await open();
    await clickLink(page, ACME_DETONATORS);
    const details = page.getByTestId("details");
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain(HOSTILE_QUOTE);
    const text = (await details.textContent())!;
    expect(text).toContain("<script>window.__pwned=3</script> Acme <b>exposed</b>");
    expect(text).toContain('<img src=x onerror="window.__pwned=4">');
    expect(text).toContain('<b onmouseover="window.__pwned=6">officials</b>');
    expect(await details.locator("img, script, b").count()).toBe(0);
    // the javascript: URL is not made a link
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    await details.getByText("officials", { exact: false }).first().hover();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as KgWindow).__pwned)).toBeUndefined();
    await screenshot(page, "viewer-05-hostile-text");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a path follows the links' direction and kind: from China to the Iskander through its propellant", async () => {
    const { page, errors } = await open();
    await page.getByTestId("path-kind").selectOption("materiel");
    await page.getByTestId("path-from").fill("China");
    await page.getByTestId("path-from").press("Enter");
    await page.getByTestId("path-to").fill("Iskander");
    await page.getByTestId("path-to").press("Enter");
    await expect
      .poll(() => page.getByTestId("path-result").textContent())
      .toBe("2 steps: China → ammonium perchlorate → Iskander");
    const colours = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      return app.pathAnswer!.path!.edges.map((e) => app.sigma.getEdgeDisplayData(e)!.color);
    });
    expect(new Set(colours).size).toBe(1);
    await screenshot(page, "viewer-06-path");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the URL restores filters, selection and camera", async () => {
    const first = await open();
    await first.page.getByTestId("filter-predicates").locator('input[data-value="ATTACKS"]').uncheck();
    await first.page.getByTestId("size-claims").check();
    await clickLink(first.page, CHINA_AP);
    await first.page.evaluate(() =>
      (window as KgWindow).__kg!.app.sigma.getCamera().setState({ ratio: 0.7, x: 0.55, y: 0.5 }),
    );
    await first.page.waitForTimeout(600); // the URL is written 250 ms after the last change
    const url = first.page.url();
    expect(url).toContain("link=");
    const before = await counts(first.page);
    await first.page.close();

    const second = await open(url.slice(url.indexOf("?")));
    const s = await second.page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      return { state: app.store.get(), camera: app.sigma.getCamera().getState() };
    });
    expect(s.state.selection).toEqual({ kind: "link", id: CHINA_AP });
    expect(s.state.sizeBy).toBe("claims");
    expect(s.state.filter.predicates).not.toContain("ATTACKS");
    expect(s.camera.ratio).toBeCloseTo(0.7, 3);
    expect(s.camera.x).toBeCloseTo(0.55, 3);
    expect(await counts(second.page)).toEqual(before);
    await expect
      .poll(() => second.page.getByTestId("details").textContent(), { timeout: 10_000 })
      .toContain(CSIS_SENTENCE);
    expect(await second.page.getByTestId("filter-predicates").locator('input[data-value="ATTACKS"]').isChecked()).toBe(
      false,
    );
    await screenshot(second.page, "viewer-07-restored-from-url");
    expect([...first.errors, ...second.errors]).toEqual([]);
    await second.page.close();
  });
});
