import type { Driver } from "neo4j-driver";
import type { Neo4jConfig } from "../neo4j/config.js";
import { connect, createDriver, type DriverOptions } from "../neo4j/connect.js";
import { Neo4jSource } from "./neo4j-source.js";

/** Driver errors that mean "the server is gone", as opposed to a bad query. */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "ServiceUnavailable" || code === "SessionExpired") return true;
  // a request that was waiting for a connection when the driver was dropped after a loss
  return e instanceof Error && e.message.startsWith("Pool is closed");
}

/**
 * The viewer's requests fall back to the store when Neo4j is gone, so they must learn it fast:
 * one short connection attempt and a second of retries, not the CLI's 10 s and 15 s.
 */
const DATA_DRIVER: DriverOptions = { connectionTimeout: 3_000, maxTransactionRetryTime: 1_000 };

/**
 * Neo4j when configured and answering. When it does not answer (at start or later), the server
 * keeps serving the store and tries again in the background every `retryMs`.
 *
 * Two drivers: one for the API's own reads, one (with a pool of `querySlots` connections) for
 * the Cypher that clients send, so that clients' queries, however many or slow, never hold a
 * connection the API needs.
 */
export class Neo4jConnection {
  private driver: Driver | null = null;
  private queries: Driver | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private connecting: Promise<void> | null = null;
  private lastFailure: string | null = null;

  constructor(
    readonly config: Neo4jConfig,
    private readonly log: (message: string) => void,
    private readonly retryMs = 30_000,
    private readonly querySlots = 2,
  ) {}

  get source(): Neo4jSource | null {
    return this.driver ? new Neo4jSource(this.driver, this.config.database) : null;
  }

  /** The driver for clients' Cypher (POST /api/query). */
  get queryDriver(): Driver | null {
    return this.driver ? this.queries : null;
  }

  /** Tries once; never throws (a failure is logged and retried later). */
  start(): Promise<void> {
    if (this.driver || this.closed) return Promise.resolve();
    this.connecting ??= connect(this.config, DATA_DRIVER)
      .then((driver) => {
        if (this.closed) return driver.close();
        this.driver = driver;
        this.queries = createDriver(this.config, {
          maxConnectionPoolSize: this.querySlots,
          connectionAcquisitionTimeout: 5_000,
        });
        this.lastFailure = null;
        this.log(`Neo4j connected at ${this.config.uri} (database "${this.config.database}")`);
      })
      .catch((e: unknown) => {
        const message = (e as Error).message.split("\n")[0] ?? String(e);
        // one warning per distinct failure, not one every retry
        if (message !== this.lastFailure) {
          this.log(
            `Neo4j not available, serving the embedded store (retrying every ${this.retryMs / 1000} s): ${message}`,
          );
        }
        this.lastFailure = message;
        this.scheduleRetry();
      })
      .finally(() => {
        this.connecting = null;
      });
    return this.connecting;
  }

  /** Called when a request found the server gone: drop the driver and reconnect later. */
  lost(e: unknown): void {
    if (!this.driver) return;
    const drivers = [this.driver, this.queries];
    this.driver = null;
    this.queries = null;
    for (const d of drivers) void d?.close().catch(() => undefined);
    this.log(`Neo4j connection lost, serving the embedded store meanwhile: ${(e as Error).message}`);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, this.retryMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.connecting;
    const drivers = [this.driver, this.queries];
    this.driver = null;
    this.queries = null;
    await Promise.all(drivers.map((d) => d?.close()));
  }
}
