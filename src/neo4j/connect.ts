import neo4j, { type Config, type Driver } from "neo4j-driver";
import type { Neo4jConfig } from "./config.js";

export class Neo4jUnavailableError extends Error {
  constructor(config: Neo4jConfig, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `cannot reach Neo4j at ${config.uri} (database "${config.database}", user "${config.username}"): ${why}\n` +
        `Start one with \`npm run neo4j:start\` (local, no Docker) or \`docker compose up -d\`, ` +
        `or point NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD at yours.`,
      { cause },
    );
    this.name = "Neo4jUnavailableError";
  }
}

/** Driver settings a caller may change: pool size and waits. */
export type DriverOptions = Pick<
  Config,
  "connectionTimeout" | "maxTransactionRetryTime" | "maxConnectionPoolSize" | "connectionAcquisitionTimeout"
>;

export function createDriver(config: Neo4jConfig, options: DriverOptions = {}): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
    // bounded waits so that a missing server is reported, not hung on
    connectionTimeout: 10_000,
    maxTransactionRetryTime: 15_000,
    ...options,
    disableLosslessIntegers: true,
  });
}

/** A driver that has answered, or a Neo4jUnavailableError saying where it looked and what to do. */
export async function connect(config: Neo4jConfig, options: DriverOptions = {}): Promise<Driver> {
  const driver = createDriver(config, options);
  try {
    await driver.getServerInfo({ database: config.database });
    return driver;
  } catch (e) {
    await driver.close().catch(() => undefined);
    throw new Neo4jUnavailableError(config, e);
  }
}
