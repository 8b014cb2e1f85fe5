import { promises as fs } from "node:fs";
import path from "node:path";
import type { KnowledgeGraph } from "../graph/build.js";
import { DEFAULT_VOCABULARY } from "../model/vocabulary.js";
import { writeFileAtomic } from "../store/atomic.js";
import { chooseArrayDelimiter, importInstructions, nodesCsv, relationshipsCsv } from "./csv.js";
import { cypherChunks } from "./cypher.js";
import { renderGexf } from "./gexf.js";
import { graphmlChunks } from "./graphml.js";
import type { ExportFile, ExportFormat, ExportOptions, ExportStream } from "./types.js";
import { checkGraphVocabulary } from "./vocabulary-check.js";
import { stripXmlForbidden } from "./xml.js";

/** Default file names (csv: the names inside the output folder). */
export const EXPORT_FILE_NAMES: Record<Exclude<ExportFormat, "csv">, string> = {
  graphml: "graph.graphml",
  gexf: "graph.gexf",
  json: "graph.json",
  cypher: "graph.cypher",
};

/** Node keys become XML ids, which cannot hold characters XML forbids: refuse rather than alter them. */
function checkXmlKeys(graph: KnowledgeGraph): void {
  graph.forEachNode((node) => {
    if (stripXmlForbidden(node) !== node)
      throw new Error(`node ${JSON.stringify(node)}: id has characters XML cannot hold`);
  });
  graph.forEachEdge((edge) => {
    if (stripXmlForbidden(edge) !== edge)
      throw new Error(`link ${JSON.stringify(edge)}: id has characters XML cannot hold`);
  });
}

export function renderExportStreams(
  graph: KnowledgeGraph,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportStream[] {
  const streams = streamsOf(graph, format, options);
  const onChunk = options.onChunk;
  if (!onChunk) return streams;
  return streams.map((s) => ({
    ...s,
    *chunks() {
      for (const chunk of s.chunks()) {
        onChunk(chunk.length);
        yield chunk;
      }
    },
  }));
}

function streamsOf(graph: KnowledgeGraph, format: ExportFormat, options: ExportOptions): ExportStream[] {
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  switch (format) {
    case "graphml":
      checkXmlKeys(graph);
      return [
        { name: EXPORT_FILE_NAMES.graphml, mediaType: "application/graphml+xml", chunks: () => graphmlChunks(graph) },
      ];
    case "gexf":
      checkXmlKeys(graph);
      return [{ name: EXPORT_FILE_NAMES.gexf, mediaType: "application/gexf+xml", chunks: () => [renderGexf(graph)] }];
    case "json":
      return [
        {
          name: EXPORT_FILE_NAMES.json,
          mediaType: "application/json",
          chunks: () => [JSON.stringify(graph.export()) + "\n"],
        },
      ];
    case "cypher":
      checkGraphVocabulary(graph, vocabulary);
      return [
        {
          name: EXPORT_FILE_NAMES.cypher,
          mediaType: "application/x-cypher-query",
          chunks: () => cypherChunks(graph, vocabulary),
        },
      ];
    case "csv": {
      checkGraphVocabulary(graph, vocabulary);
      const delimiter = chooseArrayDelimiter(graph);
      return [
        { name: "nodes.csv", mediaType: "text/csv", chunks: () => nodesCsv(graph, vocabulary, delimiter) },
        {
          name: "relationships.csv",
          mediaType: "text/csv",
          chunks: () => relationshipsCsv(graph, vocabulary, delimiter),
        },
        { name: "import.txt", mediaType: "text/plain", chunks: () => [importInstructions(delimiter)] },
      ];
    }
  }
}

export function renderExport(graph: KnowledgeGraph, format: ExportFormat, options: ExportOptions = {}): ExportFile[] {
  return renderExportStreams(graph, format, options).map((s) => ({
    name: s.name,
    mediaType: s.mediaType,
    content: [...s.chunks()].join(""),
  }));
}

/**
 * Writes the export: a file at outPath, or for csv the files inside the folder outPath. Each file
 * is streamed to a temporary file and renamed over the old one; the checks that can refuse an
 * export (vocabulary, XML ids) run before anything is written, so a refused export leaves an
 * earlier one as it was.
 */
export async function writeExport(
  graph: KnowledgeGraph,
  format: ExportFormat,
  outPath: string,
  options: ExportOptions = {},
): Promise<string[]> {
  const files = renderExportStreams(graph, format, options);
  if (format === "csv") {
    const stat = await fs.stat(outPath).catch(() => null);
    if (stat && !stat.isDirectory()) throw new Error(`--out ${outPath}: csv export needs a folder, and this is a file`);
    const written: string[] = [];
    for (const f of files) {
      const p = path.join(outPath, f.name);
      await writeFileAtomic(p, f.chunks());
      written.push(p);
    }
    return written;
  }
  const stat = await fs.stat(outPath).catch(() => null);
  if (stat?.isDirectory())
    throw new Error(`--out ${outPath}: is a folder; give a file name such as ${EXPORT_FILE_NAMES[format]}`);
  await writeFileAtomic(outPath, files[0]!.chunks());
  return [outPath];
}
