import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { blockText, type DomNode } from "../../ingest/read/html-text.js";

/**
 * Test pages with known article text, from a folder in one of two published layouts:
 * - `ground-truth.json` (`{id: {articleBody}}`) beside `html/<id>.html` or `html/<id>.html.gz`,
 *   as in the article-extraction benchmark of Zyte (scrapinghub/article-extraction-benchmark);
 * - one folder per page holding `source.html` and `expected.html`, as in Readability's own
 *   `test/test-pages`, whose expected text is that of `expected.html`.
 */

export interface Page {
  /** the set's name and the page's name in it, as printed */
  set: string;
  name: string;
  html: string;
  expected: string;
  /** which half the page falls in: "tune" pages may be looked at while changing the reader */
  half: Half;
}

export type Half = "tune" | "held-out";

/**
 * A fixed split by a hash of the page's name, so that it does not depend on the order of the
 * files, stays the same from run to run, and cannot be chosen page by page.
 */
export function halfOf(name: string): Half {
  return createHash("sha256").update(name).digest()[0]! < 128 ? "tune" : "held-out";
}

async function readHtml(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  return (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}

async function groundTruthSet(dir: string): Promise<Page[]> {
  const truth = JSON.parse(await fs.readFile(path.join(dir, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody?: string }
  >;
  const set = path.basename(dir);
  const pages: Page[] = [];
  for (const id of Object.keys(truth).sort()) {
    const file = [".html", ".html.gz"].map((ext) => path.join(dir, "html", id + ext)).find((f) => existsSync(f));
    if (!file) throw new Error(`${dir}: no html/${id}.html(.gz) for the ground truth's page ${id}`);
    pages.push({ set, name: id, html: await readHtml(file), expected: truth[id]!.articleBody ?? "", half: halfOf(id) });
  }
  return pages;
}

function textOfHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return blockText(document.body as unknown as DomNode).join("\n\n");
}

async function folderSet(dir: string): Promise<Page[]> {
  const set = path.basename(dir);
  const pages: Page[] = [];
  for (const name of (await fs.readdir(dir)).sort()) {
    const source = path.join(dir, name, "source.html");
    const expected = path.join(dir, name, "expected.html");
    if (!existsSync(source) || !existsSync(expected)) continue;
    pages.push({
      set,
      name,
      html: await readHtml(source),
      expected: textOfHtml(await readHtml(expected)),
      half: halfOf(name),
    });
  }
  if (pages.length === 0) throw new Error(`${dir}: no ground-truth.json and no */source.html with expected.html`);
  return pages;
}

export async function loadPages(dir: string): Promise<Page[]> {
  return existsSync(path.join(dir, "ground-truth.json")) ? groundTruthSet(dir) : folderSet(dir);
}
