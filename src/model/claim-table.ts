import type { ClaimWithArticle } from "./api.js";
import { eventTime, reportTime } from "./time.js";

/**
 * The claims table: one row per claim, the columns an analyst reads a supply claim by (who
 * supplies what to whom, through whom, how much, when, according to whom, where, in which
 * words). The viewer shows it beside the graph and `POST /api/claims` with format csv writes it.
 */
export interface ClaimTableRow {
  claim: string;
  subject: string;
  relation: string;
  object: string;
  recipient: string;
  via: string;
  amount: string;
  /** the event time the sentence states */
  time: string;
  /** the article's date */
  reported: string;
  /** affirms, denies, or hedged */
  stance: string;
  source: string;
  article: string;
  title: string;
  publisher: string;
  url: string;
  quote: string;
}

export interface ClaimTableColumn {
  key: keyof ClaimTableRow;
  /** header in the relations view and in CSV */
  title: string;
  /** header in the flows view, where every claim is a supply claim */
  flowsTitle?: string;
}

/** The columns in display order; `claim`, `title`, `publisher` and `url` are in the CSV only. */
export const CLAIM_TABLE_COLUMNS: readonly ClaimTableColumn[] = [
  { key: "subject", title: "Subject", flowsTitle: "Supplier" },
  { key: "relation", title: "Relation" },
  { key: "object", title: "Object", flowsTitle: "Item" },
  { key: "recipient", title: "Recipient" },
  { key: "via", title: "Via" },
  { key: "amount", title: "Amount" },
  { key: "time", title: "Time" },
  { key: "reported", title: "Reported" },
  { key: "stance", title: "Says" },
  { key: "source", title: "Source" },
  { key: "article", title: "Article" },
  { key: "quote", title: "Quote" },
];

export const CLAIM_CSV_KEYS: ReadonlyArray<keyof ClaimTableRow> = [
  "claim",
  ...CLAIM_TABLE_COLUMNS.map((c) => c.key),
  "title",
  "publisher",
  "url",
];

export function claimTableRow({ claim: c, article: a }: ClaimWithArticle): ClaimTableRow {
  return {
    claim: c.id,
    subject: c.subject,
    relation: c.predicate.replace(/_/g, " ").toLowerCase(),
    object: c.object,
    recipient: c.recipient ?? "",
    via: (c.via ?? []).join("; "),
    amount: c.amount?.text ?? "",
    time: eventTime(c) ?? "",
    reported: reportTime(c, a?.date) ?? "",
    stance: c.negated ? "denies" : c.hedged ? "hedged" : "affirms",
    source: (c.attributedTo ?? []).join("; ") || (a?.publisher ?? ""),
    article: a?.id ?? c.doc,
    title: a?.title ?? "",
    publisher: a?.publisher ?? "",
    url: a?.url ?? "",
    quote: c.evidence.quote,
  };
}
