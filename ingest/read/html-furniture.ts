import type { MinimalDocument, MinimalElement } from "./html-page.js";
import { INVISIBLE } from "./html-text.js";

/**
 * Page furniture removed before Readability looks for the article: what is never article text
 * (invisible elements, navigation, buttons, dialogs), and widgets (share bars, related-article
 * lists, newsletter boxes) recognised by their class or id. Removing them first also keeps
 * Readability from choosing a container because of the text they hold.
 */

// Widgets that sit inside article containers and that Readability sometimes keeps.
const WIDGET =
  /(?:^|[\s_-])(share|sharing|social|related|recommended|newsletter|subscribe|promo|advert|sponsored|outbrain|taboola|comments?)(?:$|[\s_-])/i;
const DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "button", "nav", "aside", "dialog"];

/** Length of the text of links to other pages (a heading linked to itself, "#section", is not one). */
export function linkTextLength(el: MinimalElement): number {
  let n = 0;
  for (const a of el.querySelectorAll("a")) {
    if ((a.getAttribute("href") ?? "").startsWith("#")) continue;
    n += (a.textContent ?? "").trim().length;
  }
  return n;
}

const textLength = (el: MinimalElement) => (el.textContent ?? "").replace(/\s+/g, " ").trim().length;

// Sign-in, search and newsletter forms hold a line or two of text; some publishing systems wrap
// the whole page, article included, in one form, which must stay.
function wrapsProse(form: MinimalElement): boolean {
  let paragraphs = 0;
  for (const p of form.querySelectorAll("p")) if (textLength(p) >= 80 && ++paragraphs >= 2) return true;
  return false;
}

export function dropPageFurniture(doc: MinimalDocument): void {
  const tags = [...DROP_TAGS, ...[...INVISIBLE].filter((t) => t !== "HEAD").map((t) => t.toLowerCase())];
  for (const el of [...doc.querySelectorAll(tags.join(","))]) el.remove();
  for (const form of [...doc.querySelectorAll("form")]) if (!wrapsProse(form)) form.remove();
  for (const el of [...doc.querySelectorAll("[class],[id],[role]")]) {
    const role = el.getAttribute("role");
    if (role === "navigation" || role === "complementary") {
      el.remove();
      continue;
    }
    // A widget-like name alone is not enough, since article containers get classes like
    // "share-enabled": the element must also be short or mostly links.
    if (!WIDGET.test(`${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`)) continue;
    // the element with the headline is the article, whatever its classes ("post category-social")
    if (el.querySelector("h1")) continue;
    const length = textLength(el);
    if (length < 300 || linkTextLength(el) > length / 2) el.remove();
  }
}
