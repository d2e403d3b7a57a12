import { describe, expect, it } from "vitest";
import { around, configIssueCodes, flow, runCore } from "./testing/core-flows";

const routed = (expression: string) =>
  flow(
    [
      { id: "in", type: "input", config: { schema: {} } },
      { id: "c", type: "condition", config: { expression } },
      { id: "yes", type: "output", label: "yes" },
      { id: "no", type: "output", label: "no" },
    ],
    ["in.out->c.in", "c.true->yes.in", "c.false->no.in"],
  );

const ticket = {
  score: 0.92,
  tags: ["vip", "billing"],
  customer: { tier: "gold" },
  text: "refund please",
};

describe("condition node", () => {
  it("sends the input down the true branch and skips the false one", async () => {
    const { result } = await runCore(routed('input.score > 0.8 && "vip" in input.tags'), ticket);
    expect(result).toMatchObject({ status: "succeeded", output: ticket });
    expect(result.settled.no).toEqual({ status: "skipped" });
    expect(result.settled.c).toEqual({ status: "succeeded", outputs: { true: ticket } });
  });

  it("sends the input down the false branch", async () => {
    const { result } = await runCore(
      routed('input.customer.tier == "platinum" || input.text.contains("urgent")'),
      ticket,
    );
    expect(result.output).toEqual(ticket);
    expect(result.settled.yes).toEqual({ status: "skipped" });
    expect(result.settled.c).toEqual({ status: "succeeded", outputs: { false: ticket } });
  });

  it("supports macros and has() on the input", async () => {
    const expression =
      'input.tags.exists(t, t.startsWith("bill")) && !has(input.missing) && size(input.tags) == 2';
    expect((await runCore(routed(expression), ticket)).result.settled.no).toEqual({
      status: "skipped",
    });
  });

  it("refuses constructor and __proto__, however written, without retrying", async () => {
    for (const expression of [
      "input.constructor",
      "input.__proto__ == null",
      'input["constructor"].name == "Object"',
      "has(input.prototype)",
      '"__proto__" in input',
      "input.text.constructor == null",
    ]) {
      const { result, events } = await runCore(
        around("condition", { expression }, "true", { retries: 2 }),
        ticket,
      );
      expect(result.error, expression).toMatchObject({ code: "condition_error", nodeId: "n" });
      expect(result.error?.message).toMatch(/may not use/);
      expect(events.filter((e) => e.type === "node.started" && e.nodeId === "n")).toHaveLength(1);
    }
  });

  it("refuses a dynamic key that names a prototype member at run time", async () => {
    const { result } = await runCore(routed("input[input.key] == 1"), { key: "constructor" });
    expect(result.error).toMatchObject({ code: "condition_error" });
  });

  it("fails clearly on a syntax error, a non-boolean result or an unknown variable", async () => {
    const cases: [string, RegExp][] = [
      ["input.score >", /does not parse/],
      ["input.score", /must return true or false/],
      ['input.text + "!"', /must return true or false/],
      ["process.exit(1) == null", /failed/],
      ["input.nope == 1", /failed/],
    ];
    for (const [expression, message] of cases) {
      const { result } = await runCore(routed(expression), ticket);
      expect(result.error, expression).toMatchObject({ code: "condition_error" });
      expect(result.error?.message, expression).toMatch(message);
    }
  });

  it("handles a 1 MB string input", async () => {
    const text = `${"a".repeat(1_000_000)}urgent`;
    const started = performance.now();
    const { result } = await runCore(
      routed('input.text.contains("urgent") && size(input.text) > 999999'),
      { text },
    );
    expect(result.status).toBe("succeeded");
    expect(result.settled.no).toEqual({ status: "skipped" });
    const failed = await runCore(routed("input.text"), { text });
    expect(failed.result.error?.code).toBe("condition_error");
    expect(failed.result.error!.message.length).toBeLessThan(400);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses long expressions and bad configuration in validateFlow", () => {
    expect(
      configIssueCodes("condition", { expression: `input.a == "${"x".repeat(2_000)}"` }),
    ).toEqual(["invalid_config"]);
    expect(configIssueCodes("condition", { expression: "" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("condition", { expression: true })).toEqual(["invalid_config"]);
    expect(configIssueCodes("condition", { expression: "true", language: "js" })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("condition", { expression: "input.a == 1" })).toEqual([]);
  });
});
