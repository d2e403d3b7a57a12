import { Liquid, type Template } from "liquidjs";
import { NodeError } from "@/lib/engine/errors";
import { withoutForbiddenKeys } from "./path";

/** Largest template (in characters) a node accepts. */
export const TEMPLATE_MAX_CHARS = 100_000;

/** Render limits: wall time per render, allocations (ranges, strings) per render. */
export const TEMPLATE_LIMITS = { renderMs: 1_000, memory: 20_000_000 } as const;

const CACHE_SIZE = 200;

const liquid = new Liquid({
  ownPropertyOnly: true,
  strictFilters: true,
  templates: {},
  parseLimit: TEMPLATE_MAX_CHARS,
  renderLimit: TEMPLATE_LIMITS.renderMs,
  memoryLimit: TEMPLATE_LIMITS.memory,
  outputEscape: (value: unknown) =>
    value !== null && typeof value === "object" ? JSON.stringify(value) : String(value ?? ""),
});
for (const tag of ["include", "render", "layout"]) delete liquid.tags[tag];

const parsed = new Map<string, Template[]>();

function parse(template: string): Template[] {
  const hit = parsed.get(template);
  if (hit) {
    parsed.delete(template);
    parsed.set(template, hit);
    return hit;
  }
  if (template.length > TEMPLATE_MAX_CHARS) {
    throw new Error(`the template is longer than ${TEMPLATE_MAX_CHARS} characters`);
  }
  const result = liquid.parse(template);
  parsed.set(template, result);
  if (parsed.size > CACHE_SIZE) parsed.delete(parsed.keys().next().value!);
  return result;
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 500)}...` : text;
}

/**
 * Renders a Liquid template with the given variables. Objects print as JSON; prototypes (and
 * keys named like them), file includes and unknown filters are out of reach; a template over its limits throws
 * NodeError "template_error" (not retryable).
 */
export async function renderTemplate(
  template: string,
  variables: Record<string, unknown>,
): Promise<string> {
  try {
    return String(await liquid.render(parse(template), withoutForbiddenKeys(variables)));
  } catch (error) {
    throw new NodeError(`Template error: ${message(error)}`, "template_error", {
      retryable: false,
    });
  }
}

/** The top-level variable names a template reads, in order of appearance; [] when it does not parse. */
export function templateVariables(template: string): string[] {
  const result = inspectTemplate(template);
  return "variables" in result ? result.variables : [];
}

/** Where a template fails to parse: the parser's message and its 1-based line and column. */
export interface TemplateSyntaxError {
  message: string;
  line: number;
  column: number;
}

/**
 * Parses a template as runs would: its top-level variables in order of appearance, or the
 * syntax error with its position. Never renders anything.
 */
export function inspectTemplate(
  template: string,
): { variables: string[] } | { error: TemplateSyntaxError } {
  try {
    return { variables: liquid.globalVariablesSync(parse(template)) };
  } catch (error) {
    const position = (error as { token?: { getPosition?: () => number[] } }).token?.getPosition?.();
    return {
      error: {
        message: message(error).replace(/, line:\d+, col:\d+$/, ""),
        line: position?.[0] ?? 1,
        column: position?.[1] ?? 1,
      },
    };
  }
}
