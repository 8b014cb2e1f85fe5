import type { Driver, ManagedTransaction, Session } from "neo4j-driver";
import { aggregateFlows, claimFlows, type FlowEdge } from "../model/flow.js";
import { aggregateLinks, type AggregatedClaim, type Link } from "../model/link.js";
import { articleFactsOf, type ArticleFactsLookup } from "../model/sources.js";
import { FLOW_PREDICATE, ROUTE_PREDICATE, type Vocabulary } from "../model/vocabulary.js";
import type { StoreData } from "../store/store.js";
import { entityLabel, relationshipType } from "./identifiers.js";
import {
  AGGREGATE_PROJECTION,
  aggregateRow,
  articleRow,
  checkClaimPredicates,
  CLAIM_PROPERTY_KEYS,
  claimRow,
  entitiesWithPlaceholders,
  entityRow,
  LINK_PROPERTY_KEYS,
  linkProps,
  type ArticleRow,
  type ClaimRow,
  type EntityRow,
} from "./rows.js";
import { ensureSchema } from "./schema.js";

/**
 * Loads the embedded store into Neo4j so that Neo4j mirrors it:
 *
 *  1. entities and articles whose content hash differs from the one in Neo4j are MERGEd;
 *  2. claims of the store's articles that the store no longer has are deleted (re-ingested
 *     articles), as are claims whose content changed (rewritten in step 3); their links are
 *     marked `dirty`;
 *  3. claims Neo4j lacks are created with their relationships, sorted by link so that one batch
 *     holds every new claim of its links; in the same transaction the direct links
 *     (subject)-[PREDICATE]->(object) are MERGEd with their final aggregate, computed from the
 *     store's claims by the aggregateLinks that builds the viewer's graph (a link that also rests
 *     on claims loaded from elsewhere is only marked `dirty`); their end entities were marked
 *     `countDirty` beforehand;
 *  4. every dirty link gets its aggregate recomputed from the claims Neo4j holds and loses the
 *     mark; links left without claims are deleted;
 *  5. supply flows and route legs (src/model/flow.ts): claims are created marked `flowPending`,
 *     and the flows of deleted claims (or of articles whose publisher or date changed) are marked
 *     `dirty`, each in the transaction that makes it necessary; then every flow of a pending claim
 *     or marked dirty is MERGEd with the store's aggregate (or from the claims Neo4j holds when
 *     claims loaded from elsewhere also support it), or deleted when no claim is left, and the
 *     marks go;
 *  6. entities marked `countDirty` get their claim count recomputed.
 *
 * Every step is batched `UNWIND $rows` in transaction functions (retried on transient errors).
 * The marks live in Neo4j, in the transaction that makes them necessary, so a load that dies at
 * any point is completed by the next one, and a load of an unchanged store writes nothing.
 */

/** Defaults of `kg load`, measured with `npm run bench:load` (README). */
export const DEFAULT_LOAD_BATCH_SIZE = 2000;
export const DEFAULT_LOAD_CONCURRENCY = 2;

export interface ProgressSink {
  tick(n?: number): void;
  done(): void;
}

export interface LoadOptions {
  database: string;
  vocabulary: Vocabulary;
  /** rows per transaction */
  batchSize: number;
  /** progress per phase (a bar in the CLI) */
  progress?: (label: string, total: number, unit: string) => ProgressSink;
  /**
   * transactions writing claims at the same time (default DEFAULT_LOAD_CONCURRENCY). Batches never
   * share a link and only create, so they take no locks that could deadlock; a transient error is
   * retried.
   */
  concurrency?: number;
  /** skip the comparison with what Neo4j holds (the database is known to be empty) */
  assumeEmpty?: boolean;
}

export interface LoadSummary {
  entities: { written: number; unchanged: number };
  articles: { written: number; unchanged: number };
  claims: { written: number; unchanged: number; removed: number };
  links: { updated: number; removed: number };
  /** supply flows and route legs written or deleted */
  flows: { updated: number; removed: number };
  entityCounts: number;
  seconds: number;
  /** seconds per phase, for benchmarks */
  phases: Record<string, number>;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}

const noProgress: ProgressSink = { tick: () => undefined, done: () => undefined };

export async function loadIntoNeo4j(driver: Driver, data: StoreData, opts: LoadOptions): Promise<LoadSummary> {
  const started = Date.now();
  const { database, vocabulary } = opts;
  const batchSize = Math.max(1, Math.floor(opts.batchSize));
  const progress = (label: string, total: number, unit: string) =>
    total > 0 && opts.progress ? opts.progress(label, total, unit) : noProgress;

  // Everything is validated and converted before the first write: bad input changes nothing.
  checkClaimPredicates(data.claims, vocabulary);
  const entityRows = entitiesWithPlaceholders(data.entities, data.claims, vocabulary).map((e) => {
    try {
      return entityRow(e, vocabulary);
    } catch (err) {
      throw new Error(`entity ${e.id}: ${(err as Error).message}`, { cause: err });
    }
  });
  const articleIds = new Set(data.articles.map((a) => a.id));
  const articleRows: ArticleRow[] = data.articles.map(articleRow);
  for (const doc of new Set(data.claims.map((c) => c.doc))) {
    // a claim whose article is not in the store still needs its STATED_IN end
    if (!articleIds.has(doc)) articleRows.push(articleRow({ id: doc }));
  }
  const facts = articleFactsOf(data.articles);
  const claimRows = data.claims.map((c) => claimRow(c, facts(c.doc)?.date ?? null));

  const phases: Record<string, number> = {};
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = (now - mark) / 1000;
    mark = now;
  };
  await ensureSchema(driver, database, vocabulary);
  phase("schema");
  const session = driver.session({ database });
  try {
    const write = <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
      session.executeWrite(work, { metadata: { app: "kg", kind: "load" } });
    // Claims and links find their end nodes by element id, learnt here, rather than by an index
    // seek on the id string per relationship (the seeks were a fifth of Neo4j's time in a load).
    const nodeIds: NodeIds = { entities: new Map(), articles: new Map() };
    const readHashes = async (cypher: string, into: Map<string, string>): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      if (opts.assumeEmpty) return out;
      const res = await session.executeRead((tx) => tx.run(cypher));
      for (const r of res.records) {
        out.set(r.get(0) as string, r.get(1) as string);
        into.set(r.get(0) as string, r.get(2) as string);
      }
      return out;
    };
    const writeNodes = async (cypher: string, rows: Array<Record<string, unknown>>, into: Map<string, string>) => {
      const res = await write((tx) => tx.run(cypher, { rows }));
      for (const r of res.records) into.set(r.get("id") as string, r.get("eid") as string);
    };

    // 1. entities (grouped by type: a label cannot be a parameter) and articles
    const entityHashes = await readHashes("MATCH (e:Entity) RETURN e.id, e.hash, elementId(e)", nodeIds.entities);
    const entitiesToWrite = entityRows.filter((r) => entityHashes.get(r.id) !== r.hash);
    const entityBar = progress("entities", entitiesToWrite.length, "entities");
    for (const [type, rows] of groupBy(entitiesToWrite, (r: EntityRow) => r.type)) {
      const label = entityLabel(type, vocabulary);
      const cypher = `UNWIND $rows AS r MERGE (e:Entity {id: r.id}) SET e += r, e:${label} RETURN r.id AS id, elementId(e) AS eid`;
      for (const batch of chunks(rows, batchSize)) {
        await writeNodes(
          cypher,
          batch.map((r) => r.props),
          nodeIds.entities,
        );
        entityBar.tick(batch.length);
      }
    }
    entityBar.done();
    phase("entities");

    const articleHashes = await readHashes("MATCH (a:Article) RETURN a.id, a.hash, elementId(a)", nodeIds.articles);
    const articlesToWrite = articleRows.filter((r) => articleHashes.get(r.id) !== r.hash);
    const articleBar = progress("articles", articlesToWrite.length, "articles");
    for (const batch of chunks(articlesToWrite, batchSize)) {
      await writeNodes(
        "UNWIND $rows AS r MERGE (a:Article {id: r.id}) SET a = r RETURN r.id AS id, elementId(a) AS eid",
        batch.map((r) => r.props),
        nodeIds.articles,
      );
      articleBar.tick(batch.length);
    }
    articleBar.done();
    // an article whose publisher or date changed changes the counts of every link and flow its
    // claims support (sources, report years), even when the claims themselves did not change
    const changedArticles = articlesToWrite.filter((r) => articleHashes.has(r.id)).map((r) => r.id);
    for (const batch of chunks(changedArticles, batchSize)) {
      await write((tx) =>
        tx.run(
          `UNWIND $ids AS doc
           MATCH (:Article {id: doc})<-[:STATED_IN]-(c:Claim)
           ${MARK_LINKS_AND_FLOWS_DIRTY}`,
          { ids: batch },
        ),
      );
    }
    phase("articles");

    // 2. claims to remove: gone from a stored article, or changed (rewritten below)
    const inNeo4j = new Map<string, { hash: string; doc: string; linkId: string; flows: string[] }>();
    if (!opts.assumeEmpty) {
      const res = await session.executeRead((tx) =>
        tx.run("MATCH (c:Claim) RETURN c.id, c.hash, c.doc, c.linkId, c.flowId, c.legIds"),
      );
      for (const r of res.records) {
        const flowId = r.get(4) as string | null;
        const legIds = r.get(5) as string[] | null;
        inNeo4j.set(r.get(0) as string, {
          hash: r.get(1) as string,
          doc: r.get(2) as string,
          linkId: r.get(3) as string,
          flows: [...(flowId ? [flowId] : []), ...(legIds ?? [])],
        });
      }
    }
    const storeDocs = new Set([...articleIds, ...claimRows.map((c) => c.doc)]);
    const wanted = new Map(claimRows.map((c) => [c.id, c]));
    const toRemove: string[] = [];
    // links that also rest on claims from outside this store (articles loaded from elsewhere)
    const foreignLinks = new Set<string>();
    const foreignFlows = new Set<string>();
    for (const [id, { hash, doc, linkId, flows }] of inNeo4j) {
      const w = wanted.get(id);
      if (w ? w.hash !== hash : storeDocs.has(doc)) toRemove.push(id);
      else if (!w) {
        foreignLinks.add(linkId);
        for (const f of flows) foreignFlows.add(f);
      }
    }
    const removeBar = progress("removing claims", toRemove.length, "claims");
    for (const batch of chunks(toRemove, batchSize)) {
      await write((tx) =>
        tx.run(
          `UNWIND $ids AS id
           MATCH (c:Claim {id: id})
           ${MARK_LINKS_AND_FLOWS_DIRTY}
           WITH c
           CALL (c) { MATCH (c)-[:SUBJECT|OBJECT|RECIPIENT|VIA|ATTRIBUTED_TO]->(e:Entity) SET e.countDirty = true }
           DETACH DELETE c`,
          { ids: batch },
        ),
      );
      removeBar.tick(batch.length);
    }
    removeBar.done();
    phase("remove");

    // 3. claims to create, grouped by link so that a batch holds every new claim of its links and
    // can write their final aggregate (computed here from the store's claims) in the same transaction
    const toWrite = claimRows
      .filter((c) => inNeo4j.get(c.id)?.hash !== c.hash)
      .sort((a, b) => (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0));
    // aggregating every claim takes seconds at this size: only when there is something to write
    const storeLinks = new Map(
      toWrite.length > 0 ? aggregateLinks(data.claims, facts).map((l) => [l.id, l] as const) : [],
    );
    // the claim counts of the entities they name are recomputed at the end (step 6); marked
    // first, so that concurrent batches do not all write to the same hub entities
    const endpoints = new Set<string>();
    for (const c of toWrite) {
      endpoints.add(c.subjectId).add(c.objectId);
      if (c.recipientId) endpoints.add(c.recipientId);
      for (const id of [...c.viaIds, ...c.attributedToIds]) endpoints.add(id);
    }
    for (const batch of chunks([...endpoints], batchSize)) {
      await write((tx) =>
        tx.run("UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.countDirty = true", { ids: batch }),
      );
    }
    // links already in Neo4j are updated in place; the others are created (no MERGE: its locks on
    // both end entities made concurrent batches deadlock on the hubs)
    const existingLinks = new Set<string>();
    if (!opts.assumeEmpty) {
      // only the links of the claims to write, looked up by id (an incremental load touches few)
      const byType = groupBy([...new Map(toWrite.map((c) => [c.linkId, c.predicate]))], ([, p]) => p);
      for (const [predicate, links] of byType) {
        const type = relationshipType(predicate, vocabulary);
        for (const batch of chunks(
          links.map(([id]) => id),
          batchSize * 5,
        )) {
          const res = await session.executeRead((tx) =>
            tx.run(`UNWIND $ids AS id MATCH ()-[l:${type} {id: id}]->() RETURN l.id AS id`, { ids: batch }),
          );
          for (const r of res.records) existingLinks.add(r.get("id") as string);
        }
      }
    }
    const context: ClaimWriteContext = { vocabulary, storeLinks, foreignLinks, existingLinks, nodeIds };
    const claimBar = progress("claims", toWrite.length, "claims");
    const batches = linkBatches(toWrite, batchSize);
    // batches never share a link and only create claims, so they can commit side by side
    let failed = false;
    let linksWritten = 0;
    const worker = async () => {
      const own = driver.session({ database });
      try {
        for (let next = batches.next(); !next.done && !failed; next = batches.next()) {
          const batch = next.value;
          linksWritten += await own.executeWrite((tx) => writeClaims(tx, batch, context), {
            metadata: { app: "kg", kind: "load" },
          });
          claimBar.tick(batch.length);
        }
      } catch (e) {
        // the other workers stop after their current batch; what committed stays (resumable)
        failed = true;
        throw e;
      } finally {
        await own.close();
      }
    };
    // wait for every worker, then report the first failure
    const settled = await Promise.allSettled(
      Array.from({ length: Math.max(1, opts.concurrency ?? DEFAULT_LOAD_CONCURRENCY) }, worker),
    );
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
    claimBar.done();
    phase("claims");

    // 4. links whose claims changed, in this load or in one that died before finishing
    let linksUpdated = linksWritten;
    let linksRemoved = 0;
    const dirty: Array<{ type: string; id: string }> = [];
    for (const name of vocabulary.relationTypes.keys()) {
      const type = relationshipType(name, vocabulary);
      const res = await session.executeRead((tx) =>
        tx.run(`MATCH ()-[l:${type}]->() WHERE l.dirty = true RETURN l.id AS id`),
      );
      for (const r of res.records) dirty.push({ type: name, id: r.get("id") as string });
    }
    const linkBar = progress("links", dirty.length, "links");
    for (const [name, links] of groupBy(dirty, (d) => d.type)) {
      const type = relationshipType(name, vocabulary);
      for (const batch of chunks(links, batchSize)) {
        const r = await write((tx) =>
          updateLinks(
            tx,
            type,
            batch.map((d) => d.id),
          ),
        );
        linksUpdated += r.updated;
        linksRemoved += r.removed;
        linkBar.tick(batch.length);
      }
    }
    linkBar.done();
    phase("links");

    // 5. supply flows and route legs of the claims written or removed
    const flows = await updateFlows(session, write, batchSize, progress, {
      storeFlows: () => new Map(aggregateFlows(data.claims, facts).map((l) => [l.id, l])),
      foreignFlows,
    });
    phase("flows");

    // 6. claim counts of the entities the changed claims name
    const countIds = (
      await session.executeRead((tx) => tx.run("MATCH (e:Entity) WHERE e.countDirty = true RETURN e.id AS id"))
    ).records.map((r) => r.get("id") as string);
    for (const batch of chunks(countIds, batchSize)) {
      await write((tx) =>
        tx.run(
          `UNWIND $ids AS id
           MATCH (e:Entity {id: id})
           SET e.claims = COUNT { MATCH (e)<-[:SUBJECT|OBJECT|RECIPIENT|VIA|ATTRIBUTED_TO]-(c:Claim) RETURN DISTINCT c }
           REMOVE e.countDirty`,
          { ids: batch },
        ),
      );
    }

    return {
      entities: { written: entitiesToWrite.length, unchanged: entityRows.length - entitiesToWrite.length },
      articles: { written: articlesToWrite.length, unchanged: articleRows.length - articlesToWrite.length },
      claims: { written: toWrite.length, unchanged: claimRows.length - toWrite.length, removed: toRemove.length },
      links: { updated: linksUpdated, removed: linksRemoved },
      flows,
      entityCounts: countIds.length,
      seconds: (Date.now() - started) / 1000,
      phases: (phase("counts"), phases),
    };
  } finally {
    await session.close();
  }
}

/*
 * Claim and link rows travel as lists, not maps: Bolt then packs no key per value, and a load
 * took a fifth less CPU time in both processes (README, bench:load). A claim row is [properties
 * in CLAIM_PROPERTY_KEYS order, subject, object and article element ids, recipients as
 * [id, element id], via and sources as [id, element id, order]].
 */
const CLAIM_KEY = (k: (typeof CLAIM_PROPERTY_KEYS)[number]) => `r[0][${CLAIM_PROPERTY_KEYS.indexOf(k)}]`;

/** `{id: r[0][0], doc: r[0][1], ...}`: fixed keys, so the planner needs no Eager (see CLAIM_PROPERTY_KEYS). */
const CLAIM_PROPERTIES = `{${CLAIM_PROPERTY_KEYS.map((k) => `\`${k}\`: ${CLAIM_KEY(k)}`).join(", ")}}`;

/**
 * End nodes are found by element id (a seek with no index). Their ids are compared in the RETURN,
 * after the CREATE, because a check in the MATCH makes the planner seek the id index instead; a
 * node deleted meanwhile and its id reused then fails the batch, which rolls it back.
 */
const byElementId = (v: string, label: string, eid: string) => `MATCH (${v}:${label}) WHERE elementId(${v}) = ${eid}`;
const mismatches = (pairs: Array<[string, string]>) =>
  `count(CASE WHEN ${pairs.map(([node, id]) => `${node}.id <> ${id}`).join(" OR ")} THEN 1 END)`;

const roleSubquery = (list: string, at: number, rel: string) => `CALL (c, r) {
    UNWIND r[${at}] AS x
    ${byElementId("e", "Entity", "x[1]")}
    CREATE (c)-[${rel}]->(e)
    RETURN count(*) AS ${list}Made, ${mismatches([["e", "x[0]"]])} AS ${list}Wrong
  }`;

/** One row per claim: the node, its SUBJECT, OBJECT and STATED_IN, and its role relationships. */
const CREATE_CLAIMS = `UNWIND $rows AS r
  ${byElementId("s", "Entity", "r[1]")}
  ${byElementId("o", "Entity", "r[2]")}
  ${byElementId("a", "Article", "r[3]")}
  CREATE (c:Claim ${CLAIM_PROPERTIES}), (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:STATED_IN]->(a)
  WITH c, r, s, o, a
  ${roleSubquery("recipient", 4, ":RECIPIENT")}
  ${roleSubquery("via", 5, ":VIA {order: x[2]}")}
  ${roleSubquery("attributedTo", 6, ":ATTRIBUTED_TO {order: x[2]}")}
  RETURN count(*) AS claims, sum(recipientMade + viaMade + attributedToMade) AS roles,
    ${mismatches([
      ["s", CLAIM_KEY("subjectId")],
      ["o", CLAIM_KEY("objectId")],
      ["a", CLAIM_KEY("doc")],
    ])}
      + sum(recipientWrong + viaWrong + attributedToWrong) AS wrong`;

/** A new link's row: [subject element id, object element id, subject id, object id, properties in LINK_PROPERTY_KEYS order]. */
const LINK_PROPERTIES = `{${LINK_PROPERTY_KEYS.map((k, i) => `\`${k}\`: r[4][${i}]`).join(", ")}}`;

interface NodeIds {
  entities: Map<string, string>;
  articles: Map<string, string>;
}

interface ClaimWriteContext {
  vocabulary: Vocabulary;
  /** the store's link aggregates, by link id */
  storeLinks: ReadonlyMap<string, Link>;
  /** links that claims loaded from elsewhere also support: aggregated from Neo4j in step 4 */
  foreignLinks: ReadonlySet<string>;
  /** links Neo4j holds already */
  existingLinks: ReadonlySet<string>;
  nodeIds: NodeIds;
}

function elementIdOf(map: ReadonlyMap<string, string>, id: string, what: string): string {
  const eid = map.get(id);
  // entities and articles are all written (or found) before any claim
  if (eid === undefined) throw new Error(`${what} ${id} is not in Neo4j`);
  return eid;
}

/** Batches of about `size` claims that never split the claims of one link (sorted by link). */
function* linkBatches(rows: ClaimRow[], size: number): Generator<ClaimRow[]> {
  let start = 0;
  while (start < rows.length) {
    let end = Math.min(start + size, rows.length);
    while (end < rows.length && rows[end]!.linkId === rows[end - 1]!.linkId) end++;
    yield rows.slice(start, end);
    start = end;
  }
}

/**
 * One batch of claims with every relationship they have, and their direct links with their
 * final aggregate. A link that other claims in Neo4j also support (loaded from elsewhere) is
 * only marked dirty: step 4 aggregates it from everything Neo4j holds.
 */
async function writeClaims(tx: ManagedTransaction, batch: ClaimRow[], ctx: ClaimWriteContext): Promise<number> {
  const { entities, articles } = ctx.nodeIds;
  const entity = (id: string) => elementIdOf(entities, id, "entity");
  let roles = 0;
  const rows = batch.map((c) => {
    roles += (c.recipientId === null ? 0 : 1) + c.viaIds.length + c.attributedToIds.length;
    return [
      CLAIM_PROPERTY_KEYS.map((k) => c.props[k] ?? null),
      entity(c.subjectId),
      entity(c.objectId),
      elementIdOf(articles, c.doc, "article"),
      c.recipientId === null ? [] : [[c.recipientId, entity(c.recipientId)]],
      c.viaIds.map((id, i) => [id, entity(id), i]),
      c.attributedToIds.map((id, i) => [id, entity(id), i]),
    ];
  });
  const res = await tx.run(CREATE_CLAIMS, { rows });
  const got = (key: string) => Number(res.records[0]?.get(key) ?? 0);
  const made = { claims: got("claims"), roles: got("roles") };
  // a MATCH that found nothing would drop a claim or a role silently: fail the batch instead
  if (made.claims !== batch.length || made.roles !== roles || got("wrong") > 0) {
    throw new Error(
      `wrote ${made.claims} of ${batch.length} claims and ${made.roles} of ${roles} role relationships: an entity or article is missing`,
    );
  }

  let links = 0;
  for (const [predicate, claims] of groupBy(batch, (c) => c.predicate)) {
    const type = relationshipType(predicate, ctx.vocabulary);
    const created: Array<[string, string, string, string, unknown[]]> = [];
    const updated: Array<Record<string, unknown>> = [];
    const dirty: string[] = [];
    for (const id of new Set(claims.map((c) => c.linkId))) {
      const link = ctx.storeLinks.get(id)!;
      const foreign = ctx.foreignLinks.has(id);
      if (ctx.existingLinks.has(id)) {
        if (foreign) {
          dirty.push(id);
        } else {
          updated.push(linkProps(link));
          links++;
        }
      } else {
        // a foreign link is only missing after someone deleted it: step 4 rebuilds it from all its claims
        const props = foreign ? { ...linkProps(link), dirty: true } : linkProps(link);
        if (!foreign) links++;
        created.push([
          entity(link.source),
          entity(link.target),
          link.source,
          link.target,
          LINK_PROPERTY_KEYS.map((k) => props[k] ?? null),
        ]);
      }
    }
    const expectEvery = async (cypher: string, rows: unknown[], wrong = "0") => {
      if (rows.length === 0) return;
      const r = await tx.run(`UNWIND $rows AS r ${cypher} RETURN count(*) AS n, ${wrong} AS wrong`, { rows });
      const n = Number(r.records[0]?.get("n") ?? 0);
      if (n !== rows.length || Number(r.records[0]?.get("wrong")) > 0) {
        throw new Error(`wrote ${n} of ${rows.length} ${type} links: an entity or link changed while loading`);
      }
    };
    await expectEvery(
      `${byElementId("s", "Entity", "r[0]")}
       ${byElementId("o", "Entity", "r[1]")}
       CREATE (s)-[l:${type} ${LINK_PROPERTIES}]->(o)`,
      created,
      mismatches([
        ["s", "r[2]"],
        ["o", "r[3]"],
      ]),
    );
    await expectEvery(`MATCH ()-[l:${type} {id: r.id}]->() SET l += r`, updated);
    await expectEvery(`MATCH ()-[l:${type} {id: r}]->() SET l.dirty = true`, dirty);
  }
  return links;
}

/** Recomputes the aggregates of a batch of links of one type from their claims, in one transaction. */
async function updateLinks(
  tx: ManagedTransaction,
  type: string,
  ids: string[],
): Promise<{ updated: number; removed: number }> {
  const { claims, facts } = await readAggregateRows(
    tx,
    "UNWIND $ids AS lid MATCH (c:Claim {linkId: lid}) OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)",
    { ids },
  );
  const links = aggregateLinks(claims, facts);
  const kept = new Set(links.map((l) => l.id));
  const gone = ids.filter((id) => !kept.has(id));
  const touched = new Set<string>();
  for (const l of links) touched.add(l.source).add(l.target);
  if (links.length > 0) {
    await tx.run(`UNWIND $rows AS r MATCH ()-[l:${type} {id: r.id}]->() SET l += r`, {
      rows: links.map(linkProps),
    });
  }
  if (gone.length > 0) {
    const del = await tx.run(
      `UNWIND $ids AS id MATCH (s)-[l:${type} {id: id}]->(o) WITH s, o, l, s.id AS sid, o.id AS oid DELETE l RETURN sid, oid`,
      { ids: gone },
    );
    for (const r of del.records) touched.add(r.get("sid") as string).add(r.get("oid") as string);
  }
  // their claim counts are recomputed once at the end of the load (step 5)
  await tx.run("UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.countDirty = true", { ids: [...touched] });
  return { updated: links.length, removed: gone.length };
}

/** Claims (and their articles' facts) as aggregating reads them, from a query that binds `c` and `a`. */
async function readAggregateRows(
  tx: ManagedTransaction,
  match: string,
  params: Record<string, unknown>,
): Promise<{ claims: AggregatedClaim[]; facts: ArticleFactsLookup }> {
  // no DISTINCT: Neo4j would hold every row of a big link in the transaction's memory to compare them
  const res = await tx.run(`${match} RETURN ${AGGREGATE_PROJECTION}`, params);
  const claims: AggregatedClaim[] = [];
  const seen = new Set<string>();
  const articles = new Map<string, { publisher: string | null; date: string | null }>();
  for (const r of res.records) {
    const row = aggregateRow(r.get("c") as Record<string, unknown>, r.get("a") as Record<string, unknown> | null);
    // a leg's claims are found through both its ends when both are intermediaries
    if (seen.has(row.claim.id)) continue;
    seen.add(row.claim.id);
    claims.push(row.claim);
    if (row.article) articles.set(row.claim.doc, row.article);
  }
  return { claims, facts: (doc) => articles.get(doc) };
}

/** After `MATCH (c:Claim)`: marks the claim's link, flow and route legs for re-aggregation. */
const MARK_LINKS_AND_FLOWS_DIRTY = `
  CALL (c) { MATCH (:Entity {id: c.subjectId})-[l {id: c.linkId}]->(:Entity {id: c.objectId}) SET l.dirty = true }
  CALL (c) { MATCH ()-[f:${FLOW_PREDICATE} {id: c.flowId}]->() SET f.dirty = true }
  CALL (c) { UNWIND coalesce(c.legIds, []) AS lid MATCH ()-[g:${ROUTE_PREDICATE} {id: lid}]->() SET g.dirty = true }`;

type Write = <T>(work: (tx: ManagedTransaction) => Promise<T>) => Promise<T>;
type Progress = (label: string, total: number, unit: string) => ProgressSink;

interface FlowContext {
  /** the store's flows and route legs, by id (made when a flow is to be written) */
  storeFlows: () => ReadonlyMap<string, Link>;
  /** flows and legs that claims loaded from elsewhere also support */
  foreignFlows: ReadonlySet<string>;
}

/**
 * Step 5: every flow or route leg of a claim marked `flowPending`, and every one marked `dirty`,
 * written with its aggregate, or deleted when no claim is left. Once the claims are in, Neo4j
 * holds exactly the store's claims of a flow, so its aggregate is the store's (a hub's flow rests
 * on hundreds of thousands of claims: reading them back would be slow and large); a flow that
 * claims loaded from elsewhere also support is aggregated from the claims Neo4j holds (a flow's
 * found by `flowId`, a leg's through the intermediary at one of its ends). Then the claims lose
 * their mark.
 */
async function updateFlows(
  session: Session,
  write: Write,
  batchSize: number,
  progress: Progress,
  ctx: FlowContext,
): Promise<{ updated: number; removed: number }> {
  const touched = new Map<string, FlowEdge & { predicate: string }>();
  const pending: string[] = [];
  const pendingRows = await session.executeRead((tx) =>
    tx.run(
      `MATCH (c:Claim) WHERE c.flowPending = true
       RETURN c.id AS id, c.predicate AS predicate, c.subjectId AS subjectId, c.recipientId AS recipientId, c.viaIds AS viaIds`,
    ),
  );
  for (const r of pendingRows.records) {
    pending.push(r.get("id") as string);
    const { flow, legs } = claimFlows({
      predicate: r.get("predicate") as string,
      subjectId: r.get("subjectId") as string,
      recipientId: (r.get("recipientId") as string | null) ?? undefined,
      viaIds: (r.get("viaIds") as string[] | null) ?? undefined,
    });
    if (flow) touched.set(flow.id, { ...flow, predicate: FLOW_PREDICATE });
    for (const leg of legs) touched.set(leg.id, { ...leg, predicate: ROUTE_PREDICATE });
  }
  for (const predicate of [FLOW_PREDICATE, ROUTE_PREDICATE]) {
    const res = await session.executeRead((tx) =>
      tx.run(`MATCH (s)-[f:${predicate}]->(o) WHERE f.dirty = true RETURN f.id AS id, s.id AS s, o.id AS o`),
    );
    for (const r of res.records) {
      const id = r.get("id") as string;
      touched.set(id, { id, source: r.get("s") as string, target: r.get("o") as string, predicate });
    }
  }
  let updated = 0;
  let removed = 0;
  const storeFlows = touched.size > 0 ? ctx.storeFlows() : new Map<string, Link>();
  const bar = progress("flows", touched.size, "flows");
  for (const batch of chunks([...touched.values()], batchSize)) {
    const r = await write(async (tx) => {
      const aggregated = new Map<string, Link>();
      const own = batch.filter((f) => !ctx.foreignFlows.has(f.id));
      for (const f of own) {
        const l = storeFlows.get(f.id);
        if (l) aggregated.set(f.id, l);
      }
      const shared = batch.filter((f) => ctx.foreignFlows.has(f.id));
      for (const l of await aggregateFromNeo4j(tx, shared)) aggregated.set(l.id, l);
      let written = 0;
      let gone = 0;
      for (const predicate of [FLOW_PREDICATE, ROUTE_PREDICATE]) {
        // the derived types are the model's constants, not configured names
        const type = `\`${predicate}\``;
        const mine = batch.filter((f) => f.predicate === predicate);
        const keep = mine.filter((f) => aggregated.has(f.id)).map((f) => aggregated.get(f.id)!);
        const drop = mine.filter((f) => !aggregated.has(f.id)).map((f) => f.id);
        if (keep.length > 0) {
          const res = await tx.run(
            `UNWIND $rows AS r
             MATCH (s:Entity {id: r.source}) MATCH (o:Entity {id: r.target})
             MERGE (s)-[f:${type} {id: r.props.id}]->(o)
             SET f += r.props
             RETURN count(*) AS n`,
            { rows: keep.map((l) => ({ source: l.source, target: l.target, props: linkProps(l) })) },
          );
          const n = Number(res.records[0]?.get("n") ?? 0);
          if (n !== keep.length)
            throw new Error(`wrote ${n} of ${keep.length} ${predicate} flows: an entity is missing`);
          written += n;
        }
        if (drop.length > 0) {
          const res = await tx.run(
            `UNWIND $ids AS id MATCH ()-[f:${type} {id: id}]->() DELETE f RETURN count(*) AS n`,
            {
              ids: drop,
            },
          );
          gone += Number(res.records[0]?.get("n") ?? 0);
        }
      }
      return { written, gone };
    });
    updated += r.written;
    removed += r.gone;
    bar.tick(batch.length);
  }
  bar.done();
  // every flow of these claims is now written
  for (const batch of chunks(pending, batchSize)) {
    await write((tx) => tx.run("UNWIND $ids AS id MATCH (c:Claim {id: id}) REMOVE c.flowPending", { ids: batch }));
  }
  return { updated, removed };
}

/** Flows and legs aggregated from every claim Neo4j holds for them (claims of several stores). */
async function aggregateFromNeo4j(
  tx: ManagedTransaction,
  flows: ReadonlyArray<FlowEdge & { predicate: string }>,
): Promise<Link[]> {
  if (flows.length === 0) return [];
  const direct = await readAggregateRows(
    tx,
    "UNWIND $ids AS fid MATCH (c:Claim {flowId: fid}) OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)",
    { ids: flows.filter((f) => f.predicate === FLOW_PREDICATE).map((f) => f.id) },
  );
  const routed = await readAggregateRows(
    tx,
    `UNWIND $legs AS leg
     MATCH (e:Entity) WHERE e.id IN [leg.source, leg.target]
     MATCH (e)<-[:VIA]-(c:Claim) WHERE leg.id IN c.legIds
     OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)`,
    {
      legs: flows
        .filter((f) => f.predicate === ROUTE_PREDICATE)
        .map((f) => ({ id: f.id, source: f.source, target: f.target })),
    },
  );
  const wanted = new Set(flows.map((f) => f.id));
  // each read holds every claim of its own kind only: a flow's claims are not all its legs' claims
  return [
    ...aggregateFlows(direct.claims, direct.facts).filter((l) => l.predicate === FLOW_PREDICATE),
    ...aggregateFlows(routed.claims, routed.facts).filter((l) => l.predicate === ROUTE_PREDICATE),
  ].filter((l) => wanted.has(l.id));
}

/** Empties the database (schema kept), in batches so that a large graph fits in memory. */
export async function clearDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction (session.run)
    await session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 50000 ROWS");
    await session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 50000 ROWS");
  } finally {
    await session.close();
  }
}
