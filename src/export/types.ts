import { z } from "zod";
import type { Vocabulary } from "../model/vocabulary.js";

export const EXPORT_FORMATS = ["graphml", "gexf", "json", "csv", "cypher"] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** One output file: a name relative to the output (a file name, or a name inside the csv folder). */
export interface ExportFile {
  name: string;
  mediaType: string;
  content: string;
}

/** An output file produced chunk by chunk, so that large graphs never need one giant string. */
export interface ExportStream {
  name: string;
  mediaType: string;
  chunks(): Iterable<string>;
}

export interface ExportOptions {
  /** labels and relationship types allowed in the CSV and Cypher outputs */
  vocabulary?: Vocabulary;
  /** called with the length of every chunk as it is produced (progress of large exports) */
  onChunk?: (chars: number) => void;
}
