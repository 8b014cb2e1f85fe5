import { defineConfig } from "vitest/config";

// Fast unit tests run in parallel; tests that talk to the one real Neo4j (`*.neo4j.test.ts`) run
// one file at a time so that they never see each other's data, and so do those that talk to the
// real CoreNLP (`*.nlp.test.ts`), whose server takes ~3 GB of memory and all the cores; interop
// tests (`*.interop.test.ts`) open exports with other tools (Gephi Toolkit, NetworkX), which their
// setup fetches first; browser tests drive a headless Chromium, which their setup finds or installs.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "ingest/**/*.test.ts", "src/**/*.test.ts"],
          exclude: [
            "**/*.neo4j.test.ts",
            "**/*.nlp.test.ts",
            "**/*.browser.test.ts",
            "**/*.interop.test.ts",
            "**/node_modules/**",
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "neo4j",
          include: ["test/**/*.neo4j.test.ts"],
          globalSetup: ["test/setup/neo4j.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: "nlp",
          include: ["test/**/*.nlp.test.ts", "ingest/**/*.nlp.test.ts", "src/**/*.nlp.test.ts"],
          globalSetup: ["test/setup/corenlp.ts"],
          fileParallelism: false,
          // a cold server parses several times slower than a warm one
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: "interop",
          include: ["test/**/*.interop.test.ts"],
          // the sample graph is ingested for real, so these tests parse with CoreNLP too
          globalSetup: ["test/setup/interop.ts", "test/setup/corenlp.ts"],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/**/*.browser.test.ts"],
          globalSetup: ["test/setup/browser.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
