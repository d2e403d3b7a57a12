"use client";

import { Copy, Trash2 } from "lucide-react";
import { useMemo } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/form-field";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { nodePolicySchema, type FlowIssue, type FlowNode } from "@/lib/engine";
import { definitionOf } from "./graph-ops";
import { NodeIcon } from "./node-visuals";
import {
  SchemaForm,
  setIn,
  type FieldErrors,
  type JsonSchema,
  type ModelOption,
} from "./schema-form";

const schemaCache = new WeakMap<object, JsonSchema | null>();

/** The JSON Schema of a node type's config (input side: defaults make fields optional). */
function configJsonSchema(schema: z.ZodType): JsonSchema | null {
  if (schemaCache.has(schema)) return schemaCache.get(schema) ?? null;
  let result: JsonSchema | null;
  try {
    result = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  } catch {
    result = null;
  }
  schemaCache.set(schema, result);
  return result;
}

function zodErrors(error: z.ZodError | undefined): FieldErrors {
  const map: FieldErrors = new Map();
  for (const issue of error?.issues ?? []) {
    const key = issue.path.map(String).join(".");
    map.set(key, [...(map.get(key) ?? []), issue.message]);
  }
  return map;
}

/** Settings of the selected node: label, config (generated from its zod schema) and policy. */
export function ConfigPanel({
  node,
  issues,
  models,
  variables,
  onChange,
  onDelete,
  onDuplicate,
}: {
  node: FlowNode;
  issues: FlowIssue[];
  models: ModelOption[];
  variables: string[];
  onChange: (update: (node: FlowNode) => FlowNode, coalesceKey: string) => void;
  onDelete: () => void;
  onDuplicate: () => void;
}) {
  const definition = definitionOf(node);
  const jsonSchema = definition ? configJsonSchema(definition.config) : null;
  const parsed = useMemo(
    () => definition?.config.safeParse(node.config),
    [definition, node.config],
  );
  const errors = zodErrors(parsed && !parsed.success ? parsed.error : undefined);
  const policyParsed = nodePolicySchema.safeParse(node.policy);
  const policyErrors = zodErrors(policyParsed.success ? undefined : policyParsed.error);
  const policy = node.policy ?? {};
  const otherIssues = issues.filter((i) => i.code !== "invalid_config");
  const setPolicy = (key: string, value: unknown) =>
    onChange(
      (n) => ({ ...n, policy: setIn(n.policy, [key], value) as FlowNode["policy"] }),
      `${node.id}:policy.${key}`,
    );

  return (
    <div className="flex flex-col gap-5" data-testid="config-panel">
      <div className="flex items-start gap-2">
        <NodeIcon name={definition?.ui.icon} className="mt-0.5 size-4 text-muted-foreground" />
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold">{definition?.ui.label ?? node.type}</h2>
          <p className="text-xs text-muted-foreground">
            {definition?.ui.description ?? "Unknown node type"} · v{node.typeVersion}
          </p>
        </div>
      </div>
      <div className="flex gap-2">
        <Button variant="outline" size="sm" onClick={onDuplicate}>
          <Copy aria-hidden />
          Duplicate
        </Button>
        <Button variant="outline" size="sm" onClick={onDelete}>
          <Trash2 aria-hidden />
          Delete
        </Button>
      </div>
      <InputField
        id={`node-label-${node.id}`}
        label="Label"
        value={node.label}
        maxLength={200}
        onChange={(event) =>
          onChange((n) => ({ ...n, label: event.target.value }), `${node.id}:label`)
        }
      />
      {otherIssues.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Issues on this node">
          {otherIssues.map((issue, index) => (
            <li key={index} className={issue.severity === "error" ? "text-danger" : "text-warning"}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby={`config-heading-${node.id}`} className="flex flex-col gap-3">
        <h3 id={`config-heading-${node.id}`} className="text-sm font-semibold">
          Configuration
        </h3>
        {errors.size > 0 && (
          <p className="text-sm text-danger" data-testid="config-errors">
            {errors.size === 1
              ? "1 field needs attention."
              : `${errors.size} fields need attention.`}
          </p>
        )}
        {jsonSchema && definition ? (
          <SchemaForm
            schema={jsonSchema}
            value={node.config}
            errors={errors}
            models={models}
            variables={variables}
            onChange={(path, value) =>
              onChange(
                (n) => ({ ...n, config: setIn(n.config, path, value) as FlowNode["config"] }),
                `${node.id}:config.${path.join(".")}`,
              )
            }
          />
        ) : (
          <p className="text-sm text-muted-foreground">No settings form for this node type.</p>
        )}
      </section>
      <section aria-labelledby={`policy-heading-${node.id}`} className="flex flex-col gap-3">
        <h3 id={`policy-heading-${node.id}`} className="text-sm font-semibold">
          Policy
        </h3>
        <InputField
          id={`policy-timeout-${node.id}`}
          label="Timeout (ms)"
          type="number"
          min={1}
          max={600000}
          hint="Default 120000."
          error={policyErrors.get("timeoutMs")?.join("; ")}
          value={policy.timeoutMs ?? ""}
          onChange={(event) =>
            setPolicy(
              "timeoutMs",
              event.target.value === "" ? undefined : Number(event.target.value),
            )
          }
        />
        <InputField
          id={`policy-retries-${node.id}`}
          label="Retries"
          type="number"
          min={0}
          max={10}
          error={policyErrors.get("retries")?.join("; ")}
          value={policy.retries ?? ""}
          onChange={(event) =>
            setPolicy("retries", event.target.value === "" ? undefined : Number(event.target.value))
          }
        />
        <FormField id={`policy-onerror-${node.id}`} label="On error">
          {(control) => (
            <Select
              {...control}
              value={policy.onError ?? "fail"}
              onChange={(event) =>
                setPolicy("onError", event.target.value === "fail" ? undefined : event.target.value)
              }
            >
              <option value="fail">Fail the run</option>
              <option value="continue">Continue with a default</option>
              <option value="route">Route to an error port</option>
            </Select>
          )}
        </FormField>
      </section>
    </div>
  );
}
