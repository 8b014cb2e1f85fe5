import type { SentenceHit } from "../../../src/model/api.js";
import type { SearchHit } from "../graph/search.js";
import { predicateLabel, typeColour } from "../graph/appearance.js";
import { el, swatch } from "./dom.js";
import { segmentQuote } from "./text.js";

export interface Autocomplete {
  element: HTMLElement;
  input: HTMLInputElement;
  /** shows a name in the box without searching */
  setText(text: string): void;
}

type Entry = { kind: "entity"; hit: SearchHit } | { kind: "sentence"; hit: SentenceHit };

/** Sentences are asked of the server once typing pauses, and only for a few letters or more. */
const SENTENCE_DELAY_MS = 250;
const SENTENCE_MIN_CHARS = 3;

/**
 * A search box with a suggestion list (arrow keys, Enter, Escape, mouse): entities by name or
 * alias, and, when `sentences` is given, sentences of the articles that contain the words.
 */
export function createAutocomplete(options: {
  placeholder: string;
  label: string;
  testId: string;
  search: (q: string) => SearchHit[];
  onPick: (hit: SearchHit) => void;
  sentences?: (q: string) => Promise<SentenceHit[]>;
  onPickSentence?: (hit: SentenceHit) => void;
}): Autocomplete {
  const input = el("input", {
    class: "ac-input",
    attrs: {
      type: "search",
      placeholder: options.placeholder,
      "aria-label": options.label,
      autocomplete: "off",
      spellcheck: "false",
      "data-testid": options.testId,
    },
  });
  const list = el("ul", { class: "ac-list", attrs: { role: "listbox", "data-testid": `${options.testId}-list` } });
  list.hidden = true;
  let entries: Entry[] = [];
  let active = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = "";

  const entityItem = (h: SearchHit): HTMLElement[] =>
    [
      swatch(typeColour(h.type)),
      el("span", { class: "ac-name", text: h.name }),
      h.matched ? el("span", { class: "ac-alias", text: `aka ${h.matched}` }) : null,
      el("span", { class: "ac-type", text: h.type }),
    ].filter((x): x is HTMLElement => x !== null);
  const sentenceItem = (h: SentenceHit): HTMLElement[] => {
    const quote = el("span", { class: "ac-quote" });
    for (const s of segmentQuote(h.quote, [input.value])) {
      quote.append(s.mark ? el("mark", { text: s.text }) : document.createTextNode(s.text));
    }
    const triple =
      `${h.negated ? "denied: " : ""}${h.subject} ${predicateLabel(h.predicate)} ${h.object}` +
      (h.recipient ? ` → ${h.recipient}` : "");
    return [quote, el("span", { class: "ac-type", text: triple })];
  };

  const render = () => {
    const items: HTMLElement[] = [];
    entries.forEach((entry, i) => {
      if (entry.kind === "sentence" && (i === 0 || entries[i - 1]!.kind !== "sentence")) {
        items.push(el("li", { class: "ac-heading", text: "Sentences", attrs: { role: "presentation" } }));
      }
      items.push(
        el(
          "li",
          {
            class: `${i === active ? "ac-item active" : "ac-item"}${entry.kind === "sentence" ? " ac-sentence" : ""}`,
            attrs: {
              role: "option",
              "data-kind": entry.kind,
              "data-id": entry.kind === "entity" ? entry.hit.id : entry.hit.claim,
            },
            on: {
              mousedown: (e) => {
                e.preventDefault();
                pick(i);
              },
            },
          },
          entry.kind === "entity" ? entityItem(entry.hit) : sentenceItem(entry.hit),
        ),
      );
    });
    list.replaceChildren(...items);
    list.hidden = entries.length === 0;
  };
  const pick = (i: number) => {
    const entry = entries[i];
    if (!entry) return;
    entries = [];
    render();
    if (entry.kind === "entity") {
      input.value = entry.hit.name;
      options.onPick(entry.hit);
    } else {
      options.onPickSentence?.(entry.hit);
    }
  };
  const askSentences = (q: string) => {
    if (timer) clearTimeout(timer);
    if (!options.sentences || q.trim().length < SENTENCE_MIN_CHARS) return;
    timer = setTimeout(() => {
      asked = q;
      options.sentences!(q).then(
        (hits) => {
          // a reply to an older query is of no use
          if (asked !== input.value) return;
          entries = [
            ...entries.filter((e) => e.kind === "entity"),
            ...hits.map((hit) => ({ kind: "sentence" as const, hit })),
          ];
          render();
        },
        () => undefined,
      );
    }, SENTENCE_DELAY_MS);
  };
  input.addEventListener("input", () => {
    entries = options.search(input.value).map((hit) => ({ kind: "entity" as const, hit }));
    active = 0;
    render();
    askSentences(input.value);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (entries.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : entries.length - 1)) % entries.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(active);
    } else if (e.key === "Escape") {
      entries = [];
      render();
    }
  });
  input.addEventListener("blur", () => {
    entries = [];
    render();
  });
  const element = el("div", { class: "ac" }, [input, list]);
  return {
    element,
    input,
    setText: (text) => {
      input.value = text;
    },
  };
}
