import { inspectTemplate } from "@/lib/nodes/shared/liquid";

/** `{{ name` or `{{- name`: the root name an output tag starts with. */
const OUTPUT_ROOT = /\{\{-?\s*([A-Za-z_][\w-]*)/g;

/**
 * The variables a prompt template reads, by root name (`{{ input.topic }}` gives `input`), in
 * order of appearance. Parsed as runs parse it (loop and `assign` locals are not variables);
 * while the template does not parse, the roots its `{{` tags start with, so the list stays
 * useful during typing. Client-safe; nothing is rendered.
 */
export function promptVariables(template: string): string[] {
  const result = inspectTemplate(template);
  if ("variables" in result) return result.variables;
  const names = new Set<string>();
  for (const match of template.matchAll(OUTPUT_ROOT)) names.add(match[1]!);
  return [...names];
}
