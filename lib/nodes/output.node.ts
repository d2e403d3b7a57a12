import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { dotPathSchema, getPath } from "./shared/path";

/** Output node settings. */
export const outputConfigSchema = z.strictObject({
  pick: dotPathSchema.optional().meta({
    title: "Pick field",
    description:
      "Dot path of the field to return (e.g. answer.text); empty returns the whole value",
  }),
});

/** The flow's exit: its input (or one field of it) becomes the run output. */
export const outputNode = defineNode({
  type: "output",
  version: 1,
  ui: {
    label: "Output",
    category: "io",
    icon: "log-out",
    description: "The flow's response: the value it receives, or one field of it",
  },
  config: outputConfigSchema,
  ports: { inputs: [{ name: "in", type: "any", label: "Value" }], outputs: [] },
  capabilities: { exit: true, pure: true },
  async execute({ config, inputs }) {
    const value = config.pick === undefined ? inputs.in : getPath(inputs.in, config.pick);
    return { outputs: { value: value ?? null } };
  },
});
