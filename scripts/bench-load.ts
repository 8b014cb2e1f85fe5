/**
 * `npm run bench:load [-- --claims 100000 --naive 5000 --batch-size 2000 --concurrency 2]`
 *
 * Claims per second of `kg load`'s loader against a naive loader (one claim per transaction,
 * MERGE of every node and relationship) in the same run, on the same generated claims
 * (scripts/gen/synthetic-store.ts, seeded). The naive loader runs on a sample and its rate is
 * extrapolated (said so in the output). Also times a second load of the same store (nothing to
 * write) and checks the counts after each load. Uses NEO4J_URI and EMPTIES its database.
 */
import type { Driver } from "neo4j-driver";
import { DEFAULT_VOCABULARY } from "../src/model/vocabulary.js";
import { linkId } from "../src/model/link.js";
import { neo4jConfigFromEnv } from "../src/neo4j/config.js";
import { connect } from "../src/neo4j/connect.js";
import { clearDatabase, DEFAULT_LOAD_BATCH_SIZE, DEFAULT_LOAD_CONCURRENCY, loadIntoNeo4j } from "../src/neo4j/load.js";
import { ensureSchema } from "../src/neo4j/schema.js";
import { generateStore } from "./gen/synthetic-store.js";
import { graphCounts, arg, printTable } from "./gen/bench-common.js";
import type { Claim } from "../src/model/claim.js";

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

async function main() {
  const claimsWanted = Number(arg("claims", "100000"));
  const naiveSample = Number(arg("naive", "5000"));
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
