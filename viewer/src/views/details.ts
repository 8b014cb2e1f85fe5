import type { ClaimWithArticle, EntityResponse, EvidenceResponse } from "../../../src/model/api.js";
import type { Link } from "../../../src/model/link.js";
import { edgeColour, typeColour } from "../graph/appearance.js";
import { el, swatch } from "./dom.js";
import { distinctTerms, safeHref, segmentQuote } from "./text.js";

/**
 * The side panel: an entity's claims or a link's evidence. Every string from the data goes in
 * through textContent (el's text option or text nodes); the quote's highlighted spans are
 * <mark> elements built with createElement.
 */

export function loadingPanel(title: string): HTMLElement[] {
  return [el("h2", { text: title }), el("p", { class: "muted", text: "Loading…" })];
}

export function errorPanel(title: string, message: string): HTMLElement[] {
  return [el("h2", { text: title }), el("p", { class: "error", text: message })];
}

export function quoteElement(quote: string, terms: ReadonlyArray<string | undefined>): HTMLElement {
  const q = el("blockquote", { class: "quote", attrs: { "data-testid": "quote" } });
  for (const s of segmentQuote(quote, distinctTerms(terms))) {
    q.append(s.mark ? el("mark", { text: s.text }) : document.createTextNode(s.text));
  }
  return q;
}

function articleLine(item: ClaimWithArticle): HTMLElement {
  const a = item.article;
  if (!a) return el("p", { class: "article muted", text: `article ${item.claim.doc} (not in the store)` });
  const href = safeHref(a.url);
  const title = a.title ?? a.id;
  const titleNode = href
    ? el("a", { text: title, attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow" } })
    : el("span", { class: "article-title", text: title });
  const meta = [a.publisher, a.date].filter((x): x is string => Boolean(x)).join(" · ");
  return el("p", { class: "article" }, [titleNode, meta ? el("span", { class: "muted", text: ` — ${meta}` }) : null]);
}

function badges(item: ClaimWithArticle): HTMLElement | null {
  const c = item.claim;
  const list = [
    c.negated ? el("span", { class: "badge badge-neg", text: "denies" }) : null,
    c.hedged ? el("span", { class: "badge badge-hedge", text: "hedged" }) : null,
    c.time
      ? el("span", {
          class: "badge",
          text: c.timeInferred ? `${c.time} (reported)` : c.time,
          title: c.timeInferred ? "the sentence gives no time: this is when the article reported it" : "",
        })
      : null,
    c.amount ? el("span", { class: "badge", text: c.amount.text }) : null,
    el("span", { class: "badge badge-conf", text: `confidence ${c.confidence.toFixed(2)}` }),
  ];
  return el("div", { class: "badges" }, list);
}

export function claimCard(item: ClaimWithArticle, showTriple: boolean): HTMLElement {
  const c = item.claim;
  const who = c.attributedTo && c.attributedTo.length > 0 ? c.attributedTo.join(", ") : "the article (no attribution)";
  return el("article", { class: "claim", attrs: { "data-claim": c.id } }, [
    showTriple
      ? el("p", { class: "triple" }, [
          el("strong", { text: c.subject }),
          c.subjectInferred ? " (inferred)" : "",
          ` ${c.negated ? "does not " : ""}${c.predicate.replace(/_/g, " ").toLowerCase()} `,
          el("strong", { text: c.object }),
          c.recipient ? ` → ${c.recipient}${c.recipientInferred ? " (inferred)" : ""}` : "",
          c.via && c.via.length > 0 ? ` via ${c.via.join(", ")}` : "",
        ])
      : null,
    quoteElement(c.evidence.quote, [c.subject, c.object, c.recipient, ...(c.via ?? [])]),
    el("p", { class: "who" }, [el("span", { class: "muted", text: "Said by " }), el("span", { text: who })]),
    articleLine(item),
    badges(item),
  ]);
}

/** The API pages claims (a hub may have thousands): say when not all are shown. */
function pageNote(shown: number, total: number | undefined): HTMLElement | null {
  return total !== undefined && total > shown
    ? el("p", { class: "small muted", text: `Showing the first ${shown} of ${total} claims.` })
    : null;
}

export function linkPanel(
  ev: EvidenceResponse,
  names: { source: string; target: string },
  onEntity: (id: string) => void,
): HTMLElement[] {
  const l: Link = ev.link;
  const flags = [
    l.negated ? el("span", { class: "badge badge-neg", text: "denied" }) : null,
    l.contested ? el("span", { class: "badge badge-contested", text: "contested" }) : null,
  ];
  const years =
    l.firstYear === null
      ? "no date"
      : l.firstYear === l.lastYear
        ? String(l.firstYear)
        : `${l.firstYear}–${l.lastYear}`;
  return [
    el("p", { class: "kicker" }, [swatch(edgeColour(l), "bar"), el("span", { text: l.predicate.replace(/_/g, " ") })]),
    el("h2", { attrs: { "data-testid": "details-title" } }, [
      el("button", { class: "link-button", text: names.source, on: { click: () => onEntity(l.source) } }),
      " → ",
      el("button", { class: "link-button", text: names.target, on: { click: () => onEntity(l.target) } }),
    ]),
    el("div", { class: "badges" }, [
      ...flags,
      el("span", { class: "badge", text: `${l.claims} claim${l.claims === 1 ? "" : "s"}` }),
      el("span", { class: "badge", text: `${l.sourceCount} independent source${l.sourceCount === 1 ? "" : "s"}` }),
      el("span", { class: "badge", text: years }),
    ]),
    l.recipients.length > 0 ? el("p", { class: "small", text: `Recipients: ${l.recipients.join(", ")}` }) : null,
    l.via.length > 0 ? el("p", { class: "small", text: `Via: ${l.via.join(", ")}` }) : null,
    el("h3", { text: "Evidence" }),
    pageNote(ev.claims.length, ev.total),
    ...ev.claims.map((c) => claimCard(c, false)),
  ].filter((x): x is HTMLElement => x !== null);
}

export function entityPanel(
  res: EntityResponse,
  extra: { degree: number | null; onExpand: (() => void) | null },
): HTMLElement[] {
  const e = res.entity;
  const byPredicate = new Map<string, ClaimWithArticle[]>();
  for (const c of res.claims) {
    const k = c.claim.predicate;
    byPredicate.set(k, [...(byPredicate.get(k) ?? []), c]);
  }
  const groups = [...byPredicate.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return [
    el("p", { class: "kicker" }, [swatch(typeColour(e.type)), el("span", { text: e.type })]),
    el("h2", { text: e.name, attrs: { "data-testid": "details-title" } }),
    e.aliases.length > 0
      ? el("p", { class: "small" }, [el("span", { class: "muted", text: "Also: " }), e.aliases.join(", ")])
      : null,
    el("div", { class: "badges" }, [
      el("span", {
        class: "badge",
        text: `${res.total ?? res.claims.length} claim${(res.total ?? res.claims.length) === 1 ? "" : "s"}`,
      }),
      extra.degree !== null
        ? el("span", { class: "badge", text: `${extra.degree} link${extra.degree === 1 ? "" : "s"}` })
        : null,
    ]),
    extra.onExpand
      ? el("button", {
          class: "button",
          text: "Load more neighbours (Neo4j)",
          attrs: { "data-testid": "expand" },
          on: { click: extra.onExpand },
        })
      : null,
    pageNote(res.claims.length, res.total),
    ...groups.flatMap(([predicate, claims]) => [
      el("h3", { text: `${predicate.replace(/_/g, " ").toLowerCase()} (${claims.length})` }),
      ...claims.map((c) => claimCard(c, true)),
    ]),
  ].filter((x): x is HTMLElement => x !== null);
}
