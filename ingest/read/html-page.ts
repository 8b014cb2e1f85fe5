import { parseHTML } from "linkedom";
import type { DomNode } from "./html-text.js";

/** The few DOM operations the HTML reader uses, so that it needs no browser typings for linkedom. */
export interface MinimalElement extends DomNode {
  tagName: string;
  parentNode: MinimalElement | null;
  contains(other: MinimalElement): boolean;
  getAttribute(name: string): string | null;
  remove(): void;
  textContent: string | null;
  querySelector(selector: string): MinimalElement | null;
  querySelectorAll(selector: string): Iterable<MinimalElement>;
}
export interface MinimalDocument {
  title: string;
  body: MinimalElement | null;
  documentElement: MinimalElement;
  querySelector(selector: string): MinimalElement | null;
  querySelectorAll(selector: string): Iterable<MinimalElement>;
}

/**
 * A linkedom document for a page. linkedom builds a document without a root element from a
 * fragment ("<p>..</p>", bare text), which Readability and even `document.body` then fail on:
 * fragments are given the page they lack.
 */
export function parsePage(html: string): MinimalDocument {
  const head = html.slice(0, 256 * 1024);
  if (/<html[\s>]/i.test(head) && /<body[\s>]/i.test(html))
    return parseHTML(html).document as unknown as MinimalDocument;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, "").replace(/<\/?html(?:\s[^>]*)?>/gi, "");
  return parseHTML(`<!doctype html><html><head></head><body>${inner}</body></html>`)
    .document as unknown as MinimalDocument;
}
