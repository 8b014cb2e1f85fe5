import { promises as fs } from "node:fs";
import { z } from "zod";
import { parseJsonDocument } from "../model/validate.js";
import { createVocabulary, VocabularyConfigSchema, type Vocabulary } from "../model/vocabulary.js";

/**
 * kg.config.json: users extend the closed vocabularies here (never from article text).
 *   { "relationTypes": [{ "name": "FINANCES", "description": "...", "reading": "..." }],
 *     "entityTypes": ["Vessel"] }
 */
export const KgConfigSchema = VocabularyConfigSchema;
export type KgConfig = z.infer<typeof KgConfigSchema>;

export async function loadConfig(file = "kg.config.json"): Promise<{ config: KgConfig; vocabulary: Vocabulary }> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") {
      const config = KgConfigSchema.parse({});
      return { config, vocabulary: createVocabulary(config) };
    }
    throw e;
  }
  const config = parseJsonDocument(KgConfigSchema, text, file);
  return { config, vocabulary: createVocabulary(config) };
}
