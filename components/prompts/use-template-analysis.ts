"use client";

import { useDeferredValue, useMemo } from "react";
import { templateIssues, type TemplateIssue } from "@/lib/prompts/template-issues";
import { promptVariables } from "@/lib/prompts/template-variables";

/** What the editor shows about a template: the variables it reads and its problems. */
export interface TemplateAnalysis {
  variables: string[];
  issues: TemplateIssue[];
  /** Whether an issue blocks saving. */
  blocked: boolean;
}

/** Variables and problems of a template, recomputed (deferred) as it changes. */
export function useTemplateAnalysis(template: string): TemplateAnalysis {
  const deferred = useDeferredValue(template);
  return useMemo(() => {
    const issues = templateIssues(deferred);
    return {
      variables: promptVariables(deferred),
      issues,
      blocked: issues.some((issue) => issue.severity === "error"),
    };
  }, [deferred]);
}
