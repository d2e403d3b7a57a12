import { describe, expect, it } from "vitest";
import { getPath } from "./shared/path";
import { configIssueCodes, flow, runCore } from "./testing/core-flows";

const outputFlow = (config: Record<string, unknown>) =>
  flow(
    [
      { id: "in", type: "input", config: { schema: {} } },
      { id: "out", type: "output", config },
    ],
    ["in.out->out.in"],
  );

const answer = { answer: { text: "42", sources: [{ url: "a" }, { url: "b" }] }, meta: null };

describe("output node", () => {
  it("returns the value it receives", async () => {
    const { result } = await runCore(outputFlow({}), answer);
    expect(result).toMatchObject({ status: "succeeded", output: answer });
  });

  it("returns one field when asked to pick, walking objects and array indexes", async () => {
    expect((await runCore(outputFlow({ pick: "answer.text" }), answer)).result.output).toBe("42");
    expect(
      (await runCore(outputFlow({ pick: "answer.sources.1.url" }), answer)).result.output,
    ).toBe("b");
  });

  it("returns null for a field that is not there", async () => {
    for (const pick of ["answer.missing", "meta.x", "answer.text.length"]) {
      expect((await runCore(outputFlow({ pick }), answer)).result).toMatchObject({
        status: "succeeded",
        output: null,
      });
    }
  });

  it("refuses paths through prototypes and extra fields", () => {
    expect(configIssueCodes("output", { pick: "answer.constructor" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("output", { pick: "__proto__.polluted" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("output", { pick: "a..b" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("output", { pick: 3 })).toEqual(["invalid_config"]);
    expect(configIssueCodes("output", { format: "xml" })).toEqual(["invalid_config"]);
  });

  it("reads own properties only", () => {
    const parsed = JSON.parse('{"__proto__": {"x": 1}, "a": {"b": 2}}');
    expect(getPath(parsed, "a.b")).toBe(2);
    expect(getPath(parsed, "__proto__.x")).toBeUndefined();
    expect(getPath({}, "toString")).toBeUndefined();
    expect(getPath([1, 2], "length")).toBe(2);
    expect(getPath("text", "length")).toBeUndefined();
  });
});
