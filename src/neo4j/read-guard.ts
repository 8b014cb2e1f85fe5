import type { ManagedTransaction, Plan } from "neo4j-driver";
import { formatNeo4jError, QueryError } from "./errors.js";

/**
 * What a read-only query may run, judged on the plan Neo4j makes for it (EXPLAIN), never on its
 * text. Neo4j Community has no roles, and a READ transaction may still list and end other
 * clients' transactions (SHOW/TERMINATE TRANSACTIONS), call built-in procedures such as
 * dbms.killConnection (the procedure allowlist only governs plugins), or route administration
 * commands to the system database. The plan names each of these as an operator, whatever the
 * spelling, comments or casing of the query, so the guard reads operators:
 *
 * - administration commands (AdministrationCommand) and every SHOW or TERMINATE command but the
 *   catalogue ones (indexes, constraints, procedures, functions);
 * - procedure calls outside READ_PROCEDURES;
 * - LOAD CSV (the database refuses files and URLs too; this says why in kg's words).
 *
 * Files, URLs and APOC's loaders are refused by the database's own settings (tools/neo4j,
 * docker-compose.yml), so a query that reaches Neo4j some other way meets the same walls.
 */
export const READ_PROCEDURES: readonly RegExp[] = [
  /^db\.(labels|relationshipTypes|propertyKeys|ping|info|awaitIndex|awaitIndexes)$/,
  /^db\.schema\.(visualization|nodeTypeProperties|relTypeProperties)$/,
  /^db\.index\.(fulltext|vector)\.query(Nodes|Relationships)$/,
  /^db\.index\.fulltext\.listAvailableAnalyzers$/,
  /^dbms\.components$/,
  // only the families the database loads (dbms.security.procedures.allowlist) exist at all
  /^apoc\./,
];

const CATALOGUE_COMMANDS = new Set(["ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"]);

/** The reason a plan may not run on the read-only path, or null when it may. */
export function refusedOperator(plan: Plan): string | null {
  const type = plan.operatorType.replace(/@.*$/, "");
  if (type === "AdministrationCommand") return "administration commands";
  if ((type.startsWith("Show") && !CATALOGUE_COMMANDS.has(type)) || type.startsWith("Terminate")) {
    // ShowTransactions → "SHOW TRANSACTIONS"
    return `${type.replace(/([a-z])([A-Z])/g, "$1 $2").toUpperCase()} (other clients' work and the server's settings)`;
  }
  if (type === "LoadCSV") return "LOAD CSV (reading files or URLs)";
  if (type === "ProcedureCall") {
    const details = String(plan.arguments["Details"] ?? "");
    const name = /^([\w.`]+)\s*\(/.exec(details)?.[1]?.replace(/`/g, "") ?? details;
    if (!READ_PROCEDURES.some((p) => p.test(name))) return `the procedure ${name}`;
  }
  for (const child of plan.children) {
    const refused = refusedOperator(child);
    if (refused) return refused;
  }
  return null;
}

const EXPLAIN = "EXPLAIN ";

/** Plans the query inside the transaction (nothing runs) and throws when it may not run read-only. */
export async function checkReadOnlyPlan(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
): Promise<void> {
  let plan: Plan | false;
  try {
    plan = (await tx.run(`${EXPLAIN}${cypher}`, params).summary()).plan;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    // "EXPLAIN PROFILE ..." is the one conflict the prefix itself makes
    if (code === "Neo.ClientError.Statement.ArgumentError" && /execution mode/.test(String((e as Error).message))) {
      throw new QueryError(
        "read-only: PROFILE is not available here; use EXPLAIN to see a plan",
        "kg.ReadOnly",
        null,
        e,
      );
    }
    // a syntax error is reported where it is in the query the user wrote
    throw formatNeo4jError(e, cypher, undefined, EXPLAIN.length);
  }
  // fail closed: a query whose plan cannot be seen cannot be vouched for
  const refused = plan ? refusedOperator(plan) : "a query Neo4j gives no plan for";
  if (refused) {
    throw new QueryError(
      `read-only: queries here may not use ${refused}; run them yourself with cypher-shell if you administer this Neo4j`,
      "kg.ReadOnly",
      null,
    );
  }
}
