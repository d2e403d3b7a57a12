"use client";

import { useMemo } from "react";
import type { FlowNode } from "@/lib/engine";
import { useConnections } from "@/lib/query/connections";
import type { ModelOption } from "./schema-form";

/** The workspace's connections and their models, for the model picker. */
export function useModelOptions(workspaceId: string): ModelOption[] {
  const connections = useConnections(workspaceId);
  return useMemo(
    () =>
      (connections.data ?? []).map((c) => ({
        name: c.name,
        models: c.models,
        provider: c.provider,
      })),
    [connections.data],
  );
}

/** Completion for templates: the whole input and the Input node's top-level fields. */
export function useTemplateVariables(nodes: FlowNode[]): string[] {
  const inputNode = nodes.find((n) => n.type === "input");
  const inputSchema = inputNode?.config.schema;
  return useMemo(() => {
    const props = (inputSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
    const names = Object.keys(props ?? {});
    return ["input", ...names, ...names.map((name) => `input.${name}`)];
  }, [inputSchema]);
}
