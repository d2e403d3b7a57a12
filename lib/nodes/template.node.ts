import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { renderTemplate, TEMPLATE_MAX_CHARS } from "./shared/liquid";
import { scopeOf } from "./shared/path";

/** Template node settings. */
export const templateConfigSchema = z.strictObject({
  template: z.string().max(TEMPLATE_MAX_CHARS).meta({
    title: "Template",
    description:
      "Liquid template; the input's fields are variables, {{ input }} is the whole input",
  }),
});

/** Renders a Liquid text template over its input. */
export const templateNode = defineNode({
  type: "template",
  version: 1,
  ui: {
    label: "Template",
    category: "data",
    icon: "file-text",
    description: "Builds text from the input with a {{ variable }} template",
  },
  config: templateConfigSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Variables" }],
    outputs: [{ name: "out", type: "text", label: "Text" }],
  },
  async execute({ config, inputs }) {
    return { outputs: { out: await renderTemplate(config.template, scopeOf(inputs.in)) } };
  },
});
