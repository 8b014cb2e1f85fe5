import path from "node:path";
import type { Command } from "commander";
import { ArticleSchema } from "../../model/article.js";
import { checkClaimVocabulary, ClaimSchema } from "../../model/claim.js";
import { EntitySchema } from "../../model/entity.js";
import { ValidationError } from "../../model/validate.js";
import { loadConfig } from "../../config/load.js";
import { readJsonlFile } from "../../store/jsonl.js";

const SCHEMAS = { claims: ClaimSchema, articles: ArticleSchema, entities: EntitySchema } as const;

/** `kg validate FILE...`: checks JSONL files against the model, naming file, line and field. */
export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check claims/articles/entities JSONL files against the model (file:line: field: problem)")
    .argument("<files...>", "JSONL files")
    .option("--kind <kind>", "claims | articles | entities (default: from the file name, else claims)")
    .option("--config <file>", "configuration with extra relation and entity types", "kg.config.json")
    .action(async (files: string[], opts: { kind?: string; config: string }) => {
      const { vocabulary } = await loadConfig(opts.config);
      let bad = 0;
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
