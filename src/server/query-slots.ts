/**
 * How many Cypher queries of API clients run at once. They run on their own connections (see
 * Neo4jConnection), so they can never take the connections the viewer's own requests need, and
 * past the limit a client is told to retry at once instead of queueing behind slow queries: on
 * a machine with few cores, a hundred slow queries would otherwise slow every other answer.
 */
export class QuerySlots {
  private running = 0;

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error("the number of query slots must be a positive integer");
  }

  /** A release function, or null when every slot is taken. */
  tryTake(): (() => void) | null {
    if (this.running >= this.size) return null;
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
    };
  }
}
