import { describe, expect, it } from "vitest";
import { promptVariables } from "./template-variables";

describe("promptVariables", () => {
  it("lists root names in order of appearance, once each", () => {
    expect(promptVariables("Hi {{ name }}, about {{ input.topic }} and {{name}}.")).toEqual([
      "name",
      "input",
    ]);
  });

  it("leaves out loop and assign locals, and reads tag expressions", () => {
    const template =
      "{% for item in items %}{{ item.title }}{% endfor %}{% assign x = 1 %}{{ x }}{% if vip %}!{% endif %}";
    expect(promptVariables(template)).toEqual(["items", "vip"]);
  });

  it("keeps listing the output tags' roots while the template does not parse", () => {
    expect(promptVariables("Dear {{ customer.name }},\n{% if urgent %}\n{{ summary")).toEqual([
      "customer",
      "summary",
    ]);
  });

  it("returns nothing for plain text and literals", () => {
    expect(promptVariables("no variables here {{ 'text' }} {{ 5 }}")).toEqual([]);
  });

  it("handles a 1 MB template without throwing", () => {
    const big = "{{ a }} ".repeat(131_072);
    expect(promptVariables(big)).toEqual(["a"]);
  });
});
