import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimId, entityId, type Article, type Claim, type Entity } from "../src/model/index.js";
import { writeFileAtomic } from "../src/store/atomic.js";
import { mergeIntoStore, readGraph, readStore, STORE_FILES, writeStore } from "../src/store/store.js";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-store-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const text =
  "The Center for Strategic and International Studies found that in 2024, China increased sales of ammonium perchlorate.";

function article(id: string, body = text): Article {
  return {
    id,
    title: `Title ${id}`,
    publisher: "Kyiv Post",
    date: "2026-02-05",
    url: null,
    text: body,
    sourcePath: `${id}.txt`,
  };
}

function entity(type: string, name: string, aliases: string[] = []): Entity {
  return { id: entityId(type, name), type, name, aliases, merges: aliases.map((alias) => ({ alias, reason: "test" })) };
}

function supplies(doc: string, object: string, body = text): Claim {
  const quote = `China increased sales of ${object}`;
  const start = body.indexOf(quote);
  const subjectId = entityId("Country", "China");
  const objectId = entityId("Item", object);
  return {
    id: claimId({ doc, start, end: start + quote.length, subjectId, predicate: "SUPPLIES", objectId }),
    doc,
    subject: "China",
    subjectId,
    predicate: "SUPPLIES",
    object,
    objectId,
    recipient: "Russia",
    recipientId: entityId("Country", "Russia"),
    attributedTo: ["CSIS"],
    attributedToIds: [entityId("Organization", "CSIS")],
    time: "2024",
    negated: false,
    hedged: false,
    confidence: 0.9,
    rule: "test",
    extractor: "test@1",
    evidence: { article: doc, quote, start, end: start + quote.length, sentence: 0 },
  };
}

const batch = () => ({
  articles: [article("a1")],
  entities: [
    entity("Country", "China", ["Beijing"]),
    entity("Item", "ammonium perchlorate"),
    entity("Country", "Russia"),
  ],
  claims: [supplies("a1", "ammonium perchlorate")],
});

async function snapshot(d: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of Object.values(STORE_FILES)) out[f] = await fs.readFile(path.join(d, f), "utf8");
  return out;
}

describe("embedded store", () => {
  it("round-trips articles, entities, claims and derives the graph", async () => {
    await mergeIntoStore(dir, batch());
    const data = await readStore(dir);
    expect(data.articles.map((a) => a.id)).toEqual(["a1"]);
    expect(data.claims).toHaveLength(1);
    const graph = await readGraph(dir);
    // China, the item and the recipient; the supply link and the flow China → Russia
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
    const [edge] = graph.outEdges("country:china", "item:ammonium-perchlorate");
    expect(graph.getEdgeAttributes(edge!)).toMatchObject({ predicate: "SUPPLIES", sources: ["CSIS"], firstYear: 2024 });
    const [flow] = graph.inEdges("country:russia");
    expect(graph.source(flow!)).toBe("country:china");
    expect(graph.getEdgeAttributes(flow!)).toMatchObject({ predicate: "SUPPLIES_TO", items: ["ammonium perchlorate"] });
    expect(graph.getNodeAttributes("country:china")).toMatchObject({ name: "China", aliases: ["Beijing"] });
  });

  it("re-ingesting the same batch leaves every file byte-identical", async () => {
    const first = await mergeIntoStore(dir, batch());
    expect(first).toMatchObject({ articlesAdded: 1, claimsAdded: 1 });
    const before = await snapshot(dir);
    const second = await mergeIntoStore(dir, batch());
    expect(second).toMatchObject({ articlesAdded: 0, articlesUnchanged: 1, claimsAdded: 0, claimsRemoved: 0 });
    expect(await snapshot(dir)).toEqual(before);
  });

  it("replaces a re-ingested article's claims and keeps other articles", async () => {
    const body2 = "CSIS found that China increased sales of nitrocellulose and China increased sales of optics.";
    await mergeIntoStore(dir, {
      ...batch(),
      articles: [article("a1"), article("a2", body2)],
      claims: [supplies("a1", "ammonium perchlorate"), supplies("a2", "nitrocellulose", body2)],
    });
    const r = await mergeIntoStore(dir, {
      articles: [article("a2", body2 + " ")],
      entities: [],
      claims: [supplies("a2", "optics", body2 + " ")],
    });
    expect(r).toMatchObject({ articlesReplaced: 1, claimsAdded: 1, claimsRemoved: 1 });
    const objects = (await readStore(dir)).claims.map((c) => `${c.doc}:${c.object}`);
    expect(objects).toEqual(["a1:ammonium perchlorate", "a2:optics"]);
  });

  it("unites entity aliases across batches", async () => {
    await mergeIntoStore(dir, batch());
    await mergeIntoStore(dir, { articles: [], entities: [entity("Country", "China", ["PRC"])], claims: [] });
    const china = (await readStore(dir)).entities.find((e) => e.id === "country:china")!;
    expect(china.aliases).toEqual(["Beijing", "PRC"]);
  });

  it("keeps article text that looks like Cypher or HTML as plain data", async () => {
    const hostile = `x'}) DETACH DELETE n // <script>alert(1)</script> <img src=x onerror=alert(2)>`;
    await writeStore(dir, { articles: [article("evil", hostile)], entities: [], claims: [] });
    expect((await readStore(dir)).articles[0]!.text).toBe(hostile);
  });

  it("names the file, line and field of a corrupted record", async () => {
    await mergeIntoStore(dir, batch());
    const file = path.join(dir, STORE_FILES.claims);
    const line = JSON.parse((await fs.readFile(file, "utf8")).trim());
    line.evidence.start = -1;
    await fs.writeFile(file, "\n" + JSON.stringify(line) + "\n");
    await expect(readStore(dir)).rejects.toThrow(`${file}:2: evidence.start:`);
  });
});

describe("atomic writes", () => {
  it("a write that fails midway leaves the old file intact and no temporary behind", async () => {
    const file = path.join(dir, "claims.jsonl");
    await writeFileAtomic(file, "old content\n");
    function* failing(): Generator<string> {
      yield "new line 1\n".repeat(200_000);
      throw new Error("disk on fire");
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow("disk on fire");
    expect(await fs.readFile(file, "utf8")).toBe("old content\n");
    expect(await fs.readdir(dir)).toEqual(["claims.jsonl"]);
  });

  it("a process killed mid-write leaves the old file intact", async () => {
    const file = path.join(dir, "claims.jsonl");
    await writeFileAtomic(file, "old content\n");
    // a child writes a large file slowly through the same function; we kill it part-way
    const script = `
      import { writeFileAtomic } from ${JSON.stringify(path.resolve("src/store/atomic.ts"))};
      async function* slow() { for (let i = 0; ; i++) { if (i === 3) console.log("writing"); yield "x".repeat(1 << 20); await new Promise(r => setTimeout(r, 20)); } }
      await writeFileAtomic(${JSON.stringify(file)}, slow());`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(await fs.readFile(file, "utf8")).toBe("old content\n");
    // the leftover temporary is cleaned by the next store write
    expect((await fs.readdir(dir)).some((f) => f.endsWith(".tmp"))).toBe(true);
    await writeStore(dir, { articles: [], entities: [], claims: [] });
    expect((await fs.readdir(dir)).some((f) => f.endsWith(".tmp"))).toBe(false);
  });
});
