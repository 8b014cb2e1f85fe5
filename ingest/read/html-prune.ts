import { furnitureText } from "./furniture-text.js";
import { linkTextLength } from "./html-furniture.js";
import type { MinimalElement } from "./html-page.js";

/**
 * Furniture that Readability keeps inside the article it found: pictures' captions and credits,
 * bylines and datelines, lists of links to other articles, and the labels, calls to subscribe and
 * copyright lines between the paragraphs. Readability is asked to keep the page's class names so
 * that they can say what a block is; the words of short blocks say the rest (furniture-text.ts).
 */

const BLOCKS = new Set([
  "P",
  "DIV",
  "LI",
  "UL",
  "OL",
  "DL",
  "DT",
  "DD",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "SECTION",
  "HEADER",
  "FOOTER",
  "FIGURE",
  "FIGCAPTION",
  "BLOCKQUOTE",
  "TABLE",
  "TR",
  "TD",
  "TH",
  "ASIDE",
  "ADDRESS",
  "DETAILS",
  "SUMMARY",
  "PRE",
]);

// Class and id words of furniture, matched as whole words of the name ("byline", "c-caption",
// "articleCredit" -> "article credit").
const CAPTION_NAME = /\b(?:caption|captions|credit|credits|photo credit|image credit|copyright|attribution|enlarge)\b/;
const BYLINE_NAME =
  /\b(?:byline|bylines|author|authors|dateline|timestamp|timestamps|date|dates|time|pubdate|published|updated|posted)\b/;
const WIDGET_NAME =
  /\b(?:share|sharing|social|related|recommended|recommendations|newsletter|subscribe|subscription|signup|promo|advert|advertisement|ad|ads|sponsored|outbrain|taboola|comments?|trending|popular|most read|more stories|read more|recirc|tags|tag list|topics|breadcrumbs?|toolbar|tools)\b/;

function nameOf(el: MinimalElement): string {
  const raw = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("itemprop") ?? ""}`;
  return raw
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
}

const textOf = (el: MinimalElement) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

function hasBlockInside(el: MinimalElement): boolean {
  for (const d of el.querySelectorAll("*")) if (BLOCKS.has(d.tagName.toUpperCase())) return true;
  return false;
}

/** A paragraph of the story: long enough, with sentences, not mostly links. */
function holdsProse(el: MinimalElement): boolean {
  for (const p of el.querySelectorAll("p")) {
    const t = textOf(p);
    if (t.length >= 200 && /[.!?]["'”’)]?$/.test(t) && linkTextLength(p) < t.length / 3) return true;
  }
  return false;
}

const words = (t: string) => t.split(" ").filter(Boolean).length;

const HEADLINE_WORDS = 4;
// the small words that names are made with too ("Bank of China", "Research and Production")
const NAME_PARTICLES = new Set(["and", "for", "the", "von", "van", "der", "den", "del", "des", "los", "las", "und"]);

/**
 * The headline of another article, as opposed to a name: several words, some of them lower-case
 * words that names do not use ("Iran opens a new drone factory"). A headline in Title Case is
 * taken for a name, since a list of companies named by the story must not be lost.
 */
function isHeadline(text: string): boolean {
  const ws = text.split(" ").filter((w) => /[\p{L}\p{N}]/u.test(w));
  return ws.length >= HEADLINE_WORDS && ws.some((w) => /^\p{Ll}{3,}/u.test(w) && !NAME_PARTICLES.has(w));
}

function isHeadlines(list: MinimalElement): boolean {
  const links = [...list.querySelectorAll("a")].map(textOf).filter((t) => t !== "");
  return links.length > 0 && links.filter(isHeadline).length * 2 >= links.length;
}

type Verdict = "keep" | "furniture" | "label";

function isFurniture(el: MinimalElement): Verdict {
  const v = judge(el);
  return v === true ? "furniture" : v === false ? "keep" : v;
}

function judge(el: MinimalElement): boolean | "label" {
  const tag = el.tagName.toUpperCase();
  if (tag === "FIGCAPTION") return true;
  if (tag === "FIGURE") return !holdsProse(el);
  // the article's own header: headline, summary, byline, date, picture
  if (tag === "HEADER") return !holdsProse(el);
  const text = textOf(el);
  if (text === "") return false;
  const name = nameOf(el);
  const links = linkTextLength(el);
  if (name.trim() !== "") {
    if (CAPTION_NAME.test(name) && text.length < 500 && !holdsProse(el)) return true;
    if (BYLINE_NAME.test(name) && text.length < 200 && !holdsProse(el)) return true;
    if (WIDGET_NAME.test(name) && (text.length < 300 || links > text.length / 2) && !holdsProse(el)) return true;
  }
  // A list of linked headlines is a list of other articles; a list of linked names (companies,
  // people, films) may be the story's own, and headlines are longer than names.
  if ((tag === "UL" || tag === "OL") && links >= text.length * 0.7 && isHeadlines(el)) return true;
  if (hasBlockInside(el)) return false;
  // a short block that is all link is the headline of another article
  if (words(text) <= 30 && links >= text.length * 0.8 && isHeadline(text)) return true;
  // a table's cells are data, whatever their words
  if (tag === "TD" || tag === "TH") return false;
  const kind = furnitureText(text);
  return kind === "label" ? "label" : kind !== null;
}

function nextElement(el: MinimalElement): MinimalElement | null {
  for (let n = el.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 1) return n as MinimalElement;
    if ((n.nodeValue ?? "").trim() !== "") return null;
  }
  return null;
}

/** Removes the furniture inside the article element that Readability returned. */
export function pruneArticle(root: MinimalElement): void {
  const whole = textOf(root).length;
  for (const el of [...root.querySelectorAll("*")]) {
    // Readability's article is detached from the page: "still there" means still under root
    if (!BLOCKS.has(el.tagName.toUpperCase()) || !root.contains(el)) continue;
    // what holds most of the article is the article, whatever its class names say ("post tag-social")
    if (textOf(el).length > whole / 2) continue;
    const verdict = isFurniture(el);
    if (verdict === "keep") continue;
    // "Related", "Trending", "More:" announce the list of links that follows them
    const next = verdict === "label" ? nextElement(el) : null;
    if (next && ["UL", "OL"].includes(next.tagName.toUpperCase()) && linkTextLength(next) > textOf(next).length / 2)
      next.remove();
    el.remove();
  }
}
