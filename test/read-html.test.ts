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

describe("the title", () => {
  it("leaves out the publisher's name that the page's title ends with", () => {
    const { article } = articleFromHtml(
      "page",
      `<!doctype html><html><head><title>Drone engines through Almaty – The Example Herald</title>` +
        `<meta property="og:site_name" content="The Example Herald"></head><body><article>${paragraphs()}</article></body></html>`,
      "page.html",
    );
    expect(article.title).toBe("Drone engines through Almaty");
    expect(article.publisher).toBe("The Example Herald");
    expect(article.text.split("\n\n")[0]).toBe("Drone engines through Almaty");
  });
});

describe("furniture inside the article", () => {
  it("drops pictures' captions and credits", () => {
    const text = textOf(
      page(
        `<article><h1>Drone engines through Almaty</h1>` +
          `<figure><img src="a.jpg" alt=""><figcaption>A warehouse in the free-trade zone. Photo: Jane Roe</figcaption></figure>` +
          paragraphs(
            `<div class="image-block"><img src="b.jpg"><span class="image-credit">Image copyright Getty Images</span></div>` +
              `<p>Trucks wait at the border crossing near Khorgos (Photo: Getty Images)</p>` +
              `<p>The first global map of the route. (Acme Maps/OpenData)</p>`,
          ) +
          `</article>`,
      ),
    );
    expectProseKept(text);
    for (const junk of ["warehouse", "Getty", "Trucks wait", "Acme Maps"]) expect(text).not.toContain(junk);
  });

  it("drops bylines, datelines and the summary in the article's header, but not prose that starts alike", () => {
    const text = textOf(
      page(
        `<article><header><h1>Drone engines through Almaty</h1><p class="summary">A short summary of the story.</p>` +
          `<p>By Jane Doe and John Roe | November 18, 2019 at 2:26 PM</p></header>` +
          `<p><span class="submitted-by">By Jane Doe - 11/18/19 11:04 PM EST</span></p>` +
          `<p>Updated 10:01 pm PST, Tuesday, November 19, 2019</p>` +
          paragraphs(
            "<p>By March, the company had shipped more than three hundred engines to the same address in Moscow.</p>",
          ) +
          `<p>Anna Smith contributed reporting from Almaty.</p></article>`,
      ),
    );
    expectProseKept(text);
    expect(text).toContain("By March, the company had shipped more than three hundred engines");
    for (const junk of ["summary of the story", "Jane Doe", "11:04", "10:01", "contributed reporting"])
      expect(text).not.toContain(junk);
  });

  it("drops lists of other articles and their labels, but keeps a list of names that belongs to the story", () => {
    const headlines = [
      "Iran opens a new drone factory near Tehran",
      "Sanctions on shipping firms widened again",
      "How chips reach the front line in Ukraine",
    ];
    const text = textOf(
      page(
        `<article><h1>Drone engines through Almaty</h1>` +
          paragraphs(
            `<p>Related: <a href="/2023/05/other-story">Kazakhstan tightens export controls on dual-use goods</a></p>` +
              `<p>The records name three companies as the senders:</p>` +
              `<ul><li><a href="/company/alpha">Alpha Trade</a></li><li><a href="/company/beta">Limited Liability Company Beta Logistics Holding</a></li><li><a href="/company/gamma">Gamma Parts and Components of Almaty</a></li></ul>`,
          ) +
          `<h3>Trending</h3><ul>${headlines.map((h, i) => `<li><a href="/story/${i}">${h}</a></li>`).join("")}</ul>` +
          `<p><a href="/2023/06/another-story">Customs officers seize drone parts at the border</a></p></article>`,
      ),
    );
    expectProseKept(text);
    for (const name of [
      "Alpha Trade",
      "Limited Liability Company Beta Logistics Holding",
      "Gamma Parts and Components",
    ])
      expect(text).toContain(name);
    for (const junk of ["Related", "export controls", "Trending", ...headlines, "Customs officers seize"])
      expect(text).not.toContain(junk);
  });

  it("drops calls to subscribe or follow and copyright lines, but keeps the story's own words about subscriptions", () => {
    const text = textOf(
      page(
        `<article><h1>Drone engines through Almaty</h1>` +
          paragraphs(
            `<p>Sign up for our newsletter to get the latest news in your inbox.</p>` +
              `<p>The agency said a subscription to the customs database costs $300 a month.</p>`,
          ) +
          `<p>Follow Jane Doe on Twitter and Facebook.</p><p>© 2024 The Example Herald. All rights reserved.</p></article>`,
      ),
    );
    expectProseKept(text);
    expect(text).toContain("a subscription to the customs database");
    for (const junk of ["Sign up", "Follow Jane", "©", "All rights reserved"]) expect(text).not.toContain(junk);
  });

  it("keeps a short story whose container has a widget-like class", () => {
    const brief = [
      "Kazakhstan said on Monday it had stopped a shipment of drone engines bound for Russia.",
      "The engines were found in a truck at the Khorgos crossing, customs officials said.",
    ];
    const text = textOf(
      page(
        `<div class="post category-social tag-share"><h1>Drone engines stopped</h1>${brief.map((p) => `<p>${p}</p>`).join("")}</div>`,
        "Drone engines stopped",
      ),
    );
    for (const p of brief) expect(text).toContain(p);
  });

  it("keeps section headings that link to themselves", () => {
    const text = textOf(
      page(
        `<article><h1>Drone engines through Almaty</h1>${paragraphs()}` +
          `<h2><a href="#the-route-through-the-free-trade-zone">The route through the free-trade zone</a></h2>` +
          `<p>${PROSE[0]!.replace("Customs records", "Shipping manifests")}</p></article>`,
      ),
    );
    expect(text).toContain("The route through the free-trade zone");
  });
});
