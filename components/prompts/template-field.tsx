"use client";

import { CircleAlert, TriangleAlert } from "lucide-react";
import { useId } from "react";
import { LazyTemplateEditor as TemplateEditor } from "@/components/flow-editor/lazy-template-editor";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { TemplateIssue } from "@/lib/prompts/template-issues";
import type { TemplateAnalysis } from "./use-template-analysis";

/** The variables the template reads, as chips, or a hint when it reads none. */
function VariableList({ id, variables }: { id: string; variables: string[] }) {
  return (
    <div
      id={id}
      className="flex flex-wrap items-center gap-1.5 text-xs"
      data-testid="template-variables"
    >
      <span className="font-medium text-muted-foreground">
        Variables{variables.length > 0 && ` (${variables.length})`}:
      </span>
      {variables.length === 0 ? (
        <span className="text-muted-foreground">
          none yet. Write <code className="font-mono">{"{{ topic }}"}</code> to add one.
        </span>
      ) : (
        <ul className="contents" aria-label="Template variables">
          {variables.map((name) => (
            <li key={name}>
              <Badge variant="outline" className="font-mono">
                {name}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One problem: where it is and what is wrong; errors block saving, warnings do not. */
function IssueRow({ issue }: { issue: TemplateIssue }) {
  const error = issue.severity === "error";
  const Icon = error ? CircleAlert : TriangleAlert;
  return (
    <li
      className={cn("flex items-start gap-1.5 text-sm", error ? "text-danger" : "text-warning")}
      data-severity={issue.severity}
    >
      <Icon className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>
        <span className="sr-only">{error ? "Error: " : "Warning: "}</span>
        <span className="font-medium">
          Line {issue.line}, column {issue.column}:
        </span>{" "}
        {issue.message}
      </span>
    </li>
  );
}

/**
 * For a dialog's `onEscapeKeyDown`: Escape in a template editor whose completion list is open
 * closes only the list (the dialog sees the key first and would close, dropping the form).
 */
export function keepOpenWhileCompleting(event: KeyboardEvent) {
  const editor = event.target instanceof Element ? event.target.closest(".cm-editor") : null;
  if (editor?.querySelector(".cm-tooltip-autocomplete")) event.preventDefault();
}

/** A prompt template: the editor with highlighting and completion, its problems and its variables. */
export function TemplateField({
  value,
  onChange,
  analysis,
  completions,
  error,
  readOnly = false,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  analysis: TemplateAnalysis;
  /** Variable names offered after `{{` besides the template's own. */
  completions: string[];
  /** A problem the server or the form reported (left out while the analysis lists errors itself). */
  error?: string;
  readOnly?: boolean;
  className?: string;
}) {
  const id = useId();
  const problemsId = `${id}-problems`;
  const variablesId = `${id}-variables`;
  const { issues, variables } = analysis;
  const offered = [...new Set([...variables, ...completions])].sort();
  const hasProblems = issues.length > 0 || Boolean(error);
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      <span id={`${id}-label`} className="text-sm font-medium">
        Template
      </span>
      <TemplateEditor
        labelId={`${id}-label`}
        describedBy={hasProblems ? `${problemsId} ${variablesId}` : variablesId}
        invalid={Boolean(error) || analysis.blocked}
        value={value}
        variables={offered}
        onChange={onChange}
        readOnly={readOnly}
        className="[&_.cm-content]:!min-h-48 [&_.cm-editor]:max-h-[70vh]"
      />
      <div id={problemsId} aria-live="polite" data-testid="template-issues">
        {error && !analysis.blocked && <p className="text-sm text-danger">{error}</p>}
        {issues.length > 0 && (
          <ul className="flex flex-col gap-1" aria-label="Template problems">
            {issues.map((issue, index) => (
              <IssueRow key={index} issue={issue} />
            ))}
          </ul>
        )}
      </div>
      <VariableList id={variablesId} variables={variables} />
    </div>
  );
}
