import { describe, expect, it } from "vitest";
import { chunksOf, joinParses } from "./chunks.js";
import { MAX_SENTENCE_CHARS, paragraphAt, prepareText } from "./prepare.js";

describe("the text sent to the parser", () => {
  it("blanks header lines and furniture to spaces of the same length, keeping the title's text", () => {
    const text =
      "Title: Iran ships drones\nPublisher: Example News\nDate: 2024-03-01\n\nIran shipped drones.\nAdvertisement\nRead more\n";
    const p = prepareText(text);
    expect(p.text.length).toBe(text.length);
    expect(p.header).toMatchObject({ title: "Iran ships drones", publisher: "Example News", date: "2024-03-01" });
    expect(p.text).not.toMatch(/Publisher|Example News|Advertisement|Read more|Title:/);
    const titleAt = text.indexOf("Iran ships drones");
    expect(p.text.slice(titleAt, titleAt + 17)).toBe("Iran ships drones");
    expect(p.text.indexOf("Iran shipped drones.")).toBe(text.indexOf("Iran shipped drones."));
    expect(p.paragraphs.map((x) => x.kind)).toEqual(["title", "body"]);
    expect(p.skipped).toBe(2);
  });

  it("blanks list bullets and double quotation marks, which mislead the parser, and nothing else", () => {
    const text = "• “Iran shipped drones,” he said.\n* Belarus sent 'shells'.";
    const p = prepareText(text);
    expect(p.text).toBe("   Iran shipped drones,  he said.\n  Belarus sent 'shells'.");
  });

  it("sends a line that breaks off mid-sentence as one with the next, and keeps titles apart", () => {
    const lines = [
      "Iran shipped drones to Russia",
      "through the Caspian Sea in",
      "2023, officials said.",
      "",
      "A second paragraph starts",
      "here and goes on.",
      "",
      "A third one.",
    ];
    const p = prepareText(lines.join("\n"));
    expect(p.text.split("\n").filter((l) => l.trim())).toEqual([
      "Iran shipped drones to Russia through the Caspian Sea in 2023, officials said.",
      "A second paragraph starts here and goes on.",
      "A third one.",
    ]);
    expect(p.paragraphs).toHaveLength(3);
    const titled = prepareText("Iran ships drones to Russia\nThe shipments began in May.\n");
    expect(titled.text).toBe("Iran ships drones to Russia\nThe shipments began in May.\n");
    expect(paragraphAt(p.paragraphs, lines.join("\n").indexOf("2023"))).toBe(0);
    expect(paragraphAt(p.paragraphs, lines.join("\n").indexOf("here"))).toBe(1);
  });

  it("cuts a line with no sentence end into pieces the parser can take, at spaces", () => {
    const line = "word ".repeat(2000);
    const p = prepareText(line);
    expect(p.text.length).toBe(line.length);
    const pieces = p.text.split("\n");
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS + 10);
    expect(p.text.replace(/\n/g, " ")).toBe(line);
  });
});

describe("long articles in pieces", () => {
  it("cuts at line breaks and puts the pieces' sentences back at the article's offsets", () => {
    const text = "One line here.\n".repeat(10);
    const chunks = chunksOf(text, 40);
    expect(chunks[0]).toEqual({ start: 0, end: 30 });
    expect(chunks.map((c) => text.slice(c.start, c.end)).join("")).toBe(text);
    const sentence = (start: number) => ({
      index: 0,
      start,
      end: start + 14,
      tokens: [{ word: "One", lemma: "one", pos: "CD", ner: "O", start, end: start + 3, head: -1 }],
      deps: [] as Array<[number, string, number]>,
      spans: [],
    });
    const joined = joinParses(
      [
        { chunk: chunks[0]!, doc: { parser: "p", sentences: [sentence(0), sentence(15)] } },
        { chunk: chunks[1]!, doc: { parser: "p", sentences: [sentence(0)] } },
      ],
      "p",
    );
    expect(joined.sentences.map((s) => [s.index, s.start, s.tokens[0]!.start])).toEqual([
      [0, 0, 0],
      [1, 15, 15],
      [2, 30, 30],
    ]);
    expect(text.slice(joined.sentences[2]!.start, joined.sentences[2]!.end)).toBe("One line here.");
  });
});
