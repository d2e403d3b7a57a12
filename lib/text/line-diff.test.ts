import { describe, expect, it } from "vitest";
import { diffLines } from "./line-diff";

const render = (before: string, after: string) =>
  diffLines(before, after).map(({ kind, text }) =>
    kind === "same" ? `  ${text}` : `${kind === "added" ? "+" : "-"} ${text}`,
  );

describe("diffLines", () => {
  it("keeps equal text as unchanged lines", () => {
    expect(render("a\nb", "a\nb")).toEqual(["  a", "  b"]);
  });

  it("marks a changed line as removed then added, keeping its neighbours", () => {
    expect(render("Hello\n{{name}}\nBye", "Hello\n{{ticket.subject}}\nBye")).toEqual([
      "  Hello",
      "- {{name}}",
      "+ {{ticket.subject}}",
      "  Bye",
    ]);
  });

  it("finds insertions and deletions in the middle", () => {
    expect(render("a\nb\nc\nd", "a\nc\nx\nd")).toEqual(["  a", "- b", "  c", "+ x", "  d"]);
  });

  it("handles empty sides", () => {
    expect(render("", "one\ntwo")).toEqual(["- ", "+ one", "+ two"]);
    expect(render("one", "")).toEqual(["- one", "+ "]);
  });

  it("falls back to removed-then-added for very long texts", () => {
    const before = Array.from({ length: 600 }, (_, i) => `b${i}`).join("\n");
    const after = Array.from({ length: 600 }, (_, i) => `a${i}`).join("\n");
    const lines = diffLines(before, after);
    expect(lines).toHaveLength(1200);
    expect(lines[0]).toEqual({ kind: "removed", text: "b0" });
    expect(lines[600]).toEqual({ kind: "added", text: "a0" });
  });
});
