import type { ClaimWithArticle } from "../model/api.js";
import { CLAIM_CSV_KEYS, claimTableRow } from "../model/claim-table.js";
import { csvRecord } from "./csv.js";

/** The claims table as CSV (the viewer's "CSV" button): spreadsheet formulas made inert like every CSV kg writes. */
export function renderClaimTable(claims: Iterable<ClaimWithArticle>): string {
  const out = [csvRecord(CLAIM_CSV_KEYS)];
  for (const item of claims) {
    const row = claimTableRow(item);
    out.push(csvRecord(CLAIM_CSV_KEYS.map((k) => row[k])));
  }
  return out.join("");
}
