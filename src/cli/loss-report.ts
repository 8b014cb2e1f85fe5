import type { ExportFormat } from "../export/index.js";
import type { ExportLoss, LossKind } from "../export/losses.js";

const WHAT: Record<LossKind, string> = {
  "list-as-text": "lists written as JSON text (json.loads or JSON.parse gives them back)",
  "no-value": "no value, so left out (readers see the attribute missing)",
  "characters-removed": "characters XML 1.0 cannot hold removed",
  "attribute-left-out": "not an exported attribute, left out",
};

const NOUN = { node: ["entity", "entities"], link: ["link", "links"] } as const;

/**
 * One line per kind of loss, attributes with the same count together:
 * "graphml: lists written as JSON text ...: aliases on 118 entities; claimIds, sources on 114 links".
 */
export function lossReport(format: ExportFormat, losses: readonly ExportLoss[]): string[] {
  const lines: string[] = [];
  for (const kind of Object.keys(WHAT) as LossKind[]) {
    const groups = new Map<string, string[]>();
    for (const l of losses) {
      if (l.kind !== kind) continue;
      const where = `${l.count} ${NOUN[l.element][l.count === 1 ? 0 : 1]}`;
      groups.set(where, [...(groups.get(where) ?? []), l.attribute]);
    }
    if (groups.size === 0) continue;
    const parts = [...groups].map(([where, attributes]) => `${attributes.join(", ")} on ${where}`);
    lines.push(`${format}: ${WHAT[kind]}: ${parts.join("; ")}`);
  }
  return lines;
}
