import type { FlowIssue } from "@/lib/engine";
import { IMPORT_BODY_LIMIT, type FlowDto } from "@/lib/schemas/flows";
import { ApiClientError, errorMessage } from "@/lib/query/api";

/** Why a file was not imported: a headline and, for a rejected document, each problem found. */
export interface ImportProblem {
  message: string;
  details: string[];
}

/** What the last import did: refused the file, or created a flow (maybe with validation issues). */
export type ImportOutcome =
  | { kind: "failed"; fileName: string; problem: ImportProblem }
  | { kind: "imported"; fileName: string; flow: FlowDto; issues: FlowIssue[] };

/** "2 MB", "10.5 MB", "800 KB": a size in decimal units, as the limit is stated. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1_000))} KB`;
}

function tooLarge(size: number | null): ImportProblem {
  const actual = size === null ? "" : ` (${formatBytes(size)})`;
  return {
    message: `The file is too large${actual}. Flow files can be at most ${formatBytes(IMPORT_BODY_LIMIT)}.`,
    details: [],
  };
}

/**
 * Reads a chosen or dropped file as JSON. Refuses it early when it is over the server's limit
 * (the server enforces the same limit with a 413) or is not JSON at all; the server validates the rest.
 */
export async function readFlowFile(
  file: Blob,
): Promise<{ ok: true; document: unknown } | { ok: false; problem: ImportProblem }> {
  if (file.size > IMPORT_BODY_LIMIT) return { ok: false, problem: tooLarge(file.size) };
  const text = await file.text();
  if (text.trim() === "") {
    return { ok: false, problem: { message: "The file is empty.", details: [] } };
  }
  try {
    return { ok: true, document: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      problem: { message: "The file is not valid JSON.", details: [errorMessage(error)] },
    };
  }
}

/** A failed POST /api/flows/import as a problem to show: too large, not a flow document, or why not. */
export function importProblem(error: unknown): ImportProblem {
  if (!(error instanceof ApiClientError)) return { message: errorMessage(error), details: [] };
  if (error.code === "payload_too_large") return tooLarge(null);
  if (error.code === "validation_failed") {
    return {
      message:
        "The file is not a Trellis flow export: it needs format, version, name and a graph of nodes and edges.",
      details: error.issues.map((issue) => `${issue.path}: ${issue.message}`),
    };
  }
  return { message: error.message, details: [] };
}

/** The issues of an imported flow that must be fixed before it can run (warnings left out). */
export function blockingIssues(issues: FlowIssue[]): FlowIssue[] {
  return issues.filter((issue) => issue.severity === "error");
}
