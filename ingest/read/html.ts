import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { foldName } from "../../src/model/names.js";
import { normaliseDate } from "./date.js";
import { blockText, INVISIBLE, type DomNode } from "./html-text.js";
import type { ReadArticle } from "./txt.js";

/**
 * HTML pages: Readability finds the article body on a linkedom document; the text is the title
 * and the body's paragraphs separated by blank lines. Navigation, scripts, share buttons and
 * related-article lists are dropped. When Readability finds no article, the page's visible text
 * is used and a warning says so.
 */

// Widgets that sit inside article containers and that Readability sometimes keeps.
const WIDGET =
  /(?:^|[\s_-])(share|sharing|social|related|recommended|newsletter|subscribe|promo|advert|sponsored|outbrain|taboola|comments?)(?:$|[\s_-])/i;
const DROP_TAGS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "svg",
  "form",
  "button",
  "nav",
  "aside",
  "dialog",
];

interface MinimalElement extends DomNode {
  getAttribute(name: string): string | null;
  remove(): void;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<MinimalElement>;
}
interface MinimalDocument {
  title: string;
  body: MinimalElement | null;
  documentElement: MinimalElement;
  querySelector(selector: string): MinimalElement | null;
  querySelectorAll(selector: string): Iterable<MinimalElement>;
}

function meta(doc: MinimalDocument, selectors: string[], attr = "content"): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute(attr)?.trim();
    if (v) return v;
  }
  return null;
}

function linkTextLength(el: MinimalElement): number {
  let n = 0;
  for (const a of el.querySelectorAll("a")) n += (a.textContent ?? "").trim().length;
  return n;
}

/**
 * Removes what is never article text: invisible elements, navigation, forms, and widgets (share
 * bars, related-article lists, newsletter boxes) recognised by their class or id. A widget-like
 * name alone is not enough, since article containers get classes like "share-enabled": the
 * element must also be short or mostly links.
 */
function dropBoilerplate(doc: MinimalDocument): void {
  const tags = [...DROP_TAGS, ...[...INVISIBLE].filter((t) => t !== "HEAD").map((t) => t.toLowerCase())];
  for (const el of [...doc.querySelectorAll(tags.join(","))]) el.remove();
  for (const el of [...doc.querySelectorAll("[class],[id],[role]")]) {
    const role = el.getAttribute("role");
    if (role === "navigation" || role === "complementary") {
      el.remove();
      continue;
    }
    if (!WIDGET.test(`${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`)) continue;
    const length = (el.textContent ?? "").trim().length;
    if (length < 300 || linkTextLength(el) > length / 2) el.remove();
  }
}

const clean = (s: string | null | undefined) => {
  const v = (s ?? "").replace(/\s+/g, " ").trim();
  return v === "" ? null : v;
};

/**
 * linkedom builds a document without a root element from a fragment ("<p>..</p>", bare text),
 * which Readability and even `document.body` then fail on: give fragments the page they lack.
 */
function parsePage(html: string): MinimalDocument {
  const head = html.slice(0, 256 * 1024);
  if (/<html[\s>]/i.test(head) && /<body[\s>]/i.test(html))
    return parseHTML(html).document as unknown as MinimalDocument;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, "").replace(/<\/?html(?:\s[^>]*)?>/gi, "");
  return parseHTML(`<!doctype html><html><head></head><body>${inner}</body></html>`)
    .document as unknown as MinimalDocument;
}

export function articleFromHtml(id: string, html: string, sourcePath: string | null): ReadArticle {
  const warnings: string[] = [];
  const doc = parsePage(html);

  // metadata first: Readability rewrites the document it parses
  const url = meta(doc, ['link[rel="canonical"]'], "href") ?? meta(doc, ['meta[property="og:url"]']);
  const metaDate =
    meta(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'meta[name="pubdate"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date.issued"]',
    ]) ?? meta(doc, ["time[datetime]"], "datetime");
  const metaPublisher = meta(doc, ['meta[property="og:site_name"]', 'meta[name="publisher"]']);
  const metaTitle = meta(doc, ['meta[property="og:title"]']) ?? clean(doc.title);

  dropBoilerplate(doc);

  let title: string | null = metaTitle;
  let publisher: string | null = metaPublisher;
  let published: string | null = null;
  let paragraphs: string[] = [];
  try {
    const result = new Readability<DomNode>(doc as unknown as Document, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
    if (result?.content) {
      paragraphs = blockText(result.content);
      title = clean(result.title) ?? title;
      publisher = clean(result.siteName) ?? publisher;
      published = clean(result.publishedTime);
    }
  } catch (e) {
    warnings.push(
      `Readability failed (${(e as Error).message}); using all the page's text but scripts, navigation and widgets`,
    );
  }
  if (paragraphs.length === 0) {
    if (warnings.length === 0)
      warnings.push("Readability found no article body; using all the page's text but scripts, navigation and widgets");
    // Readability may have emptied the document: read the page again. Text hidden by CSS is kept:
    // pages that reveal their body with JavaScript look empty to Readability.
    const fresh = parsePage(html);
    dropBoilerplate(fresh);
    paragraphs = blockText(fresh.body ?? fresh.documentElement);
  }

  if (title && paragraphs.length > 0 && foldName(paragraphs[0]!) === foldName(title)) paragraphs.shift();
  const text = [...(title ? [title] : []), ...paragraphs].join("\n\n");

  const { date, warning } = normaliseDate(published ?? metaDate);
  if (warning) warnings.push(warning);
  return { article: { id, title, publisher, date, url, text, sourcePath }, warnings };
}
