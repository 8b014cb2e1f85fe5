import type { SearchHit } from "../graph/search.js";
import { typeColour } from "../graph/appearance.js";
import { el, swatch } from "./dom.js";

export interface Autocomplete {
  element: HTMLElement;
  input: HTMLInputElement;
  /** shows a name in the box without searching */
  setText(text: string): void;
}

/** A search box with a suggestion list (arrow keys, Enter, Escape, mouse). */
export function createAutocomplete(options: {
  placeholder: string;
  label: string;
  testId: string;
  search: (q: string) => SearchHit[];
  onPick: (hit: SearchHit) => void;
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
  let hits: SearchHit[] = [];
  let active = 0;

  const render = () => {
    list.replaceChildren(
      ...hits.map((h, i) =>
        el(
          "li",
          {
            class: i === active ? "ac-item active" : "ac-item",
            attrs: { role: "option", "data-id": h.id },
            on: {
              mousedown: (e) => {
                e.preventDefault();
                pick(i);
              },
            },
          },
          [
            swatch(typeColour(h.type)),
            el("span", { class: "ac-name", text: h.name }),
            h.matched ? el("span", { class: "ac-alias", text: `aka ${h.matched}` }) : null,
            el("span", { class: "ac-type", text: h.type }),
          ],
        ),
      ),
    );
    list.hidden = hits.length === 0;
  };
  const pick = (i: number) => {
    const h = hits[i];
    if (!h) return;
    input.value = h.name;
    hits = [];
    render();
    options.onPick(h);
  };
  input.addEventListener("input", () => {
    hits = options.search(input.value);
    active = 0;
    render();
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (hits.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(active);
    } else if (e.key === "Escape") {
      hits = [];
      render();
    }
  });
  input.addEventListener("blur", () => {
    hits = [];
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
