import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { Claim } from "../model/claim.js";
import { aggregateLinks, type Link } from "../model/link.js";
import type { Vocabulary } from "../model/vocabulary.js";
import type { StoreData } from "../store/store.js";
import { entityLabel, relationshipType } from "./identifiers.js";
import {
  articleRow,
  checkClaimPredicates,
  CLAIM_FOR_LINK_PROJECTION,
  CLAIM_PROPERTY_KEYS,
  claimForLink,
  claimRow,
  entitiesWithPlaceholders,
  entityRow,
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
 *  5. entities marked `countDirty` get their claim count recomputed.
 *
 * Every step is batched `UNWIND $rows` in transaction functions (retried on transient errors).
 * The marks live in Neo4j, in the transaction that makes them necessary, so a load that dies at
 * any point is completed by the next one, and a load of an unchanged store writes nothing.
 */

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
   * transactions writing claims at the same time (default 1). More can be faster on an idle
   * machine, but batches that touch the same dense entities (Russia, China) can deadlock.
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
  entityCounts: number;
  seconds: number;
  /** seconds per phase, for benchmarks */
  phases: Record<string, number>;
}

const ROLE_STATEMENTS = {
  recipient: "UNWIND $rows AS r MATCH (c:Claim {id: r.c}) MATCH (e:Entity {id: r.e}) CREATE (c)-[:RECIPIENT]->(e)",
  via: "UNWIND $rows AS r MATCH (c:Claim {id: r.c}) MATCH (e:Entity {id: r.e}) CREATE (c)-[:VIA {order: r.i}]->(e)",
  attributedTo:
    "UNWIND $rows AS r MATCH (c:Claim {id: r.c}) MATCH (e:Entity {id: r.e}) CREATE (c)-[:ATTRIBUTED_TO {order: r.i}]->(e)",
} as const;

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
  const claimRows = data.claims.map(claimRow);

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
    const readHashes = async (cypher: string): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      if (opts.assumeEmpty) return out;
      const res = await session.executeRead((tx) => tx.run(cypher));
      for (const r of res.records) out.set(r.get(0) as string, r.get(1) as string);
      return out;
    };

    // 1. entities (grouped by type: a label cannot be a parameter) and articles
    const entityHashes = await readHashes("MATCH (e:Entity) RETURN e.id, e.hash");
    const entitiesToWrite = entityRows.filter((r) => entityHashes.get(r.id) !== r.hash);
    const entityBar = progress("entities", entitiesToWrite.length, "entities");
    for (const [type, rows] of groupBy(entitiesToWrite, (r: EntityRow) => r.type)) {
      const label = entityLabel(type, vocabulary);
      const cypher = `UNWIND $rows AS r MERGE (e:Entity {id: r.id}) SET e += r, e:${label}`;
      for (const batch of chunks(rows, batchSize)) {
        await write((tx) => tx.run(cypher, { rows: batch.map((r) => r.props) }));
        entityBar.tick(batch.length);
      }
    }
    entityBar.done();
    phase("entities");

    const articleHashes = await readHashes("MATCH (a:Article) RETURN a.id, a.hash");
    const articlesToWrite = articleRows.filter((r) => articleHashes.get(r.id) !== r.hash);
    const articleBar = progress("articles", articlesToWrite.length, "articles");
    for (const batch of chunks(articlesToWrite, batchSize)) {
      await write((tx) =>
        tx.run("UNWIND $rows AS r MERGE (a:Article {id: r.id}) SET a = r", { rows: batch.map((r) => r.props) }),
      );
      articleBar.tick(batch.length);
    }
    articleBar.done();
    phase("articles");

    // 2. claims to remove: gone from a stored article, or changed (rewritten below)
    const inNeo4j = new Map<string, { hash: string; doc: string; linkId: string }>();
    if (!opts.assumeEmpty) {
      const res = await session.executeRead((tx) => tx.run("MATCH (c:Claim) RETURN c.id, c.hash, c.doc, c.linkId"));
      for (const r of res.records) {
        inNeo4j.set(r.get(0) as string, {
          hash: r.get(1) as string,
          doc: r.get(2) as string,
          linkId: r.get(3) as string,
        });
      }
    }
    const storeDocs = new Set([...articleIds, ...claimRows.map((c) => c.doc)]);
    const wanted = new Map(claimRows.map((c) => [c.id, c]));
    const toRemove: string[] = [];
    // links that also rest on claims from outside this store (articles loaded from elsewhere)
    const foreignLinks = new Set<string>();
    for (const [id, { hash, doc, linkId }] of inNeo4j) {
      const w = wanted.get(id);
      if (w ? w.hash !== hash : storeDocs.has(doc)) toRemove.push(id);
      else if (!w) foreignLinks.add(linkId);
    }
    const removeBar = progress("removing claims", toRemove.length, "claims");
    for (const batch of chunks(toRemove, batchSize)) {
      await write((tx) =>
        tx.run(
          `UNWIND $ids AS id
           MATCH (c:Claim {id: id})
           OPTIONAL MATCH (:Entity {id: c.subjectId})-[l {id: c.linkId}]->(:Entity {id: c.objectId})
           SET l.dirty = true
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
    const storeLinks = new Map(aggregateLinks(data.claims).map((l) => [l.id, l]));
    // the claim counts of their endpoints are recomputed at the end (step 5); marked first, so
    // that concurrent batches do not all write to the same hub entities
    const endpoints = new Set<string>();
    for (const c of toWrite) endpoints.add(c.subjectId).add(c.objectId);
    for (const batch of chunks([...endpoints], batchSize)) {
      await write((tx) =>
        tx.run("UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e.countDirty = true", { ids: batch }),
      );
    }
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
          linksWritten += await own.executeWrite((tx) => writeClaims(tx, batch, vocabulary, storeLinks, foreignLinks), {
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
    const settled = await Promise.allSettled(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
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

    // 5. claim counts of the entities at either end of those links
    const countIds = (
      await session.executeRead((tx) => tx.run("MATCH (e:Entity) WHERE e.countDirty = true RETURN e.id AS id"))
    ).records.map((r) => r.get("id") as string);
    for (const batch of chunks(countIds, batchSize)) {
      await write((tx) =>
        tx.run(
          `UNWIND $ids AS id
           MATCH (e:Entity {id: id})
           SET e.claims = COUNT { MATCH (e)<-[:SUBJECT|OBJECT]-(c:Claim) RETURN DISTINCT c }
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
      entityCounts: countIds.length,
      seconds: (Date.now() - started) / 1000,
      phases: (phase("counts"), phases),
    };
  } finally {
    await session.close();
  }
}

/** `{id: r.id, doc: r.doc, ...}`: fixed keys, so the planner needs no Eager (see CLAIM_PROPERTY_KEYS). */
const CLAIM_PROPERTIES = `{${CLAIM_PROPERTY_KEYS.map((k) => `\`${k}\`: r.\`${k}\``).join(", ")}}`;

const CREATE_CLAIMS = `UNWIND $rows AS r
  MATCH (s:Entity {id: r.subjectId})
  MATCH (o:Entity {id: r.objectId})
  MATCH (a:Article {id: r.doc})
  CREATE (c:Claim ${CLAIM_PROPERTIES}), (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:STATED_IN]->(a)
  RETURN count(*) AS n`;

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
async function writeClaims(
  tx: ManagedTransaction,
  batch: ClaimRow[],
  vocabulary: Vocabulary,
  storeLinks: ReadonlyMap<string, Link>,
  foreignLinks: ReadonlySet<string>,
): Promise<number> {
  const res = await tx.run(CREATE_CLAIMS, { rows: batch.map((r) => r.props) });
  const n = res.records[0]?.get("n") as number;
  // a MATCH that found nothing would drop a claim silently: fail the batch instead
  if (n !== batch.length) throw new Error(`wrote ${n} of ${batch.length} claims: an entity or article is missing`);
  const recipients = batch.filter((c) => c.recipientId !== null).map((c) => ({ c: c.id, e: c.recipientId }));
  const via = batch.flatMap((c) => c.viaIds.map((e, i) => ({ c: c.id, e, i })));
  const attributed = batch.flatMap((c) => c.attributedToIds.map((e, i) => ({ c: c.id, e, i })));
  if (recipients.length > 0) await tx.run(ROLE_STATEMENTS.recipient, { rows: recipients });
  if (via.length > 0) await tx.run(ROLE_STATEMENTS.via, { rows: via });
  if (attributed.length > 0) await tx.run(ROLE_STATEMENTS.attributedTo, { rows: attributed });

  let links = 0;
  for (const [predicate, rows] of groupBy(batch, (c) => c.predicate)) {
    const type = relationshipType(predicate, vocabulary);
    const final: Array<{ s: string; o: string; props: Record<string, unknown> }> = [];
    const dirty: Array<{ s: string; o: string; id: string }> = [];
    for (const id of new Set(rows.map((c) => c.linkId))) {
      const link = storeLinks.get(id)!;
      if (foreignLinks.has(id)) dirty.push({ s: link.source, o: link.target, id });
      else final.push({ s: link.source, o: link.target, props: linkProps(link) });
    }
    if (final.length > 0) {
      await tx.run(
        `UNWIND $links AS r
         MATCH (s:Entity {id: r.s})
         MATCH (o:Entity {id: r.o})
         MERGE (s)-[l:${type} {id: r.props.id}]->(o)
         SET l += r.props`,
        { links: final },
      );
      links += final.length;
    }
    if (dirty.length > 0) {
      await tx.run(
        `UNWIND $links AS r
         MATCH (s:Entity {id: r.s})
         MATCH (o:Entity {id: r.o})
         MERGE (s)-[l:${type} {id: r.id}]->(o)
         SET l.dirty = true`,
        { links: dirty },
      );
    }
  }
  return links;
}

/** Recomputes the aggregates of a batch of links of one type from their claims, in one transaction. */
async function updateLinks(
  tx: ManagedTransaction,
  type: string,
  ids: string[],
): Promise<{ updated: number; removed: number }> {
  const res = await tx.run(
    `UNWIND $ids AS lid MATCH (c:Claim {linkId: lid}) RETURN ${CLAIM_FOR_LINK_PROJECTION} AS c`,
    {
      ids,
    },
  );
  // aggregateLinks reads only the fields of ClaimForLink
  const claims = res.records.map((r) => claimForLink(r.get("c") as Record<string, unknown>)) as Claim[];
  const links = aggregateLinks(claims);
  const kept = new Set(links.map((l) => l.id));
  const gone = ids.filter((id) => !kept.has(id));
  const touched = new Set<string>();
  for (const l of links) touched.add(l.source).add(l.target);
  if (links.length > 0) {
    await tx.run(`UNWIND $rows AS r MATCH ()-[l:${type} {id: r.id}]->() SET l += r REMOVE l.dirty`, {
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
