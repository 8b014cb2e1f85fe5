import { Readability } from "@mozilla/readability";
import { foldName } from "../../src/model/names.js";
import { normaliseDate } from "./date.js";
import { dropPageFurniture } from "./html-furniture.js";
import { parsePage, type MinimalDocument, type MinimalElement } from "./html-page.js";
import { pruneArticle } from "./html-prune.js";
import { blockText, type DomNode } from "./html-text.js";
import type { ReadArticle } from "./txt.js";

/**
 * HTML pages: Readability finds the article body on a linkedom document; the text is the title
 * and the body's paragraphs separated by blank lines. Navigation, scripts, share buttons and
 * related-article lists are dropped. When Readability finds no article, the page's visible text
 * is used and a warning says so.
 */

function meta(doc: MinimalDocument, selectors: string[], attr = "content"): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute(attr)?.trim();
    if (v) return v;
  }
  return null;
}

/** "Headline – Publisher" -> "Headline": the publisher is stored apart, and is no part of the story. */
function withoutPublisher(title: string | null, publisher: string | null): string | null {
  if (!title || !publisher) return title;
  const at = title.length - publisher.length;
  if (at <= 0 || title.slice(at).toLowerCase() !== publisher.toLowerCase()) return title;
  const m = /\s+[-–—|:·•]\s*$/u.exec(title.slice(0, at));
  return m ? title.slice(0, at - m[0].length).trim() || title : title;
}

const clean = (s: string | null | undefined) => {
  const v = (s ?? "").replace(/\s+/g, " ").trim();
  return v === "" ? null : v;
};

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

  dropPageFurniture(doc);

  let title: string | null = metaTitle;
  let publisher: string | null = metaPublisher;
  let published: string | null = null;
  let paragraphs: string[] = [];
  try {
    const result = new Readability<DomNode>(doc as unknown as Document, {
      serializer: (node) => node as unknown as DomNode,
      // class names say which blocks are captions, bylines or widgets (html-prune.ts)
      keepClasses: true,
    }).parse();
    if (result?.content) {
      pruneArticle(result.content as unknown as MinimalElement);
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
    dropPageFurniture(fresh);
    const root = fresh.body ?? fresh.documentElement;
    pruneArticle(root);
    paragraphs = blockText(root);
  }

  title = withoutPublisher(title, publisher);
  if (title && paragraphs.length > 0 && foldName(paragraphs[0]!) === foldName(title)) paragraphs.shift();
  const text = [...(title ? [title] : []), ...paragraphs].join("\n\n");

  const { date, warning } = normaliseDate(published ?? metaDate);
  if (warning) warnings.push(warning);
  return {
    article: { id, title, publisher, date, url, text, sourcePath },
    warnings,
    bodyStart: title ? title.length + 2 : 0,
    headerNames: [],
  };
}
