import { describe, expect, it } from "vitest";
import { configIssueCodes, flow, runCore } from "./testing/core-flows";

/** input -> condition -> (true: template "yes", false: template "no") plus a json-transform, all into merge. */
const branches = (mode: string) =>
  flow(
    [
      { id: "in", type: "input", config: { schema: {} } },
      { id: "cond", type: "condition", config: { expression: "input.n > 0" } },
      { id: "yes", type: "json-transform", config: { mapping: { sign: { value: "positive" } } } },
      { id: "no", type: "json-transform", config: { mapping: { sign: { value: "negative" } } } },
      {
        id: "echo",
        type: "json-transform",
        config: { mapping: { n: "n", sign: { value: "unknown" } } },
      },
      { id: "m", type: "merge", config: { mode } },
      { id: "out", type: "output" },
    ],
    [
      "in.out->cond.in",
      "cond.true->yes.in",
      "cond.false->no.in",
      "in.out->echo.in",
      "echo.out->m.in",
      "yes.out->m.in",
      "no.out->m.in",
      "m.out->out.in",
    ],
  );

describe("merge node", () => {
  it("collects what arrived, in edge order, leaving skipped branches out", async () => {
    const { result } = await runCore(branches("array"), { n: 3 });
    expect(result).toMatchObject({
      status: "succeeded",
      output: [{ n: 3, sign: "unknown" }, { sign: "positive" }],
    });
    expect(result.settled.no).toEqual({ status: "skipped" });
    expect(result.settled.m?.status).toBe("succeeded");
  });

  it("merges objects with later values winning", async () => {
    const { result } = await runCore(branches("object"), { n: -1 });
    expect(result.output).toEqual({ n: -1, sign: "negative" });
  });

  it("returns the first value that arrived", async () => {
    const { result } = await runCore(branches("first"), { n: 5 });
    expect(result.output).toEqual({ n: 5, sign: "unknown" });
  });

  it("refuses non-object values in object mode", async () => {
    const graph = flow(
      [
        { id: "in", type: "input", config: { schema: {} } },
        { id: "t", type: "template", config: { template: "text" } },
        { id: "m", type: "merge", config: { mode: "object" } },
        { id: "out", type: "output" },
      ],
      ["in.out->t.in", "in.out->m.in", "t.out->m.in", "m.out->out.in"],
    );
    const { result } = await runCore(graph, { a: 1 });
    expect(result.error).toMatchObject({ code: "merge_error", nodeId: "m" });
  });

  it("does not let an own __proto__ key reach the merged object's prototype", async () => {
    const graph = flow(
      [
        { id: "in", type: "input", config: { schema: {} } },
        { id: "m", type: "merge", config: { mode: "object" } },
        { id: "out", type: "output" },
      ],
      ["in.out->m.in", "m.out->out.in"],
    );
    const { result } = await runCore(graph, JSON.parse('{"__proto__": {"admin": true}, "a": 1}'));
    const merged = result.output as Record<string, unknown>;
    expect(merged).toEqual({ a: 1 });
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(merged.admin).toBeUndefined();
  });

  it("refuses bad configuration in validateFlow", () => {
    expect(configIssueCodes("merge", { mode: "zip" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("merge", { mode: "array", wait: true })).toEqual(["invalid_config"]);
    expect(configIssueCodes("merge", {})).toEqual([]);
  });
});
