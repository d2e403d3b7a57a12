import { describe, expect, it } from "vitest";
import { diffLines } from "@/lib/text/line-diff";
import { foldUnchanged, lineCounts, numberLines, type NumberedLine } from "./diff-rows";

const same = (line: NumberedLine) => line.kind === "same";

const lines = (n: number, prefix = "line") =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

describe("numberLines", () => {
  it("numbers unchanged lines on both sides, removed on the old side, added on the new", () => {
    const numbered = numberLines(diffLines("a\nb\nc", "a\nB\nc\nd"));
    expect(numbered.map((l) => [l.kind, l.text, l.oldNo, l.newNo])).toEqual([
      ["same", "a", 1, 1],
      ["removed", "b", 2, null],
      ["added", "B", null, 2],
      ["same", "c", 3, 3],
      ["added", "d", null, 4],
    ]);
  });
});

describe("foldUnchanged", () => {
  it("folds unchanged lines far from any change and keeps context around changes", () => {
    const before = lines(20).join("\n");
    const after = lines(20)
      .map((text, i) => (i === 9 ? "changed" : text))
      .join("\n");
    const segments = foldUnchanged(numberLines(diffLines(before, after)), same, 3);
    expect(segments.map((s) => [s.type, s.items.length])).toEqual([
      ["fold", 6],
      ["lines", 8],
      ["fold", 7],
    ]);
    expect(segments[1]!.items[0]!.text).toBe("line 7");
  });

  it("leaves short unchanged runs visible and keeps everything when nothing changed", () => {
    const short = numberLines(diffLines("a\nb", "a\nb"));
    expect(foldUnchanged(short, same, 3, 4)).toEqual([{ type: "lines", items: short }]);
    const all = numberLines(diffLines(lines(10).join("\n"), lines(10).join("\n")));
    expect(foldUnchanged(all, same, 3, 4).map((s) => s.type)).toEqual(["fold"]);
  });

  it("merges visible runs between changes that are close together", () => {
    const before = lines(8).join("\n");
    const after = lines(8)
      .map((text, i) => (i === 1 || i === 6 ? `${text}!` : text))
      .join("\n");
    const segments = foldUnchanged(numberLines(diffLines(before, after)), same, 3);
    expect(segments.map((s) => s.type)).toEqual(["lines"]);
  });
});

describe("lineCounts", () => {
  it("counts added and removed lines", () => {
    expect(lineCounts(diffLines("a\nb", "a\nc\nd"))).toEqual({ added: 2, removed: 1 });
  });
});
