import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseDate } from "../ingest/read/date.js";
import { articleFromHtml } from "../ingest/read/html.js";
import type { ReadItem } from "../ingest/read/item.js";
import { readJsonlArticles } from "../ingest/read/jsonl.js";
import { expandInputs, readEntry, type InputEntry, type ReadOptions } from "../ingest/read/sources.js";
import { articleFromTxt, parseTxtHeaders } from "../ingest/read/txt.js";
import { firstInvalidUtf8Byte } from "../ingest/read/utf8.js";
import { ArticleSchema } from "../src/model/article.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const INPUT = path.join(FIXTURES, "input");
const DEV = path.join(FIXTURES, "dev-articles");
const SEEDS = path.join(import.meta.dirname, "..", "examples", "articles");

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function readPath(p: string, options: ReadOptions = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const entry of expandInputs([p])) items.push(...(await collect(readEntry(entry, options))));
  return items;
}

function onlyArticle(items: ReadItem[]) {
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (item.kind !== "article") throw new Error(`expected an article, got ${item.kind}: ${item.message}`);
  return item;
}

function onlyFailure(items: ReadItem[]) {
  expect(items).toHaveLength(1);
  const item = items[0]!;
  if (item.kind !== "failed") throw new Error(`expected a failure, got ${item.kind}`);
  return item;
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-read-"));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("dates", () => {
  it.each([
    ["2024-05-16", "2024-05-16"],
    ["2022-11-09T23:30:00-05:00", "2022-11-09"],
    ["2024/3/5", "2024-03-05"],
    ["20240305", "2024-03-05"],
    ["November 9, 2022", "2022-11-09"],
    ["Nov. 9 2022", "2022-11-09"],
    ["Wednesday, November 9, 2022 10:00", "2022-11-09"],
    ["9 November 2022", "2022-11-09"],
    ["Tue, 08 Nov 2022 10:00:00 GMT", "2022-11-08"],
    ["Sept 30th, 2023", "2023-09-30"],
    ["November 2022", "2022-11"],
    ["2023", "2023"],
    ["25.12.2023", "2023-12-25"],
  ])("reads %s as %s", (raw, iso) => {
    expect(normaliseDate(raw)).toEqual({ date: iso });
  });

  it.each(["sometime last spring", "2023-02-30", "13/13/2023", "05/06/2023", "Smarch 3, 2020"])(
    "gives null and a warning for %s",
    (raw) => {
      const r = normaliseDate(raw);
      expect(r.date).toBeNull();
      expect(r.warning).toContain(raw);
    },
  );

  it("says nothing about an absent or empty date", () => {
    expect(normaliseDate("")).toEqual({ date: null });
    expect(normaliseDate("   ")).toEqual({ date: null });
    expect(normaliseDate(null)).toEqual({ date: null });
  });
});

describe("text articles", () => {
  it("reads the header block and keeps the whole file as the text", async () => {
    const file = path.join(DEV, "d04_nhk_nitrocellulose.txt");
    const item = onlyArticle(await readPath(file));
    expect(item.article).toMatchObject({
      id: "d04_nhk_nitrocellulose",
      title: "China's nitrocellulose exports to Russia up sharply since invasion of Ukraine",
      publisher: "NHK World-Japan",
      date: "2024-05-16",
      url: "https://www3.nhk.or.jp/nhkworld/en/news/20240516_17/",
      sourcePath: file,
    });
    // evidence offsets point into the file: the text must be the file, headers included
    expect(item.article.text).toBe(readFileSync(file, "utf8"));
    expect(item.warnings).toEqual([]);
  });

  it("treats an empty Date header as unknown, without a warning", async () => {
    const item = onlyArticle(await readPath(path.join(DEV, "d01_ti_chips_hong_kong.txt")));
    expect(item.article.date).toBeNull();
    expect(item.article.title).toMatch(/^Chips from Texas Instruments/);
    expect(item.warnings).toEqual([]);
  });

  it("reads files without headers (the sample articles) with empty metadata", async () => {
    const file = path.join(SEEDS, "003_0a244f4867f7f563.txt");
    const item = onlyArticle(await readPath(file));
    expect(item.article).toMatchObject({
      id: "003_0a244f4867f7f563",
      title: null,
      publisher: null,
      date: null,
      url: null,
    });
    expect(item.article.text).toBe(readFileSync(file, "utf8"));
  });

  it("does not take prose that starts with a colon phrase for headers", () => {
    expect(parseTxtHeaders("Update: Russia strikes Kyiv again\nMore text follows.\n")).toBeNull();
    expect(parseTxtHeaders("Title: Real title\nThis line is prose, not a header\n\nBody")).toBeNull();
    expect(parseTxtHeaders("Title: T\r\nDate: 2024-01-02\r\n\r\nBody")).toEqual({
      title: "T",
      publisher: null,
      date: "2024-01-02",
      url: null,
    });
  });

  it("warns about an unreadable date but keeps the article", () => {
    const r = articleFromTxt("a", "Title: T\nDate: the day after\n\nBody text.", "a.txt");
    expect(r.article.date).toBeNull();
    expect(r.warnings).toEqual([expect.stringContaining("the day after")]);
  });

  it("keeps text that looks like Cypher or HTML exactly as written", async () => {
    const text = 'Title: \'}) DETACH DELETE n //\n\n<script>alert(1)</script> MATCH (n) DETACH DELETE n; $x `y` "z"\n';
    const file = path.join(tmp, "hostile.txt");
    await fs.writeFile(file, text);
    const item = onlyArticle(await readPath(file));
    expect(item.article.text).toBe(text);
    expect(item.article.title).toBe("'}) DETACH DELETE n //");
  });
});

describe("HTML articles", () => {
  const file = path.join(INPUT, "news-page.html");

  it("keeps the article body and its metadata", async () => {
    const item = onlyArticle(await readPath(file));
    expect(item.article).toMatchObject({
      id: "news-page",
      title: "Drone parts flow through Kazakhstan",
      publisher: "The Example Herald",
      date: "2024-03-05",
      url: "https://herald.example/2024/03/05/drone-parts-kazakhstan",
    });
    const paragraphs = item.article.text.split("\n\n");
    expect(paragraphs[0]).toBe("Drone parts flow through Kazakhstan");
    expect(paragraphs).toContain(
      "Kazakhstan's trade ministry said it had tightened export controls on dual-use goods and was investigating the companies named in the records. Two of the firms were sanctioned by the European Union in February.",
    );
    expect(paragraphs.filter((p) => p.startsWith("Chinese suppliers shipped drone engines"))).toHaveLength(1);
    expect(item.warnings).toEqual([]);
  });

  it("drops navigation, scripts, share buttons, related articles, newsletter boxes and footers", async () => {
    const { text } = onlyArticle(await readPath(file)).article;
    for (const junk of [
      "Home",
      "Sport",
      "dataLayer",
      "DETACH DELETE",
      "Injected advert",
      "Share on Facebook",
      "Tweet this story",
      "Related articles",
      "Sanctions on Iranian drone makers widened",
      "newsletter",
      "All rights reserved",
      "color: red",
    ]) {
      expect(text).not.toContain(junk);
    }
  });

  it("falls back to the page's text, with a warning, when Readability finds no body", async () => {
    const item = onlyArticle(await readPath(path.join(INPUT, "js-revealed.html")));
    expect(item.warnings).toEqual([expect.stringMatching(/Readability found no article body/)]);
    expect(item.article.text).toContain("North Korea sent artillery shells to Russia by rail in 2023");
    expect(item.article.text).not.toContain("getElementById");
    expect(item.article.text).not.toContain("About");
    expect(item.article.date).toBe("2022-11-09");
  });

  it("reads a page full of scripts without keeping any of them", () => {
    const scripts = Array.from(
      { length: 2000 },
      (_, i) => `<script>var s${i} = "<p>script paragraph ${i}</p>"; if (a < b && c > d) { x(); }</script>`,
    ).join("\n");
    const html = `<html><head>${scripts}</head><body>${scripts}<article><p>Iran supplied drones to Russia in 2022, officials said, and the deliveries continued through the winter.</p>${scripts}</article></body></html>`;
    const r = articleFromHtml("scripts", html, "scripts.html");
    expect(r.article.text).toBe(
      "Iran supplied drones to Russia in 2022, officials said, and the deliveries continued through the winter.",
    );
  });

  it("reads fragments and bare text given as HTML", () => {
    expect(articleFromHtml("f", "<p>One.</p><p>Two.</p>", "f.html").article.text).toBe("One.\n\nTwo.");
    expect(articleFromHtml("b", "Just text, no tags.", "b.html").article.text).toBe("Just text, no tags.");
  });

  it("fails a page with no text at all, naming the file", async () => {
    const p = path.join(tmp, "blank.html");
    await fs.writeFile(p, "<html><body><div><p> </p></div></body></html>");
    const failure = onlyFailure(await readPath(p));
    expect(failure.source).toBe(p);
    expect(failure.message).toBe("no article text: the page shows no text; skipped");
  });
});

describe("JSONL articles", () => {
  const file = path.join(INPUT, "articles.jsonl");

  it("reads every good line and names file, line and field for the bad ones", async () => {
    const items = await readPath(file);
    const articles = items.filter((i) => i.kind === "article");
    const failures = items.filter((i) => i.kind === "failed");
    expect(articles.map((a) => a.article.id)).toEqual(["j1", "j2", "j3", "j10"]);
    expect(articles[0]!.article).toEqual({
      id: "j1",
      title: "Rail shipments",
      publisher: "Example Wire",
      date: "2023-10-13",
      url: "https://example.org/j1",
      text: "North Korea supplied artillery shells to Russia in 2023.",
      sourcePath: `${file}:1`,
    });
    expect(articles[1]!.article.date).toBe("2022-11-09");
    expect(articles[3]!.article.date).toBe("2024");
    // a bad date is a warning, never a failed article
    expect(articles[2]!.article.date).toBeNull();
    expect(articles[2]!.warnings).toEqual([expect.stringMatching(/^date: .*sometime last spring/)]);

    const messages = failures.map((f) => (f.kind === "failed" ? `${f.source}: ${f.message}` : ""));
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^${file}:5: text: `)),
      expect.stringMatching(new RegExp(`^${file}:6: id: id must not be empty`)),
      expect.stringMatching(new RegExp(`^${file}:7: text: `)),
      expect.stringMatching(new RegExp(`^${file}:8: invalid JSON`)),
      expect.stringMatching(new RegExp(`^${file}:9: expected a JSON object`)),
    ]);
  });

  it("drops a line over the size limit without holding it, and goes on", async () => {
    const big = JSON.stringify({ id: "big", text: "x".repeat(5000) });
    const chunks = [Buffer.from(`${big.slice(0, 100)}`), Buffer.from(`${big.slice(100)}\n{"id":"ok","text":"fine"}`)];
    const items = await collect(readJsonlArticles(Readable.from(chunks), "big.jsonl", 1000));
    expect(items.map((i) => `${i.source} ${i.kind}`)).toEqual(["big.jsonl:1 failed", "big.jsonl:2 article"]);
    expect(items[0]!.kind === "failed" && items[0]!.message).toMatch(/over the --max-bytes limit/);
  });

  it("reads CRLF files, a BOM and a last line without newline", async () => {
    const data = Buffer.from('\uFEFF{"id":"a","text":"A."}\r\n{"id":"b","text":"B."}');
    const items = await collect(readJsonlArticles([data], "crlf.jsonl", 1 << 20));
    expect(items.map((i) => (i.kind === "article" ? i.article.id : i.kind))).toEqual(["a", "b"]);
  });

  it("names the line with invalid UTF-8", async () => {
    const data = Buffer.concat([
      Buffer.from('{"id":"a","text":"A."}\n{"id":"b","text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n'),
    ]);
    const items = await collect(readJsonlArticles([data], "latin1.jsonl", 1 << 20));
    expect(items[1]).toMatchObject({
      kind: "failed",
      source: "latin1.jsonl:2",
      message: expect.stringMatching(/UTF-8/),
    });
  });
});

describe("stdin", () => {
  const stdin = (text: string) => Readable.from([Buffer.from(text)]);
  const readStdin = (text: string, options: ReadOptions = {}) =>
    collect(readEntry({ kind: "stdin" }, { ...options, stdin: stdin(text) }));

  it("reads a text article from stdin as the article 'stdin'", async () => {
    const item = onlyArticle(await readStdin("Title: From a pipe\n\nChina supplies drones to Russia.\n"));
    expect(item.article).toMatchObject({ id: "stdin", title: "From a pipe", sourcePath: "-" });
  });

  it("recognises HTML and JSONL on stdin, or takes the format it is told", async () => {
    expect(onlyArticle(await readStdin("<html><body><p>Piped page.</p></body></html>")).article.text).toBe(
      "Piped page.",
    );
    const jsonl = await readStdin('{"id":"p1","text":"One."}\n{"id":"p2","text":"Two."}\n');
    expect(jsonl.map((i) => (i.kind === "article" ? i.article.id : i.kind))).toEqual(["p1", "p2"]);
    expect(jsonl[0]!.source).toBe("-:1");
    const forced = onlyArticle(await readStdin("<b>not parsed</b>", { stdinFormat: "txt" }));
    expect(forced.article.text).toBe("<b>not parsed</b>");
  });

  it("refuses stdin over the size limit", async () => {
    const failure = onlyFailure(await readStdin("x".repeat(2000), { maxBytes: 1000 }));
    expect(failure).toMatchObject({ source: "-", message: expect.stringMatching(/--max-bytes/) });
  });
});

describe("files and folders", () => {
  it("walks folders recursively in sorted order and skips hidden files", async () => {
    const root = path.join(tmp, "tree");
    await fs.mkdir(path.join(root, "b", "inner"), { recursive: true });
    await fs.mkdir(path.join(root, "a"), { recursive: true });
    for (const f of ["b/inner/z.txt", "b/y.html", "a/x.txt", "c.jsonl", ".hidden.txt", "b/.DS_Store"]) {
      await fs.writeFile(path.join(root, f), "text");
    }
    const entries = await collect(expandInputs([root]));
    expect(entries.map((e) => (e.kind === "file" ? path.relative(root, e.path) : e.kind))).toEqual([
      "a/x.txt",
      "b/inner/z.txt",
      "b/y.html",
      "c.jsonl",
    ]);
  });

  it("fails an unknown extension named on the command line, skips one found in a folder", async () => {
    const dir = path.join(tmp, "mixed");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "notes.pdf"), "%PDF-1.4");
    const [explicit] = await collect(expandInputs([path.join(dir, "notes.pdf")]));
    expect(explicit).toMatchObject({ kind: "failed", message: expect.stringMatching(/unsupported file type "\.pdf"/) });
    const [walked] = await collect(expandInputs([dir]));
    expect(walked).toMatchObject({ kind: "skipped", source: path.join(dir, "notes.pdf") });
  });

  it("names a missing file and a dangling link", async () => {
    const link = path.join(tmp, "dangling.txt");
    await fs.symlink(path.join(tmp, "nowhere.txt"), link);
    const entries: InputEntry[] = await collect(expandInputs([path.join(tmp, "missing.txt"), link]));
    expect(entries).toEqual([
      { kind: "failed", source: path.join(tmp, "missing.txt"), message: expect.stringMatching(/no such file/) },
      { kind: "failed", source: link, message: expect.stringMatching(/no such file/) },
    ]);
  });

  it("reads a folder that happens to be named like a file as a folder", async () => {
    const dir = path.join(tmp, "x.txt");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "inside.txt"), "Inside.");
    const items = await readPath(dir);
    expect(items.map((i) => (i.kind === "article" ? i.article.id : i.kind))).toEqual(["inside"]);
  });

  it("does not follow a link back to a parent folder forever", async () => {
    const dir = path.join(tmp, "loop");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "a.txt"), "A.");
    await fs.symlink(dir, path.join(dir, "again"));
    const entries = await collect(expandInputs([dir]));
    expect(entries.filter((e) => e.kind === "file")).toHaveLength(1);
  });

  it.each([
    ["empty.txt", Buffer.alloc(0), /empty file/],
    ["blank.txt", Buffer.from("  \n\n\t\n"), /^no article text: the file is blank; skipped$/],
    ["binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary file/],
    ["latin1.txt", Buffer.from("R\xe9sum\xe9 of Chinese exports", "latin1"), /not valid UTF-8.*offset 1/],
    ["empty.html", Buffer.alloc(0), /empty file/],
  ])("fails %s with a message naming the file", async (name, content, message) => {
    const p = path.join(tmp, name);
    await fs.writeFile(p, content);
    const failure = onlyFailure(await readPath(p));
    expect(failure.source).toBe(p);
    expect(failure.message).toMatch(message);
  });

  it("refuses a file over --max-bytes before reading it", async () => {
    const p = path.join(tmp, "large.txt");
    await fs.writeFile(p, "China supplies drones. ".repeat(1000));
    const failure = onlyFailure(await readPath(p, { maxBytes: 10_000 }));
    expect(failure.message).toMatch(/0\.0 MB, over the --max-bytes limit/);
    expect(onlyArticle(await readPath(p, { maxBytes: 100_000 })).article.text.length).toBe(23_000);
  });

  it("reads a 10 MB line without a newline as one article", async () => {
    const p = path.join(tmp, "one-line.txt");
    const text = "Russia buys drones from Iran and shells from North Korea; ".repeat(180_000).slice(0, 10_000_000);
    await fs.writeFile(p, text);
    const item = onlyArticle(await readPath(p));
    expect(item.article.text.length).toBe(10_000_000);
    expect(item.article.title).toBeNull();
  });

  it("produces articles that satisfy the model", async () => {
    const items = [...(await readPath(DEV)), ...(await readPath(INPUT))];
    const articles = items.filter((i) => i.kind === "article");
    expect(articles.length).toBeGreaterThanOrEqual(8 + 4 + 2);
    for (const a of articles) expect(ArticleSchema.parse(a.article)).toEqual(a.article);
  });
});

describe("articles without a body", () => {
  async function readFile(name: string, content: string): Promise<ReadItem[]> {
    const p = path.join(tmp, name);
    await fs.writeFile(p, content);
    return readPath(p);
  }

  it.each([
    ["headers.txt", "Title: Drones for Russia\nPublisher: Example Wire\n", "only header lines (Title, Publisher)"],
    [
      "headers-blank-lines.txt",
      "Title: Drones for Russia\r\nDate: 2024-01-02\r\n\r\n   \u00a0\n\u200b\n\t\n",
      "only header lines (Title, Date)",
    ],
    [
      "title-again.txt",
      "Title: Drones for Russia\n\n  Drones for Russia\n",
      'only header lines (Title) and the title again, "Drones for Russia"',
    ],
    ["wordless.txt", "\u200b\u00a0 \u2014 * * *\n", "the file is blank"],
  ])("fails %s, saying what it holds instead of a body", async (name, content, holds) => {
    const failure = onlyFailure(await readFile(name, content));
    expect(failure.source).toBe(path.join(tmp, name));
    expect(failure.message).toBe(`no article text: ${holds}; skipped`);
  });

  it.each([
    ["title-only.html", "<html><head><title>Drones for Russia</title></head><body></body></html>"],
    [
      "furniture-only.html",
      '<html><head><title>Drones for Russia</title></head><body><nav><a href="/">Home</a></nav><h1>Drones for Russia</h1><div class="share-bar"><a href="#">Share</a></div><footer>\u00a0</footer></body></html>',
    ],
  ])("fails %s, a page that shows only its title", async (name, html) => {
    const failure = onlyFailure(await readFile(name, html));
    expect(failure.message).toBe('no article text: the page shows only its title, "Drones for Russia"; skipped');
  });

  it("keeps a one-line article, and a short body under headers", async () => {
    expect(onlyArticle(await readFile("one-line.txt", "China supplied drones to Russia in 2023.")).article.text).toBe(
      "China supplied drones to Russia in 2023.",
    );
    const item = onlyArticle(await readFile("short.txt", "Title: Drones\n\nChina supplied drones to Russia.\n"));
    expect(item.article.title).toBe("Drones");
  });

  it("names the JSONL line whose text is only header lines, only the title, or invisible", async () => {
    const lines = [
      { id: "a", text: "Title: Drones for Russia\nPublisher: Example Wire\n\n" },
      { id: "b", title: "Drones for Russia", text: "Drones for Russia" },
      { id: "c", text: "\u200b\u200b" },
      { id: "d", title: "Drones for Russia", text: "China supplied drones to Russia." },
    ];
    const items = await collect(
      readJsonlArticles([Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n"))], "x.jsonl", 1 << 20),
    );
    expect(items.map((i) => (i.kind === "failed" ? `${i.source}: ${i.message}` : i.kind))).toEqual([
      "x.jsonl:1: text: no article text: only header lines (Title, Publisher); skipped",
      'x.jsonl:2: text: no article text: only the title again, "Drones for Russia"; skipped',
      "x.jsonl:3: text: no article text: the text is blank; skipped",
      "article",
    ]);
  });

  it("fails header lines alone on stdin", async () => {
    const items = await collect(
      readEntry({ kind: "stdin" }, { stdin: Readable.from([Buffer.from("Title: From a pipe\n\n")]) }),
    );
    expect(onlyFailure(items)).toMatchObject({
      source: "-",
      message: "no article text: only header lines (Title); skipped",
    });
  });
});

describe("UTF-8 check", () => {
  it("finds the first malformed byte", () => {
    expect(firstInvalidUtf8Byte(Buffer.from("héllo"))).toBe(-1);
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xc3]))).toBe(1); // truncated sequence
    expect(firstInvalidUtf8Byte(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8Byte(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong
  });
});
