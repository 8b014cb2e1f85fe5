/**
 * `npm run bench:load [-- --claims 100000 --naive 5000 --warm 30000 --batch-size 2000 --concurrency 2]`
 *
 * Claims per second of `kg load`'s loader against a naive loader (one claim per transaction,
 * MERGE of every node and relationship) in the same run, on the same generated claims
 * (scripts/gen/synthetic-store.ts, seeded). The naive loader runs on a sample and its rate is
 * extrapolated (said so in the output). Also times a second load of the same store (nothing to
 * write), checks the counts after each load, and times a skeleton loader (claim nodes and their
 * three main relationships only) and, when the local Neo4j's jars are there (npm run neo4j:start),
 * Neo4j's offline importer writing the same graph into a scratch database: the bounds this machine
 * sets. Neo4j is warmed up first with another store. Uses NEO4J_URI and EMPTIES its database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { linkId } from "../src/model/link.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, DEFAULT_LOAD_BATCH_SIZE, DEFAULT_LOAD_CONCURRENCY, loadIntoNeo4j } from "../src/neo4j/load.js";
import { ensureSchema } from "../src/neo4j/schema.js";
import { generateStore } from "./gen/synthetic-store.js";
import { graphCounts, arg, printTable } from "./gen/bench-common.js";
import { runOfflineImport, writeImportCsv } from "./gen/offline-import.js";
import type { Claim } from "../src/model/claim.js";
import type { StoreData } from "../src/store/store.js";

async function naiveLoad(driver: Driver, database: string, claims: Claim[], entityType: Map<string, string>) {
  const session = driver.session({ database });
  try {
    for (const c of claims) {
      // one transaction per claim, every node and relationship MERGEd: the obvious first loader
      await session.executeWrite((tx) =>
        tx.run(
          `MERGE (a:Article {id: $doc})
           MERGE (s:Entity {id: $subjectId}) ON CREATE SET s.name = $subject, s.type = $subjectType
           MERGE (o:Entity {id: $objectId}) ON CREATE SET o.name = $object, o.type = $objectType
           MERGE (c:Claim {id: $id}) SET c += $props
           MERGE (c)-[:SUBJECT]->(s)
           MERGE (c)-[:OBJECT]->(o)
           MERGE (c)-[:STATED_IN]->(a)
           MERGE (s)-[l:LINK {id: $linkId}]->(o)`,
          {
            doc: c.doc,
            subjectId: c.subjectId,
            subject: c.subject,
            subjectType: entityType.get(c.subjectId) ?? "Entity",
            objectId: c.objectId,
            object: c.object,
            objectType: entityType.get(c.objectId) ?? "Entity",
            id: c.id,
            linkId: linkId(c.subjectId, c.predicate, c.objectId),
            props: {
              predicate: c.predicate,
              quote: c.evidence.quote,
              start: c.evidence.start,
              end: c.evidence.end,
              negated: c.negated,
              confidence: c.confidence,
            },
          },
        ),
      );
    }
  } finally {
    await session.close();
  }
}

/**
 * The least a claim needs in Neo4j: its node with the ten properties and its SUBJECT,
 * OBJECT and STATED_IN, written with kg load's batching and concurrency and element-id lookups,
 * but no role relationships (RECIPIENT, VIA, ATTRIBUTED_TO) and no direct links. Its rate bounds
 * what any loader of the full model can reach on this machine.
 */
async function skeletonLoad(driver: Driver, database: string, data: StoreData, batchSize: number, concurrency: number) {
  await loadIntoNeo4j(driver, { ...data, claims: [] }, { database, vocabulary: DEFAULT_VOCABULARY, batchSize });
  const eid = new Map<string, string>();
  for (const q of [
    "MATCH (n:Entity) RETURN n.id, elementId(n)",
    "MATCH (n:Article) RETURN 'a:' + n.id, elementId(n)",
  ]) {
    for (const r of (await driver.executeQuery(q, {}, { database })).records)
      eid.set(r.get(0) as string, r.get(1) as string);
  }
  const rows = data.claims.map((c) => ({
    s: eid.get(c.subjectId),
    o: eid.get(c.objectId),
    a: eid.get(`a:${c.doc}`),
    p: {
      id: c.id,
      predicate: c.predicate,
      quote: c.evidence.quote,
      start: c.evidence.start,
      end: c.evidence.end,
      time: c.time ?? null,
      amount: c.amount?.text ?? null,
      negated: c.negated,
      confidence: c.confidence,
      extractor: c.extractor,
    },
  }));
  const batches: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += batchSize) batches.push(rows.slice(i, i + batchSize));
  const t0 = performance.now();
  const worker = async () => {
    const session = driver.session({ database });
    try {
      for (let b = batches.shift(); b; b = batches.shift()) {
        const batch = b;
        await session.executeWrite((tx) =>
          tx.run(
            `UNWIND $rows AS r
             MATCH (s:Entity) WHERE elementId(s) = r.s
             MATCH (o:Entity) WHERE elementId(o) = r.o
             MATCH (a:Article) WHERE elementId(a) = r.a
             CREATE (c:Claim {id: r.p.id, predicate: r.p.predicate, quote: r.p.quote, start: r.p.start, end: r.p.end,
                              time: r.p.time, amount: r.p.amount, negated: r.p.negated, confidence: r.p.confidence,
                              extractor: r.p.extractor}),
                    (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:STATED_IN]->(a)`,
            { rows: batch },
          ),
        );
      }
    } finally {
      await session.close();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - t0) / 1000;
}

/**
 * Neo4j's own offline importer on the same graph, in a scratch directory (the running database is
 * not touched); undefined when the local launcher's jars are absent (a remote NEO4J_URI only).
 */
function offlineImport(data: StoreData) {
  const home = path.resolve(process.env.KG_NEO4J_HOME || ".kg-neo4j");
  const lib = path.join(home, "lib");
  const scratch = mkdtempSync(path.join(os.tmpdir(), "kg-bench-import-"));
  try {
    console.log(`offline importer into a scratch database (${scratch})…`);
    const t0 = performance.now();
    const files = writeImportCsv(data, DEFAULT_VOCABULARY, path.join(scratch, "csv"));
    const csvSeconds = (performance.now() - t0) / 1000;
    const r = runOfflineImport(files, lib, path.join(scratch, "home"));
    return { csvSeconds, importSeconds: r.seconds, nodes: r.nodes, relationships: r.relationships };
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("no Neo4j jars")) return undefined;
    throw e;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const claimsWanted = Number(arg("claims", "100000"));
  const naiveSample = Number(arg("naive", "5000"));
  const warmClaims = Number(arg("warm", "30000"));
  const batchSize = Number(arg("batch-size", String(DEFAULT_LOAD_BATCH_SIZE)));
  const concurrency = Number(arg("concurrency", String(DEFAULT_LOAD_CONCURRENCY)));
  const config = neo4jConfigFromEnv();
  const driver = await connect(config);
  const { database } = config;
  try {
    console.log(`generating ${claimsWanted} claims (seed 42)…`);
    const data = generateStore({ claims: claimsWanted, seed: 42 });
    console.log(`${data.articles.length} articles, ${data.entities.length} entities, ${data.claims.length} claims`);

    console.log(`emptying ${config.uri} (${database})…`);
    await clearDatabase(driver, database);
    await ensureSchema(driver, database, DEFAULT_VOCABULARY);
    // a JVM just started runs Cypher and the store code interpreted at first: warm it with another,
    // smaller store, as bench:queries warms up (a first load after 10k warm-up claims ran at 60% of
    // the rate after 30k)
    console.log(`warming Neo4j up with a ${warmClaims.toLocaleString("en")}-claim store (not measured)…`);
    const warm = generateStore({ claims: warmClaims, seed: 7 });
    await loadIntoNeo4j(driver, warm, { database, vocabulary: DEFAULT_VOCABULARY, batchSize, concurrency });
    await naiveLoad(driver, database, warm.claims.slice(0, 200), new Map(warm.entities.map((e) => [e.id, e.type])));
    await clearDatabase(driver, database);

    const load = await loadIntoNeo4j(driver, data, {
      database,
      vocabulary: DEFAULT_VOCABULARY,
      batchSize,
      concurrency,
    });
    const afterFirst = await graphCounts(driver, database);
    const again = await loadIntoNeo4j(driver, data, {
      database,
      vocabulary: DEFAULT_VOCABULARY,
      batchSize,
      concurrency,
    });
    const afterSecond = await graphCounts(driver, database);
    if (JSON.stringify(afterFirst) !== JSON.stringify(afterSecond)) {
      throw new Error(`second load changed counts: ${JSON.stringify(afterFirst)} → ${JSON.stringify(afterSecond)}`);
    }
    if (afterFirst.claims !== data.claims.length) {
      throw new Error(`expected ${data.claims.length} claims in Neo4j, found ${afterFirst.claims}`);
    }

    console.log("skeleton loader (claim nodes and SUBJECT/OBJECT/STATED_IN only)…");
    await clearDatabase(driver, database);
    const skeletonSeconds = await skeletonLoad(driver, database, data, batchSize, concurrency);

    const importer = offlineImport(data);

    const sample = data.claims.slice(0, Math.min(naiveSample, data.claims.length));
    console.log(`naive loader on the first ${sample.length} claims…`);
    await clearDatabase(driver, database);
    const entityType = new Map(data.entities.map((e) => [e.id, e.type]));
    const t0 = performance.now();
    await naiveLoad(driver, database, sample, entityType);
    const naiveSeconds = (performance.now() - t0) / 1000;
    await clearDatabase(driver, database);

    const loaderRate = data.claims.length / load.seconds;
    const naiveRate = sample.length / naiveSeconds;
    console.log("");
    console.log(
      `Neo4j ${config.uri}, ${data.claims.length} generated claims, batch size ${batchSize}, ${concurrency} concurrent transactions`,
    );
    printTable(
      ["loader", "claims", "seconds", "claims/s"],
      [
        ["kg load (first load)", data.claims.length, load.seconds.toFixed(1), Math.round(loaderRate)],
        ["kg load (same store again)", data.claims.length, again.seconds.toFixed(1), "nothing to write"],
        [
          `naive, 1 claim/transaction (sample of ${sample.length})`,
          sample.length,
          naiveSeconds.toFixed(1),
          Math.round(naiveRate),
        ],
        [
          `naive extrapolated to ${data.claims.length}`,
          data.claims.length,
          (data.claims.length / naiveRate).toFixed(0),
          Math.round(naiveRate),
        ],
      ],
    );
    console.log(
      `graph after load: ${afterFirst.nodes} nodes, ${afterFirst.relationships} relationships, ` +
        `${afterFirst.links} direct links; unchanged by the second load`,
    );
    const phaseText = (p: Record<string, number>) =>
      Object.entries(p)
        .map(([k, v]) => `${k} ${v.toFixed(1)}s`)
        .join(", ");
    console.log(`phases of the first load: ${phaseText(load.phases)}`);
    console.log(`phases of the second load: ${phaseText(again.phases)}`);
    const claimsPhaseRate = data.claims.length / load.phases.claims!;
    const skeletonRate = data.claims.length / skeletonSeconds;
    console.log(
      `claims phase only: kg load ${Math.round(claimsPhaseRate)} claims/s; skeleton loader ${Math.round(skeletonRate)} claims/s ` +
        `(claim nodes with 10 properties and SUBJECT/OBJECT/STATED_IN, no roles, no direct links; same batches): ` +
        `the full model writes ${(skeletonRate / claimsPhaseRate).toFixed(1)}x as slowly`,
    );
    if (importer) {
      if (importer.nodes !== afterFirst.nodes || importer.relationships !== afterFirst.relationships) {
        throw new Error(
          `the importer wrote ${importer.nodes} nodes and ${importer.relationships} relationships, kg load ${afterFirst.nodes} and ${afterFirst.relationships}`,
        );
      }
      console.log(
        `offline importer (neo4j-admin database import full, same graph: ${importer.nodes} nodes, ${importer.relationships} relationships; ` +
          `no transactions, no indexes, database offline): import ${importer.importSeconds.toFixed(1)}s = ` +
          `${Math.round(data.claims.length / importer.importSeconds)} claims/s, ` +
          `${Math.round(data.claims.length / (importer.importSeconds + importer.csvSeconds))} claims/s with writing its CSV files (${importer.csvSeconds.toFixed(1)}s)`,
      );
    } else {
      console.log("offline importer: skipped (no local Neo4j jars; run npm run neo4j:start once)");
    }
    console.log(`kg load: ${Math.round(loaderRate)} claims/s; naive: ${Math.round(naiveRate)} claims/s`);
    console.log(`ratio kg load / naive: ${(loaderRate / naiveRate).toFixed(1)}x (goal: >= 20x and >= 10,000 claims/s)`);
  } finally {
    await driver.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
