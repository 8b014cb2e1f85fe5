import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCacheDir, ParseCache } from "./parse-cache.js";
import type { ParsedDocument } from "./parsed.js";

const doc: ParsedDocument = {
  parser: "corenlp@test",
  sentences: [
    {
      index: 0,
      start: 0,
      end: 5,
      tokens: [{ word: "Hello", lemma: "hello", pos: "UH", ner: "O", start: 0, end: 5, head: -1 }],
      deps: [[-1, "ROOT", 0]],
      spans: [],
    },
  ],
};

describe("the parse cache", () => {
  it("gives back the parse it kept, keyed by parser, settings, date and text", () => {
    const cache = new ParseCache(mkdtempSync(path.join(os.tmpdir(), "kg-cache-")));
    const key = cache.key({ parserId: "p", settings: "s", date: "2024-01-01", text: "Hello" });
    expect(cache.get(key)).toBeNull();
    cache.set(key, doc);
    expect(cache.get(key)).toEqual(doc);
    for (const other of [
      { parserId: "q", settings: "s", date: "2024-01-01", text: "Hello" },
      { parserId: "p", settings: "t", date: "2024-01-01", text: "Hello" },
      { parserId: "p", settings: "s", date: "2024-01-02", text: "Hello" },
      { parserId: "p", settings: "s", date: "2024-01-01", text: "Hello!" },
    ]) {
      expect(cache.key(other)).not.toBe(key);
    }
  });

  it("ignores a damaged entry, so the article is parsed again", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kg-cache-"));
    const cache = new ParseCache(dir);
    const key = cache.key({ parserId: "p", settings: "s", date: null, text: "Hello" });
    cache.set(key, doc);
    const sub = path.join(dir, key.slice(0, 2));
    writeFileSync(path.join(sub, readdirSync(sub)[0]!), "not gzip");
    expect(cache.get(key)).toBeNull();
  });

  it("is off when KG_PARSE_CACHE says so, and follows XDG_CACHE_HOME otherwise", () => {
    expect(defaultCacheDir({ KG_PARSE_CACHE: "off" })).toBeNull();
    expect(defaultCacheDir({ KG_PARSE_CACHE: "/x/y" })).toBe("/x/y");
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/c" })).toBe(path.join("/c", "kg", "parses"));
    const off = new ParseCache(null);
    off.set("k", doc);
    expect(off.get("k")).toBeNull();
  });
});
