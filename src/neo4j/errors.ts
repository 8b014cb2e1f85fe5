/**
 * Neo4j errors as a person at a terminal or in the viewer wants them: what went wrong, where in
 * the query (line, column and a caret under that line), and what to do for the usual cases
 * (a write in a read-only run, a timeout).
 */
export class QueryError extends Error {
  constructor(
    message: string,
    /** Neo4j status code, e.g. Neo.ClientError.Statement.SyntaxError */
    readonly code: string | null,
    readonly position: { line: number; column: number; offset: number } | null,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = "QueryError";
  }
}

const POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** The query line with a caret under the column: `  2 | RETURN m` / `    |        ^`. */
export function caretExcerpt(text: string, line: number, column: number): string {
  const src = text.split("\n")[line - 1] ?? "";
  const gutter = String(line);
  const pad = " ".repeat(gutter.length);
  // tabs keep their width so that the caret stays under the right character
  const under = src.slice(0, column - 1).replace(/[^\t]/g, " ");
  return `  ${gutter} | ${src}\n  ${pad} | ${under}^`;
}

export function formatNeo4jError(e: unknown, cypher: string, timeoutMs?: number, offsetShift = 0): Error {
  if (!(e instanceof Error)) return new Error(String(e));
  if (e instanceof QueryError) return e;
  const rawCode: unknown = (e as { code?: unknown }).code;
  const code = typeof rawCode === "string" ? rawCode : null;
  if (code === "N/A") {
    // The driver's own verdict on a connection that went silent mid-query (Neo4j's keep-alive
    // hint): Neo4j failed without answering, as its parser does on a very deep expression.
    return new QueryError(
      `Neo4j stopped answering this query and the connection was dropped (a very deeply nested ` +
        `expression does this): simplify the query (${e.message})`,
      "kg.NoAnswer",
      null,
      e,
    );
  }
  if (code === null || !code.startsWith("Neo.")) {
    // driver-side failures (connection lost, bad parameter types) have no query position
    return e;
  }
  if (
    code === "Neo.ClientError.Statement.AccessMode" ||
    code === "Neo.ClientError.Transaction.ForbiddenDueToTransactionType"
  ) {
    return new QueryError(
      `the query writes to the database, but queries are read-only unless --write is given (${e.message})`,
      code,
      null,
      e,
    );
  }
  if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")) {
    return new QueryError(
      `the query ran longer than its timeout${timeoutMs ? ` of ${timeoutMs} ms` : ""} and was stopped ` +
        `(raise it with --timeout, or narrow the query)`,
      code,
      null,
      e,
    );
  }
  // Neo4j appends the offending line and a caret of its own; keep only the message
  const firstLine = e.message.split("\n")[0] ?? e.message;
  const m = POSITION.exec(firstLine);
  const kind = code.split(".").pop() ?? "Error";
  if (!m) return new QueryError(`${kind}: ${firstLine}`, code, null, e);
  // an error met while planning "EXPLAIN <query>" counts the prefix too
  const offset = Math.max(0, Number(m[3]) - offsetShift);
  // the offset is the reliable part: recompute line and column from the query we sent
  const { line, column } = positionOf(cypher, offset);
  const text = firstLine.replace(POSITION, "");
  return new QueryError(
    `${kind} at line ${line}, column ${column}: ${text}\n${caretExcerpt(cypher, line, column)}`,
    code,
    { line, column, offset },
    e,
  );
}
