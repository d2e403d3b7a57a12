import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ValueBlock } from "@/components/ui/value-block";
import { inputFields } from "@/components/endpoints/input-fields";
import { inputJsonSchema, type InputConfig } from "@/lib/nodes/input.node";

/** What callers send as `input`: the Input node's mode and fields, and the full JSON schema. */
export function InputSchemaSummary({ config }: { config: InputConfig | null }) {
  const fields = config ? inputFields(config) : [];
  return (
    <Card data-testid="endpoint-input-schema">
      <CardHeader>
        <CardTitle>Input</CardTitle>
        <CardDescription>
          {config === null
            ? "The version has no usable Input node."
            : config.mode === "chat"
              ? "A chat input: send the conversation as messages. Requests are checked against this schema (400 with field errors)."
              : "A JSON document. Requests are checked against this schema (400 with field errors)."}
        </CardDescription>
      </CardHeader>
      {config && (
        <CardContent className="flex flex-col gap-4">
          {fields.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No declared fields: any JSON object is accepted.
            </p>
          ) : (
            <ul aria-label="Input fields" className="flex flex-col divide-y rounded-md border">
              {fields.map((field) => (
                <li key={field.name} className="flex flex-col gap-1 px-3 py-2.5">
                  <span className="flex flex-wrap items-center gap-2">
                    <code className="font-mono text-sm font-medium">{field.name}</code>
                    <span className="font-mono text-xs text-muted-foreground">{field.type}</span>
                    {field.required && <Badge variant="outline">required</Badge>}
                  </span>
                  {field.description && (
                    <span className="text-xs text-muted-foreground">{field.description}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">JSON schema</summary>
            <ValueBlock
              className="mt-2"
              value={inputJsonSchema(config)}
              label="Input JSON schema"
            />
          </details>
        </CardContent>
      )}
    </Card>
  );
}
