"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import type { ValueFieldProps } from "./schema-utils";

/** Raw JSON for values the form cannot render well; commits on blur when it parses. */
export function JsonField({ id, label, hint, value, error, onChange }: ValueFieldProps) {
  const initial = value === undefined ? "" : JSON.stringify(value, null, 2);
  const [text, setText] = useState(initial);
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <FormField id={id} label={label} hint={hint} error={parseError ?? error}>
      {(control) => (
        <Textarea
          {...control}
          data-json-field
          spellCheck={false}
          className="min-h-28 font-mono text-xs"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={() => {
            if (text.trim() === "") {
              setParseError(null);
              onChange(undefined);
              return;
            }
            try {
              const parsed: unknown = JSON.parse(text);
              setParseError(null);
              onChange(parsed);
            } catch {
              setParseError("Not valid JSON; the last valid value is kept.");
            }
          }}
        />
      )}
    </FormField>
  );
}
