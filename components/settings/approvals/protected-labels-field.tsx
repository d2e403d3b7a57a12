"use client";

import { Lock, Plus, X } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { labelNameSchema } from "@/lib/schemas/prompt-library";

/** Labels every workspace has; offered for one click when not protected yet. */
const STANDARD_LABELS = ["production", "staging"] as const;

/** Why `name` cannot be added, or null when it can. */
function labelProblem(name: string, labels: readonly string[]): string | null {
  if (!name) return "Enter a label name.";
  if (labels.includes(name)) return `${name} is already protected.`;
  const parsed = labelNameSchema.safeParse(name);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "Not a valid label name.");
}

/** The protected labels as removable chips, plus a field (and suggestions) to add one. */
export function ProtectedLabelsField({
  value,
  onChange,
  error,
  readOnly,
}: {
  value: string[];
  onChange: (labels: string[]) => void;
  /** The server's message about the list, if it refused it. */
  error?: string;
  readOnly: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const add = (name: string) => {
    const trimmed = name.trim();
    const reason = labelProblem(trimmed, value);
    setProblem(reason);
    if (reason) return;
    onChange([...value, trimmed]);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add(draft);
  };
  const suggestions = STANDARD_LABELS.filter((label) => !value.includes(label));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <div className="flex flex-col gap-3" role="group" aria-labelledby={`${id}-title`}>
      <div className="flex flex-col gap-1">
        <p id={`${id}-title`} className="text-sm leading-none font-medium">
          Protected labels
        </p>
        <p id={hintId} className="text-xs text-muted-foreground">
          Moving one of these labels to another version needs an approved change request.
        </p>
      </div>
      {error && (
        <p className="text-sm text-danger" role="alert">
          {error}
        </p>
      )}
      {value.length === 0 ? (
        <p className="text-sm text-muted-foreground" data-testid="no-protected-labels">
          No label is protected: editors move every label directly, without approval.
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Protected labels">
          {value.map((label) => (
            <li key={label}>
              <Badge variant="outline" className="h-7 gap-1.5 pr-1 pl-2 font-mono text-sm">
                <Lock aria-hidden />
                {label}
                {!readOnly && (
                  <button
                    type="button"
                    onClick={() => onChange(value.filter((item) => item !== label))}
                    aria-label={`Remove ${label}`}
                    className="rounded-sm p-0.5 text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
                  >
                    <X aria-hidden />
                  </button>
                )}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="flex flex-col gap-2">
          <Label htmlFor={`${id}-new`}>Add a label</Label>
          <div className="flex max-w-md gap-2">
            <Input
              id={`${id}-new`}
              value={draft}
              placeholder="release-candidate"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              aria-invalid={Boolean(problem)}
              aria-describedby={problem ? errorId : undefined}
              onChange={(event) => {
                setDraft(event.target.value);
                setProblem(null);
              }}
              onKeyDown={onKeyDown}
            />
            <Button type="button" variant="outline" onClick={() => add(draft)}>
              <Plus aria-hidden />
              Add
            </Button>
          </div>
          {problem && (
            <p id={errorId} className="text-sm text-danger" role="alert">
              {problem}
            </p>
          )}
          {suggestions.length > 0 && (
            <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              Suggested:
              {suggestions.map((label) => (
                <Button
                  key={label}
                  type="button"
                  variant="outline"
                  size="sm"
                  className="h-6 px-2 font-mono"
                  onClick={() => add(label)}
                  aria-label={`Protect ${label}`}
                >
                  <Plus aria-hidden />
                  {label}
                </Button>
              ))}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
