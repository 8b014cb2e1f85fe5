/**
 * Turns a DOM subtree into plain article text: one paragraph per block element, whitespace
 * collapsed inside paragraphs, paragraphs separated by a blank line. Only textContent-style
 * reading: no markup from the page survives into the text.
 */

// Minimal structural view of a DOM node, so the walker works on linkedom's documents without
// depending on the browser DOM typings matching linkedom's.
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TD",
  "TFOOT",
  "TH",
  "THEAD",
  "TR",
  "UL",
]);

/** Never visible text, whatever the page does with them. */
export const INVISIBLE = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "MATH",
  "IFRAME",
  "OBJECT",
  "HEAD",
]);

const ELEMENT = 1;
const TEXT = 3;

export function blockText(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const p = current
      .join("")
      .replace(/[ \t\f\v\r\n\u00a0]+/g, " ")
      .trim();
    if (p !== "") paragraphs.push(p);
    current = [];
  };
  // iterative walk: pages nest deeply enough to overflow the stack with recursion
  const stack: Array<{ node: DomNode; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    const name = node.nodeName.toUpperCase();
    if (leaving) {
      if (BLOCK.has(name)) flush();
      continue;
    }
    if (node.nodeType === TEXT) {
      current.push(node.nodeValue ?? "");
      continue;
    }
    if (node.nodeType !== ELEMENT && node !== root) continue;
    if (INVISIBLE.has(name)) continue;
    // news pages that separate paragraphs with <br><br> would otherwise run them together
    if (name === "BR") {
      flush();
      continue;
    }
    if (BLOCK.has(name)) flush();
    stack.push({ node, leaving: true });
    const children: DomNode[] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, leaving: false });
  }
  flush();
  return paragraphs;
}
