import { describe, expect, it } from "vitest";
import { articleFromHtml } from "../ingest/read/html.js";

/**
 * What kg keeps of a news page: the article's paragraphs, and none of the furniture around and
 * inside it. The pages are small hand-written ones, each built around one kind of furniture.
 */

const PROSE = [
  "Customs records show that a trading company in Almaty shipped drone engines and flight controllers to a buyer in Moscow in the spring of 2023.",
  "The shipments were declared as agricultural equipment, according to the documents, and passed through a free-trade zone near the border.",
  "Officials in Astana said they had opened an inquiry into the company and would publish its findings before the end of the year.",
  "Analysts who track the trade said the same route had been used for microchips and cameras since the first sanctions were imposed.",
];

const paragraphs = (extra = "") => PROSE.map((p, i) => `<p>${p}</p>${i === 1 ? extra : ""}`).join("\n");

function page(body: string, title = "Drone engines through Almaty"): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

function textOf(html: string): string {
  return articleFromHtml("page", html, "page.html").article.text;
}

function expectProseKept(text: string) {
  for (const p of PROSE) expect(text).toContain(p);
}

describe("HTML article text", () => {
  it("keeps an article that the page wraps whole in a form, and drops a search form", () => {
    const text = textOf(
      page(
        `<header><form action="/search"><label>Search the site</label><input name="q"></form></header>` +
          `<form method="post" action="/page.aspx"><div class="content"><h1>Drone engines through Almaty</h1>${paragraphs()}</div></form>`,
      ),
    );
    expectProseKept(text);
    expect(text).not.toContain("Search the site");
  });
});
