import { foldName } from "../../src/model/names.js";

/**
 * An article needs a body: text beyond its header lines and its title. Without one there is
 * nothing to extract claims from, and storing it would only put an empty article in the graph,
 * so the readers fail such inputs by name instead (the run's exit code says so).
 */

export type NoBody = "blank" | "title";

// A letter or a digit: text without any (spaces, invisible characters, punctuation, rules) says nothing.
const WORD_CHAR = /[\p{L}\p{N}]/gu;

function hasWordFrom(text: string, start: number): boolean {
  WORD_CHAR.lastIndex = start;
  return WORD_CHAR.test(text);
}

/**
 * Why the part of `text` from `start` on is no article body (nothing, or the title again), or
 * null when it is one. Scans from `start` rather than slicing, since texts reach megabytes.
 */
export function noBody(text: string, start: number, title: string | null): NoBody | null {
  if (!hasWordFrom(text, start)) return "blank";
  // a long body cannot be the title: compare only short ones
  if (title && text.length - start <= title.length * 2 + 64 && foldName(text.slice(start)) === foldName(title))
    return "title";
  return null;
}

const quoted = (s: string) => `"${s.length > 80 ? `${s.slice(0, 79)}…` : s}"`;

/** The message for an input without a body, saying what it holds instead. */
export function noBodyMessage(
  why: NoBody,
  input: { kind: "file" | "page" | "text"; headerNames: string[]; title: string | null },
): string {
  const headers = input.headerNames.length > 0 ? `header lines (${input.headerNames.join(", ")})` : null;
  let holds: string;
  if (why === "title") holds = `only ${headers ? `${headers} and ` : ""}the title again, ${quoted(input.title ?? "")}`;
  else if (headers) holds = `only ${headers}`;
  else if (input.kind === "page" && input.title) holds = `the page shows only its title, ${quoted(input.title)}`;
  else if (input.kind === "page") holds = "the page shows no text";
  else holds = `the ${input.kind} is blank`;
  return `no article text: ${holds}; skipped`;
}
