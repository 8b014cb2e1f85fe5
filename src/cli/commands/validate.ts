import { promises as fs } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { ArticleSchema } from "../../model/article.js";
import { checkClaimVocabulary, ClaimSchema } from "../../model/claim.js";
import { EntitySchema } from "../../model/entity.js";
import { ValidationError } from "../../model/validate.js";
import { loadConfig } from "../../config/load.js";
import { readJsonlFile } from "../../store/jsonl.js";
import { checkStoreFiles, REPAIR_ADVICE } from "../../store/integrity.js";
import { STORE_FILES } from "../../store/store.js";

const SCHEMAS = { claims: ClaimSchema, articles: ArticleSchema, entities: EntitySchema } as const;

/** A folder given to `kg validate` is a store: its JSONL files, checked against store.json too. */
async function expandStores(args: string[]): Promise<{ files: string[]; stores: string[] }> {
  const files: string[] = [];
  const stores: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => null);
    if (stat?.isDirectory()) {
      stores.push(arg);
      for (const name of [STORE_FILES.articles, STORE_FILES.entities, STORE_FILES.claims]) {
        if (await fs.stat(path.join(arg, name)).catch(() => null)) files.push(path.join(arg, name));
      }
    } else files.push(arg);
  }
  return { files, stores };
}

/**
 * `kg validate FILE... | DIR...`: checks JSONL files against the model, naming file, line and
 * field; a store folder is also checked whole against store.json (a half-written store).
 */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check claims/articles/entities JSONL files against the model (file:line: field: problem)")
    .argument("<files...>", "JSONL files, or store folders (checked against their store.json too)")
    .option("--kind <kind>", "claims | articles | entities (default: from the file name, else claims)")
    .option("--config <file>", "configuration with extra relation and entity types", "kg.config.json")
    .action(async (args: string[], opts: { kind?: string; config: string }) => {
      const { vocabulary } = await loadConfig(opts.config);
      let bad = 0;
      const { files, stores } = await expandStores(args);
      for (const dir of stores) {
        const damage = await checkStoreFiles(dir, { thorough: true });
        for (const d of damage)
          console.error(`kg: ${path.join(dir, d.file)}: does not match store.json (${d.problem})`);
        if (damage.length > 0) {
          console.error(`kg: ${REPAIR_ADVICE}`);
          bad++;
        } else console.log(`${dir}: files match store.json`);
      }
      for (const file of files) {
        const kind = (opts.kind ??
          (Object.keys(SCHEMAS).find((k) => path.basename(file).includes(k)) || "claims")) as keyof typeof SCHEMAS;
        const schema = SCHEMAS[kind];
        if (!schema) throw new Error(`--kind: expected claims, articles or entities, got ${kind}`);
        let n = 0;
        try {
          for await (const value of readJsonlFile(file, schema)) {
            n++;
            if (kind === "claims") {
              const problem = checkClaimVocabulary(value as never, vocabulary);
              if (problem) throw new ValidationError(`${file}: record ${n}`, [{ path: "predicate", message: problem }]);
            }
          }
          console.log(`${file}: ${n} ${kind} ok`);
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          console.error(`kg: ${e.message}`);
          bad++;
        }
      }
      if (bad > 0) process.exitCode = 1;
    });
}
