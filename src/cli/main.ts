import { Command, CommanderError } from "commander";
import { ValidationError } from "../model/validate.js";
import { registerExport } from "./commands/export.js";
import { registerLoad } from "./commands/load.js";
import { registerQuery } from "./commands/query.js";
import { registerIngest } from "./commands/ingest.js";
import { registerServe } from "./commands/serve.js";
import { registerStats } from "./commands/stats.js";
import { registerValidate } from "./commands/validate.js";
import { CliError } from "./errors.js";
import { endQuietlyOnBrokenPipe } from "./pipe.js";

/** Every command module adds itself here; `kg --help` lists exactly what exists. */
const COMMANDS = [
  registerIngest,
  registerValidate,
  registerStats,
  registerExport,
  registerServe,
  registerLoad,
  registerQuery,
];

export { CliError };

export function buildProgram(): Command {
  const program = new Command()
    .name("kg")
    .description("Supply-chain knowledge graphs from news articles: claims with provenance, Neo4j, viewer, exports")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnBrokenPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CliError) {
      console.error(`kg: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof ValidationError) {
      console.error(`kg: invalid data: ${e.message}`);
      return 1;
    }
    console.error(`kg: ${e instanceof Error ? (process.env.KG_DEBUG ? e.stack : e.message) : String(e)}`);
    return 1;
  }
}
