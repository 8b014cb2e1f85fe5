import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GraphResponseSchema } from "../src/model/api.js";
import { emptyLinkAggregate, linkId } from "../src/model/link.js";
import type { App } from "../viewer/src/app.js";
import { csvObjects } from "./export-helpers.js";
import { NK_SHELLS_SENTENCE, TI_SENTENCE, writeE2eStore } from "./viewer-e2e-store.js";
import { buildViewer, ROOT, screenshot, startServe, type Served } from "./viewer-harness.js";
import { launchChromium } from "../tools/chromium/chromium.js";

/**
 * The analyst's first question, "who supplies what to whom", in Debian's Chromium against the
 * real `kg serve`: the flows view, the claims table, directed paths, the grouped entity panel,
 * counts that agree with `kg stats`, event and report time, and sentence search. The store is
 * hand-written claims on real sentences (viewer-e2e-store.ts): Texas Instruments' chips through
 * Hong Kong, North Korea's shells, two Turkish firms OFAC sanctioned. Screenshots go to
 * test-artifacts/.
 */
type KgWindow = Window & { __kg?: { app: App; ready: true }; __kgError?: string };

const RUSSIA = "country:russia";
const FLOW = (s: string, t: string) => linkId(s, "SUPPLIES_TO", t);

let dir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-viewer-flows-"));
  await Promise.all([buildViewer(), writeE2eStore(dir)]);
  served = await startServe(dir);
  browser = await launchChromium(inject("chromium"));
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${served.url}/${query}`);
  await page.waitForFunction(() => (window as KgWindow).__kg?.ready || (window as KgWindow).__kgError, null, {
    timeout: 60_000,
  });
  expect(await page.evaluate(() => (window as KgWindow).__kgError ?? null)).toBeNull();
  return { page, errors };
}

/** What is drawn: each visible link as "source predicate target", and the render data of one. */
const drawnLinks = (page: Page) =>
  page.evaluate(() => {
    const app = (window as KgWindow).__kg!.app;
    return app.graph
      .filterEdges((e) => !app.sigma.getEdgeDisplayData(e)?.hidden)
      .map((e) => `${app.graph.source(e)} ${app.graph.getEdgeAttribute(e, "predicate")} ${app.graph.target(e)}`)
      .sort();
  });

describe("the flows view", () => {
  it("draws who supplies whom as directed edges with item labels; every supplier of Russia is one arrow away", async () => {
    const { page, errors } = await open();
    await page.getByTestId("mode-flows").click();
    const links = await drawnLinks(page);
    expect(links.every((l) => / (SUPPLIES_TO|ROUTES_TO) /.test(l))).toBe(true);
    const intoRussia = links.filter((l) => l.endsWith(` SUPPLIES_TO ${RUSSIA}`)).map((l) => l.split(" ")[0]);
    expect(intoRussia).toEqual(
      expect.arrayContaining([
        "organization:texas-instruments",
        "country:north-korea",
        "place:hong-kong",
        "organization:demirci",
        "organization:margiana",
        "country:china",
      ]),
    );
    // the route is visible as such: Texas Instruments → Hong Kong → Russia
    expect(links).toEqual(
      expect.arrayContaining([
        "organization:texas-instruments ROUTES_TO place:hong-kong",
        `place:hong-kong ROUTES_TO ${RUSSIA}`,
      ]),
    );
    expect(await page.getByTestId("count-links-unit").textContent()).toMatch(/supply flows and route legs/);
    // labels on demand: the items on each flow
    await page.getByTestId("edge-labels").check();
    const label = await page.evaluate(
      ([edge]) => {
        const app = (window as KgWindow).__kg!.app;
        return { on: app.sigma.getSetting("renderEdgeLabels"), text: app.sigma.getEdgeDisplayData(edge!)!.label };
      },
      [FLOW("country:north-korea", RUSSIA)],
    );
    expect(label).toEqual({ on: true, text: "artillery shells, munitions" });
    // the hub's label is always drawn
    expect(
      await page.evaluate((n) => (window as KgWindow).__kg!.app.sigma.getNodeDisplayData(n)!.forceLabel, RUSSIA),
    ).toBe(true);
    // the legend names every colour drawn, the path's included
    const legend = await page.getByTestId("legend-links").textContent();
    for (const text of ["supplies to (flow)", "route leg", "denied by every source", "contested", "path"])
      expect(legend).toContain(text);
    await screenshot(page, "flows-01-view");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters by recipient, supplier country, route and item; Fit frames what is left", async () => {
    const { page, errors } = await open("?view=flows");
    await page.getByTestId("filter-recipients").selectOption("country:north-korea");
    expect(await drawnLinks(page)).toEqual([`${RUSSIA} SUPPLIES_TO country:north-korea`]);
    await page.getByTestId("filter-recipients").selectOption("");
    await page.getByTestId("filter-supplierCountries").selectOption("country:turkey");
    expect(await drawnLinks(page)).toEqual([
      `organization:demirci SUPPLIES_TO ${RUSSIA}`,
      `organization:margiana SUPPLIES_TO ${RUSSIA}`,
    ]);
    await page.getByTestId("filter-supplierCountries").selectOption("");
    await page.getByTestId("filter-via").selectOption("Hong Kong");
    expect(await drawnLinks(page)).toEqual([
      "organization:texas-instruments ROUTES_TO place:hong-kong",
      `organization:texas-instruments SUPPLIES_TO ${RUSSIA}`,
      `place:hong-kong ROUTES_TO ${RUSSIA}`,
    ]);
    await page.getByTestId("filter-via").selectOption("");
    await page.getByTestId("filter-items").selectOption("artillery shells");
    expect(await drawnLinks(page)).toEqual([`country:north-korea SUPPLIES_TO ${RUSSIA}`]);
    // the server's export of the view is the same graph
    const server = GraphResponseSchema.parse(
      await (await fetch(`${served.url}/api/graph?predicates=SUPPLIES_TO,ROUTES_TO&items=artillery%20shells`)).json(),
    );
    expect(server.links.map((l) => l.id)).toEqual([FLOW("country:north-korea", RUSSIA)]);

    await page.getByTestId("fit").click();
    await page.waitForTimeout(600);
    const framed = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      const { width, height } = app.sigma.getDimensions();
      const points = [...app.visibility.nodes].map((n) => app.sigma.graphToViewport(app.graph.getNodeAttributes(n)));
      return { width, height, points };
    });
    for (const p of framed.points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(framed.width);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(framed.height);
    }
    // the two ends fill the view rather than sitting in a corner of the whole graph's frame
    const [a, b] = framed.points;
    expect(Math.hypot(a!.x - b!.x, a!.y - b!.y)).toBeGreaterThan(Math.min(framed.width, framed.height) * 0.4);
    await screenshot(page, "flows-02-filtered-fit");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a filter that lets nothing through says so, and which filter", async () => {
    const { page, errors } = await open("?view=flows");
    await page.getByTestId("filter-fromYear").fill("1990");
    await page.getByTestId("filter-fromYear").press("Tab");
    await page.getByTestId("filter-toYear").fill("1991");
    await page.getByTestId("filter-toYear").press("Tab");
    const note = page.getByTestId("empty-note");
    await expect.poll(() => note.isVisible()).toBe(true);
    // the "to" year alone lets nothing through: that is the filter to loosen
    expect(await note.textContent()).toMatch(
      /No supply flow or route leg passes these filters.*from year: [1-9]\d*; to year: 0\./,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("focusing a recipient in the relations view", () => {
  it("with only supplies, focusing Russia shows who supplies Russia, not only what Russia supplies", async () => {
    const { page, errors } = await open(`?predicates=SUPPLIES&focus=${RUSSIA}`);
    const lit = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      return app.graph
        .filterEdges((e) => {
          const d = app.sigma.getEdgeDisplayData(e);
          return Boolean(d && !d.hidden && d.zIndex === 1);
        })
        .map((e) => `${app.graph.source(e)} ${app.graph.getEdgeAttribute(e, "predicate")} ${app.graph.target(e)}`);
    });
    // what others supply to Russia, and Russia's own supplies
    expect(lit).toEqual(
      expect.arrayContaining([
        "country:north-korea SUPPLIES item:artillery-shells",
        "country:china SUPPLIES item:machinery",
        `${RUSSIA} SUPPLIES item:satellite-technology`,
      ]),
    );
    expect(
      await page.evaluate(() => (window as KgWindow).__kg!.app.sigma.getNodeDisplayData("country:north-korea")!.label),
    ).toBe("North Korea");
    await screenshot(page, "flows-09-relations-focus-recipient");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("labels around a focus", () => {
  it("a focus with many neighbours labels the most connected of them, not all at once on top of each other", async () => {
    const { page, errors } = await open();
    // sixty more things Russia produces, so that its neighbourhood is bigger than a screen of labels
    const nodes = Array.from({ length: 60 }, (_, i) => ({
      id: `item:test-${i}`,
      type: "Item",
      name: `test item ${i}`,
      aliases: [],
      claims: 1,
      degree: 1,
    }));
    const links = nodes.map((n) => ({
      ...emptyLinkAggregate(),
      id: linkId(RUSSIA, "PRODUCES", n.id),
      source: RUSSIA,
      target: n.id,
      predicate: "PRODUCES",
      claims: 1,
      sourceCount: 1,
    }));
    await page.evaluate(([n, l]) => (window as KgWindow).__kg!.app.addData(n!, l!), [nodes, links] as const);
    await page.evaluate((id) => (window as KgWindow).__kg!.app.store.update({ focus: id }), RUSSIA);
    const forced = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      return app.graph.filterNodes((n) => {
        const d = app.sigma.getNodeDisplayData(n);
        return Boolean(d && !d.hidden && d.forceLabel);
      });
    });
    expect(forced).toContain(RUSSIA);
    expect(forced.length).toBeLessThanOrEqual(25);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("an address with a focus", () => {
  it("opens centred on the focus, as sent to a colleague", async () => {
    const { page, errors } = await open(`?focus=${RUSSIA}`);
    // the camera's move to the focus takes a moment: wait until it is still
    await expect
      .poll(() => page.evaluate(() => (window as KgWindow).__kg!.app.sigma.getCamera().isAnimated()))
      .toBe(false);
    const at = await page.evaluate((n) => {
      const app = (window as KgWindow).__kg!.app;
      return { p: app.sigma.graphToViewport(app.graph.getNodeAttributes(n)), d: app.sigma.getDimensions() };
    }, RUSSIA);
    expect(at.p.x).toBeGreaterThan(0);
    expect(at.p.x).toBeLessThan(at.d.width);
    expect(at.p.y).toBeGreaterThan(0);
    expect(at.p.y).toBeLessThan(at.d.height);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the claims table", () => {
  it("lists each claim behind the links shown once, sorts, leads to the evidence, downloads as CSV", async () => {
    const { page, errors } = await open("?view=flows");
    await page.getByTestId("table-toggle").click();
    const table = page.getByTestId("claims-table");
    // the graph shrinks to make room and stays framed: the flows' hub is on screen
    await page.waitForTimeout(300);
    const hub = await page.evaluate((n) => {
      const app = (window as KgWindow).__kg!.app;
      return { p: app.sigma.graphToViewport(app.graph.getNodeAttributes(n)), d: app.sigma.getDimensions() };
    }, RUSSIA);
    expect(hub.p.x).toBeGreaterThan(0);
    expect(hub.p.x).toBeLessThan(hub.d.width);
    expect(hub.p.y).toBeGreaterThan(0);
    expect(hub.p.y).toBeLessThan(hub.d.height);
    const expected = await page.evaluate(() => (window as KgWindow).__kg!.app.visibleClaimIds().length);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(expected);
    const ids = await table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-claim")));
    expect(new Set(ids).size).toBe(ids.length);
    const headers = await table.locator("th").allTextContents();
    expect(headers.map((h) => h.replace(/ [▲▼]$/, ""))).toEqual([
      "Supplier",
      "Item",
      "Recipient",
      "Via",
      "Amount",
      "Time",
      "Reported",
      "Says",
      "Source",
      "Article",
      "Quote",
    ]);

    // sorted by the time the sentences state, earliest first, claims stating none last
    await table.locator('th[data-key="time"]').click();
    const times = await table.locator("tbody tr td:nth-child(6)").allTextContents();
    const stated = times.filter((t) => t !== "");
    expect(stated).toEqual([...stated].sort());
    expect(times.slice(0, stated.length)).toEqual(stated);
    expect(stated[0]).toBe("2023-01/2023-06");

    // one click: the row's flow is selected and the panel shows its claim, marked
    const row = table.locator("tbody tr", { hasText: "artillery shells" });
    await row.click();
    const sel = await page.evaluate(() => (window as KgWindow).__kg!.app.store.get().selection);
    expect(sel).toMatchObject({ kind: "link", id: FLOW("country:north-korea", RUSSIA) });
    const focused = page.locator(".claim.focused");
    await expect.poll(() => focused.count()).toBe(1);
    expect(await focused.getByTestId("quote").textContent()).toBe(NK_SHELLS_SENTENCE);
    await screenshot(page, "flows-03-table");

    // the CSV holds the rows shown, with recipient, via and amount columns
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("table-csv").click()]);
    const rows = csvObjects(readFileSync((await download.path())!, "utf8"));
    expect(rows).toHaveLength(expected);
    const ti = rows.find((r) => r.quote === TI_SENTENCE)!;
    expect(ti).toMatchObject({ subject: "Texas Instruments", object: "chips", recipient: "Russia", via: "Hong Kong" });

    // filtered with the graph
    await page.getByTestId("filter-recipients").selectOption("country:north-korea");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
    expect(await table.locator("tbody tr").textContent()).toContain("satellite technology");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the claims table, filtered quickly", () => {
  it("shows the claims of the last filter chosen, whichever answer of the server comes last", async () => {
    const { page, errors } = await open("?view=flows&table=1");
    const table = page.getByTestId("claims-table");
    const all = await page.evaluate(() => (window as KgWindow).__kg!.app.visibleClaimIds().length);
    await expect.poll(() => table.locator("tbody tr").count()).toBe(all);
    // the claims of the first filter are held back until those of the second have arrived
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let requests = 0;
    await page.route("**/api/claims", async (route) => {
      if (++requests === 1) await held;
      await route.continue();
    });
    await page.getByTestId("filter-recipients").selectOption("country:north-korea");
    await expect.poll(() => requests).toBe(1);
    await page.getByTestId("filter-recipients").selectOption("");
    await expect.poll(() => requests).toBe(2);
    await expect.poll(() => page.getByTestId("table-title").textContent()).toBe(`Claims (${all})`);
    const late = page.waitForResponse("**/api/claims");
    release();
    // the late answer, for North Korea as recipient, must not replace the rows of the view shown
    await (await late).finished();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
    );
    expect(await page.getByTestId("table-title").textContent()).toBe(`Claims (${all})`);
    expect(await table.locator("tbody tr").count()).toBe(all);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("paths that mean something", () => {
  const pathOf = async (page: Page, from: string, to: string) => {
    for (const [box, name] of [
      ["path-from", from],
      ["path-to", to],
    ] as const) {
      await page.getByTestId(box).fill(name);
      await expect.poll(() => page.getByTestId(`${box}-list`).locator("li").count()).toBeGreaterThan(0);
      await page.getByTestId(box).press("Enter");
    }
  };

  it("Texas Instruments → Russia follows the flow, and each hop shows the claims behind it", async () => {
    const { page, errors } = await open("?view=flows");
    await pathOf(page, "Texas Instruments", "Russia");
    await expect.poll(() => page.getByTestId("path-result").textContent()).toBe("1 step: Texas Instruments → Russia");
    const hops = page.getByTestId("path-hops");
    await expect.poll(() => hops.getByTestId("hop-quote").first().textContent()).toBe(TI_SENTENCE);
    expect(await hops.textContent()).toMatch(/Texas Instruments → Russia · supplies to \(flow\) · chips · 1 source/);
    await page.locator("#path").scrollIntoViewIfNeeded();
    await screenshot(page, "flows-04-path");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a hop's quotes are different sentences, however many items one sentence names", async () => {
    const { page, errors } = await open("?view=flows");
    await pathOf(page, "China", "Russia");
    await expect.poll(() => page.getByTestId("path-result").textContent()).toBe("1 step: China → Russia");
    const quotes = page.getByTestId("path-hops").getByTestId("hop-quote");
    await expect.poll(() => quotes.count()).toBe(2);
    const [first, second] = await quotes.allTextContents();
    expect(first).not.toBe(second);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("against the direction there is none, and the panel says what it searched and what exists", async () => {
    const { page, errors } = await open("?view=flows");
    await pathOf(page, "Russia", "Texas Instruments");
    await expect
      .poll(() => page.getByTestId("path-result").textContent())
      .toMatch(
        /^No path from Russia to Texas Instruments following supply flows and route legs \(supplier → intermediary → recipient\), in their direction, .*There is one the other way, from Texas Instruments to Russia\./,
      );
    // a firm does not reach Russia through the agency that sanctioned it
    await page.getByRole("button", { name: "Clear path" }).click();
    await pathOf(page, "Office of Foreign Assets Control", "Russia");
    await expect.poll(() => page.getByTestId("path-result").textContent()).toMatch(/^No path from Office of Foreign/);
    await page.locator("#path").scrollIntoViewIfNeeded();
    await screenshot(page, "flows-05-no-path");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("the entity panel", () => {
  it("groups Russia's claims by the part it plays and by the other party, a sentence once per party, the biggest group open", async () => {
    const { page, errors } = await open(`?view=flows&node=${RUSSIA}`);
    const details = page.getByTestId("details");
    await expect.poll(() => details.getByTestId("roles").textContent()).toMatch(/As recipient/);
    expect(await details.locator("details.group").count()).toBeGreaterThanOrEqual(2);
    const recipient = details.getByTestId("group-recipient");
    expect(await recipient.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await details.getByTestId("group-supplier").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // a sentence once per supplier (a sentence naming two suppliers is under each)
    for (const part of await recipient.getByTestId("group-part").all()) {
      const quotes = await part.getByTestId("quote").allTextContents();
      expect(new Set(quotes).size).toBe(quotes.length);
    }
    // the open group is a list of Russia's suppliers, not a column of every sentence: a card shows
    // when its supplier is opened
    const parts = recipient.getByTestId("group-part");
    expect(await parts.locator("> summary").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^from China — \d+ claims in \d+ sentences$/)]),
    );
    expect(await recipient.locator(".claim:visible").count()).toBe(0);
    const china = recipient.locator('details.part[data-part="country:china"]');
    await china.locator("> summary").click();
    // China's five components, one sentence: one card
    const components = china.locator(".claim", { hasText: "machinery" });
    expect(await components.count()).toBe(1);
    expect(await components.isVisible()).toBe(true);
    expect(await components.locator(".triple").count()).toBe(5);
    // expanding works on the embedded store: the neighbours are highlighted
    await details.getByTestId("expand").click();
    await expect.poll(() => page.evaluate(() => (window as KgWindow).__kg!.app.store.get().focus)).toBe(RUSSIA);
    expect(await page.locator("#toast").textContent()).toMatch(/neighbours of Russia highlighted/);
    await screenshot(page, "flows-06-entity-panel");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("counts that agree", () => {
  it("the viewer's counts are kg stats' and say what they count; a link's sources exclude its deniers", async () => {
    const stats = spawnSync(process.execPath, ["bin/kg.js", "stats", "--data", dir, "--json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const s = JSON.parse(stats.stdout) as Record<string, number>;
    const { page, errors } = await open();
    const meta = await page.locator("#meta").textContent();
    expect(meta).toContain(`${s.entities} entities (${s.linkedEntities} on links)`);
    expect(meta).toContain(`${s.claims} claims`);
    expect(meta).toContain(
      `${s.links} links (${s.relationLinks} relation links, ${s.flows} supply flows, ${s.routeLegs} route legs)`,
    );
    expect(await page.locator("#counts").textContent()).toMatch(
      new RegExp(`of ${s.linkedEntities} entities on links · \\d+ of ${s.relationLinks} relation links`),
    );
    // China → intelligence: affirmed by Ukraine's intelligence, denied by Beijing
    await page.evaluate(
      (id) => (window as KgWindow).__kg!.app.store.update({ selection: { kind: "link", id } }),
      linkId("country:china", "SUPPLIES", "item:intelligence"),
    );
    const counts = page.getByTestId("link-counts");
    await expect.poll(() => counts.textContent()).toContain("1 independent supporting source");
    expect(await counts.textContent()).toContain("contested by China");
    // at least two sources and hide contested: no contested link is left
    await page.getByTestId("filter-minSources").fill("2");
    await page.getByTestId("filter-minSources").press("Tab");
    await page.getByTestId("filter-hideContested").check();
    const left = await page.evaluate(() => {
      const app = (window as KgWindow).__kg!.app;
      return [...app.visibility.edges].map((e) => app.graph.getEdgeAttributes(e));
    });
    expect(left.every((a) => !a.contested && a.sourceCount >= 2)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("event time and report time", () => {
  it("a claim stating no time shows its report date as such; year filters use stated times and say what they leave out", async () => {
    const { page, errors } = await open(`?view=flows&link=${FLOW("country:north-korea", RUSSIA)}`);
    const details = page.getByTestId("details");
    const munitions = details.locator(".claim", { hasText: "supplying munitions" });
    await expect.poll(() => munitions.count()).toBe(1);
    const badges = await munitions.locator(".badge").allTextContents();
    expect(badges).toEqual(expect.arrayContaining(["no time stated", "reported 2023-11-01"]));
    const shells = details.locator(".claim", { hasText: "artillery shells since early August" });
    expect(await shells.locator(".badge").allTextContents()).toEqual(expect.arrayContaining(["time 2023-08/2023-11"]));

    await page.getByTestId("filter-fromYear").fill("2023");
    await page.getByTestId("filter-fromYear").press("Tab");
    await page.getByTestId("filter-toYear").fill("2023");
    await page.getByTestId("filter-toYear").press("Tab");
    const links = await drawnLinks(page);
    expect(links).toContain(`country:north-korea SUPPLIES_TO ${RUSSIA}`);
    // Russia's technology for North Korea is only reported (2023-11-01): not a 2023 event
    expect(links).not.toContain(`${RUSSIA} SUPPLIES_TO country:north-korea`);
    expect(await page.getByTestId("report-time-note").textContent()).toMatch(
      /\d+ claims? on \d+ links? state no time, only when they were reported: the year filter leaves them out/,
    );
    await screenshot(page, "flows-07-time");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("search", () => {
  it("finds sentences too, and a found sentence opens its evidence", async () => {
    const { page, errors } = await open("?view=flows");
    await page.getByTestId("search").fill("artillery shells");
    const sentence = page.getByTestId("search-list").locator('li[data-kind="sentence"]');
    await expect.poll(() => sentence.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await sentence.first().textContent()).toContain("more than one million artillery shells");
    await sentence.first().dispatchEvent("mousedown");
    await expect
      .poll(() => page.evaluate(() => (window as KgWindow).__kg!.app.store.get().selection))
      .toMatchObject({ kind: "link", id: FLOW("country:north-korea", RUSSIA) });
    await expect.poll(() => page.locator(".claim.focused").getByTestId("quote").textContent()).toBe(NK_SHELLS_SENTENCE);
    await screenshot(page, "flows-08-sentence-search");
    expect(errors).toEqual([]);
    await page.close();
  });
});
