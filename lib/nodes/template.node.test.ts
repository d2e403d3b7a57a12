import { describe, expect, it } from "vitest";
import { templateVariables } from "./shared/liquid";
import { around, configIssueCodes, runCore } from "./testing/core-flows";

const render = async (template: string, input: unknown, policy = {}) =>
  runCore(around("template", { template }, "out", policy), input);

describe("template node", () => {
  it("renders the input's fields and the input itself", async () => {
    const { result } = await render(
      "Dear {{ customer.name | capitalize }}, order {{ input.order }} has {{ items | size }} items.",
      { customer: { name: "ana" }, order: "A-7", items: [1, 2, 3] },
    );
    expect(result).toMatchObject({
      status: "succeeded",
      output: "Dear Ana, order A-7 has 3 items.",
    });
  });

  it("prints objects as JSON and missing variables as nothing", async () => {
    const { result } = await render("{{ data }}|{{ missing }}|{{ input }}", {
      data: { a: [1, "x"] },
    });
    expect(result.output).toBe('{"a":[1,"x"]}||{"data":{"a":[1,"x"]}}');
  });

  it("renders a text input as {{ input }}", async () => {
    expect((await render("<{{ input | upcase }}>", "hello")).result.output).toBe("<HELLO>");
  });

  it("keeps prototypes out of reach", async () => {
    const { result } = await render(
      "[{{ constructor }}][{{ __proto__ }}][{{ x.constructor.name }}][{{ x['constructor'] }}][{{ x.toString }}][{{ input.__proto__.polluted }}]",
      JSON.parse('{"x": {"a": 1}, "__proto__": {"polluted": "yes"}}'),
    );
    expect(result).toMatchObject({ status: "succeeded", output: "[][][][][][]" });
  });

  it("stops a loop of a billion iterations fast, without retrying", async () => {
    const started = performance.now();
    const { result, events } = await render(
      "{% for i in (1..1000000000) %}{{ i }}{% endfor %}",
      {},
      { retries: 2 },
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.error).toMatchObject({ code: "template_error", nodeId: "n" });
    expect(result.error?.message).toMatch(/limit/);
    expect(events.filter((e) => e.type === "node.started" && e.nodeId === "n")).toHaveLength(1);
  });

  it("stops nested loops that stay under the memory limit by time", async () => {
    const { result } = await render(
      "{% for i in (1..20000) %}{% for j in (1..20000) %}{% endfor %}{% endfor %}",
      {},
    );
    expect(result.error).toMatchObject({ code: "template_error" });
  });

  it("has no file includes and refuses unknown filters", async () => {
    for (const template of [
      "{% include 'secrets' %}",
      "{% render '/etc/passwd' %}",
      "{{ x | shell }}",
    ]) {
      expect((await render(template, { x: 1 })).result.error?.code).toBe("template_error");
    }
  });

  it("refuses bad configuration in validateFlow", () => {
    expect(configIssueCodes("template", { template: "x".repeat(100_001) })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("template", { template: 42 })).toEqual(["invalid_config"]);
    expect(configIssueCodes("template", { template: "hi", engine: "jinja" })).toEqual([
      "invalid_config",
    ]);
    expect(configIssueCodes("template", {})).toEqual(["invalid_config"]);
    expect(configIssueCodes("template", { template: "hi {{ name }}" })).toEqual([]);
  });

  it("lists the variables a template reads", () => {
    const template =
      "{{ a.b }} {% for i in items %}{{ i.x }}{% endfor %}{% assign z = 1 %}{{ z }} {{ input.c }} {{ a }}";
    expect(templateVariables(template)).toEqual(["a", "items", "input"]);
    expect(templateVariables("{% if %}")).toEqual([]);
  });
});
