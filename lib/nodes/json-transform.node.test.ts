import { describe, expect, it } from "vitest";
import { around, configIssueCodes, runCore } from "./testing/core-flows";

const order = { customer: { email: "ana@example.com", tags: ["vip"] }, total: 12.5 };

const transform = (mapping: Record<string, unknown>, input: unknown) =>
  runCore(around("json-transform", { mapping }), input);

describe("json-transform node", () => {
  it("maps paths (with or without the input. prefix) and literals onto a new object", async () => {
    const { result } = await transform(
      {
        email: "input.customer.email",
        firstTag: "customer.tags.0",
        total: "total",
        source: { value: "web" },
        flags: { value: { priority: true } },
      },
      order,
    );
    expect(result).toMatchObject({
      status: "succeeded",
      output: {
        email: "ana@example.com",
        firstTag: "vip",
        total: 12.5,
        source: "web",
        flags: { priority: true },
      },
    });
  });

  it("gives null for a source that is not there", async () => {
    const { result } = await transform({ phone: "input.customer.phone", deep: "total.x.y" }, order);
    expect(result.output).toEqual({ phone: null, deep: null });
  });

  it("never reads an own __proto__ key of the input", async () => {
    const input = JSON.parse('{"__proto__": {"secret": 1}, "a": 2}');
    const { result } = await transform({ a: "a", whole: "input" }, input);
    expect(result.output).toEqual({ a: 2, whole: input });
  });

  it("drops a __proto__ output field instead of setting the prototype", async () => {
    const { result } = await transform(
      JSON.parse('{"__proto__": "customer", "total": "total"}'),
      order,
    );
    const out = result.output as Record<string, unknown>;
    expect(out).toEqual({ total: 12.5 });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it("refuses prototype paths, reserved fields and wrong types in validateFlow", () => {
    expect(
      configIssueCodes("json-transform", { mapping: { x: "input.constructor.name" } }),
    ).toEqual(["invalid_config"]);
    expect(configIssueCodes("json-transform", { mapping: { x: "input.__proto__" } })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("json-transform", { mapping: { x: "a.prototype" } })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("json-transform", { mapping: { constructor: "a" } })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("json-transform", { mapping: { x: 42 } })).toEqual(["invalid_config"]);
    expect(configIssueCodes("json-transform", { mapping: { x: { value: 1, extra: 2 } } })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("json-transform", { mapping: {}, mode: "deep" })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("json-transform", { mapping: { x: "input.a" } })).toEqual([]);
  });
});
