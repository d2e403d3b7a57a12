import type { AnyNodeDefinition } from "@/lib/engine/define-node";
import { createRegistry } from "@/lib/engine/registry";
import { cascadeNode } from "./cascade.node";
import { classifierNode } from "./classifier.node";
import { conditionNode } from "./condition.node";
import { httpToolNode } from "./http-tool.node";
import { humanReviewNode } from "./human-review.node";
import { inputNode } from "./input.node";
import { jsonTransformNode } from "./json-transform.node";
import { llmNode } from "./llm.node";
import { mergeNode } from "./merge.node";
import { outputNode } from "./output.node";
import { templateNode } from "./template.node";
import { validatorNode } from "./validator.node";

/** Every built-in node type: the one list the registry and the editor's palette are built from. */
export const ALL_NODES: readonly AnyNodeDefinition[] = [
  inputNode,
  outputNode,
  templateNode,
  jsonTransformNode,
  mergeNode,
  conditionNode,
  validatorNode,
  llmNode,
  classifierNode,
  cascadeNode,
  humanReviewNode,
  httpToolNode,
];

/** The registry of the built-in nodes (rejects a duplicate type@version when built). */
export const nodeRegistry = createRegistry(ALL_NODES);
