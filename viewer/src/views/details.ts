import type { ClaimWithArticle, EntityResponse, EvidenceResponse } from "../../../src/model/api.js";
import { COUNT_DEFINITIONS } from "../../../src/model/counts.js";
import type { Link } from "../../../src/model/link.js";
import { eventTime, reportTime } from "../../../src/model/time.js";
import { FLOW_PREDICATE, ROUTE_PREDICATE } from "../../../src/model/vocabulary.js";
import { edgeColour, predicateLabel, typeColour } from "../graph/appearance.js";
import { bySentence, groupEntityClaims, type SentenceCard } from "./claim-groups.js";
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
  const meta = [a.publisher, a.date ? `published ${a.date}` : null].filter((x): x is string => Boolean(x)).join(" · ");
  return el("p", { class: "article" }, [titleNode, meta ? el("span", { class: "muted", text: ` — ${meta}` }) : null]);
}

/** Event time (what the sentence says) and report time (the article's date), never mixed. */
function timeBadges(item: ClaimWithArticle): HTMLElement[] {
  const c = item.claim;
  const event = eventTime(c);
  const reported = reportTime(c, item.article?.date);
  return [
    el("span", {
      class: event ? "badge" : "badge badge-muted",
      text: event ? `time ${event}` : "no time stated",
      title: COUNT_DEFINITIONS.eventTime,
    }),
    reported
      ? el("span", { class: "badge badge-muted", text: `reported ${reported}`, title: COUNT_DEFINITIONS.reportTime })
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}

function badges(item: ClaimWithArticle): HTMLElement {
  const c = item.claim;
  return el("div", { class: "badges" }, [
    c.negated ? el("span", { class: "badge badge-neg", text: "denies" }) : null,
    c.hedged ? el("span", { class: "badge badge-hedge", text: "hedged" }) : null,
    ...timeBadges(item),
    c.amount ? el("span", { class: "badge", text: c.amount.text }) : null,
    el("span", { class: "badge badge-conf", text: `confidence ${c.confidence.toFixed(2)}` }),
  ]);
}

/** What one claim says, in a line: "China supplies machine tools → Russia via Turkey". */
function tripleLine(c: ClaimWithArticle["claim"]): HTMLElement {
  return el("p", { class: c.negated ? "triple denied" : "triple" }, [
    c.negated ? el("span", { class: "badge badge-neg", text: "denied" }) : null,
    c.negated ? " " : null,
    el("strong", { text: c.subject }),
    c.subjectInferred ? " (inferred)" : "",
    ` ${predicateLabel(c.predicate)} `,
    el("strong", { text: c.object }),
    c.recipient ? ` → ${c.recipient}${c.recipientInferred ? " (inferred)" : ""}` : "",
    c.via && c.via.length > 0 ? ` via ${c.via.join(", ")}` : "",
  ]);
}

/** One sentence and every claim it states (one card, however many items it names). */
export function sentenceCard(card: SentenceCard, showTriples: boolean): HTMLElement {
  const first = card.claims[0]!;
  const c = first.claim;
  const who = c.attributedTo && c.attributedTo.length > 0 ? c.attributedTo.join(", ") : "the article (no attribution)";
  const terms = card.claims.flatMap((x) => [
    x.claim.subject,
    x.claim.object,
    x.claim.recipient,
    ...(x.claim.via ?? []),
  ]);
  return el(
    "article",
    { class: "claim", attrs: { "data-claim": c.id, "data-claims": card.claims.map((x) => x.claim.id).join(" ") } },
    [
      showTriples || card.claims.length > 1
        ? el(
            "div",
            { class: "triples" },
            card.claims.map((x) => tripleLine(x.claim)),
          )
        : null,
      quoteElement(c.evidence.quote, terms),
      el("p", { class: "who" }, [el("span", { class: "muted", text: "Said by " }), el("span", { text: who })]),
      articleLine(first),
      badges(first),
    ],
  );
}

/** The API pages claims (a hub may have thousands): say when not all are shown. */
function pageNote(shown: number, total: number | undefined): HTMLElement | null {
  return total !== undefined && total > shown
    ? el("p", { class: "small muted", text: `Showing the first ${shown} of ${total} claims.` })
    : null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function years(l: Link): string {
  if (l.firstYear === null) return "no time stated";
  return l.firstYear === l.lastYear ? String(l.firstYear) : `${l.firstYear}–${l.lastYear}`;
}

export function linkPanel(
  ev: EvidenceResponse,
  names: { source: string; target: string },
  onEntity: (id: string) => void,
): HTMLElement[] {
  const l: Link = ev.link;
  const flow = l.predicate === FLOW_PREDICATE || l.predicate === ROUTE_PREDICATE;
  const flags = [
    l.negated ? el("span", { class: "badge badge-neg", text: "denied" }) : null,
    l.contested ? el("span", { class: "badge badge-contested", text: "contested" }) : null,
  ];
  return [
    el("p", { class: "kicker" }, [swatch(edgeColour(l), "bar"), el("span", { text: predicateLabel(l.predicate) })]),
    el("h2", { attrs: { "data-testid": "details-title" } }, [
      el("button", { class: "link-button", text: names.source, on: { click: () => onEntity(l.source) } }),
      " → ",
      el("button", { class: "link-button", text: names.target, on: { click: () => onEntity(l.target) } }),
    ]),
    el("div", { class: "badges", attrs: { "data-testid": "link-counts" } }, [
      ...flags,
      el("span", { class: "badge", text: plural(l.claims, "claim"), title: COUNT_DEFINITIONS.claims }),
      el("span", {
        class: "badge",
        text: `${plural(l.sourceCount, "independent supporting source")}`,
        title: COUNT_DEFINITIONS.sources,
      }),
      l.contestingSources.length > 0
        ? el("span", { class: "badge badge-neg", text: `contested by ${l.contestingSources.join(", ")}` })
        : null,
      el("span", { class: "badge", text: years(l), title: COUNT_DEFINITIONS.eventTime }),
      l.claimsWithoutEventTime > 0
        ? el("span", {
            class: "badge badge-muted",
            text: `${plural(l.claimsWithoutEventTime, "claim")} with report time only`,
            title: COUNT_DEFINITIONS.reportTime,
          })
        : null,
    ]),
    l.sources.length > 0 ? el("p", { class: "small", text: `Supported by: ${l.sources.join(", ")}` }) : null,
    flow && l.items.length > 0 ? el("p", { class: "small", text: `Items: ${l.items.join(", ")}` }) : null,
    flow && l.deniedItems.length > 0 ? el("p", { class: "small", text: `Denied: ${l.deniedItems.join(", ")}` }) : null,
    !flow && l.recipients.length > 0
      ? el("p", { class: "small", text: `Recipients: ${l.recipients.join(", ")}` })
      : null,
    l.routes.length > 0 ? el("p", { class: "small", text: `Routes: ${l.routes.join("; ")}` }) : null,
    el("h3", { text: "Evidence" }),
    pageNote(ev.claims.length, ev.total),
    ...bySentence(ev.claims).map((card) => sentenceCard(card, flow)),
  ].filter((x): x is HTMLElement => x !== null);
}

/** Sentences a group shows as cards at once; past that, it lists its parts (by the other party). */
const PARTS_FROM = 6;

export function entityPanel(
  res: EntityResponse,
  extra: {
    degree: number | null;
    onExpand: () => void;
    onRole: (role: string) => void;
    nameOf?: (id: string) => string;
  },
): HTMLElement[] {
  const e = res.entity;
  const total = res.total ?? res.claims.length;
  const groups = groupEntityClaims(e.id, res.claims, extra.nameOf);
  // the biggest group open, the others one click away: a hub is not one endless column
  const biggest = groups.reduce((m, g, i) => (g.claims > (groups[m]?.claims ?? -1) ? i : m), 0);
  return [
    el("p", { class: "kicker" }, [swatch(typeColour(e.type)), el("span", { text: e.type })]),
    el("h2", { text: e.name, attrs: { "data-testid": "details-title" } }),
    e.aliases.length > 0
      ? el("p", { class: "small" }, [el("span", { class: "muted", text: "Also: " }), e.aliases.join(", ")])
      : null,
    el("div", { class: "badges" }, [
      el("span", { class: "badge", text: plural(total, "claim"), title: "claims naming it in any role" }),
      extra.degree !== null
        ? el("span", { class: "badge", text: plural(extra.degree, "link"), title: COUNT_DEFINITIONS.links })
        : null,
    ]),
    el("button", {
      class: "button",
      text: "Expand: show its neighbours",
      attrs: { "data-testid": "expand" },
      on: { click: extra.onExpand },
    }),
    pageNote(res.claims.length, res.total),
    el(
      "nav",
      { class: "roles", attrs: { "data-testid": "roles" } },
      groups.map((g) =>
        el("button", { class: "chip", text: `${g.title} ${g.claims}`, on: { click: () => extra.onRole(g.role) } }),
      ),
    ),
    ...groups.map((g, i) => {
      const details = el(
        "details",
        { class: "group", attrs: { "data-role": g.role, "data-testid": `group-${g.role}` } },
        [
          el("summary", {
            text: `${g.title} — ${plural(g.claims, "claim")} in ${plural(g.sentences.length, "sentence")}`,
          }),
          ...(g.sentences.length > PARTS_FROM && g.parts.length > 1
            ? g.parts.map((p) =>
                el("details", { class: "part", attrs: { "data-part": p.key, "data-testid": "group-part" } }, [
                  el("summary", {
                    text: `${p.title} — ${plural(p.claims, "claim")} in ${plural(p.sentences.length, "sentence")}`,
                  }),
                  ...p.sentences.map((card) => sentenceCard(card, true)),
                ]),
              )
            : g.sentences.map((card) => sentenceCard(card, true))),
        ],
      );
      details.open = i === biggest;
      return details;
    }),
  ].filter((x): x is HTMLElement => x !== null);
}
