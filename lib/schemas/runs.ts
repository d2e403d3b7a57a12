import { z } from "zod";

/** Longest a caller may ask POST /api/flows/:id/runs to wait for the result. */
export const MAX_RUN_WAIT_MS = 60_000;

/**
 * POST /api/flows/:id/runs: run the draft (default) or a version, or rerun the draft from a node of
 * an earlier run (`from`), reusing that run's results upstream of the node. `input` defaults to
 * `{}`, or with `from` to the earlier run's input.
 */
export const startRunSchema = z
  .strictObject({
    input: z.unknown().optional(),
    versionId: z.string().min(1).max(64).optional(),
    from: z
      .strictObject({ runId: z.string().min(1).max(64), nodeId: z.string().min(1).max(64) })
      .optional(),
    /** Wait up to this many milliseconds for the result before answering 202. */
    waitMs: z.int().min(0).max(MAX_RUN_WAIT_MS).default(0),
  })
  .refine((body) => !(body.from && body.versionId), {
    path: ["from"],
    message: "Run from here reruns the draft; it cannot be combined with versionId",
  });

/**
 * POST /api/runs/:id/replay: run the same input again on the same version or draft snapshot
 * ("same", default) or on the flow's newest saved version ("latest").
 */
export const replayRunSchema = z.strictObject({
  version: z.enum(["same", "latest"]).default("same"),
  /** Wait up to this many milliseconds for the result before answering 202. */
  waitMs: z.int().min(0).max(MAX_RUN_WAIT_MS).default(0),
});

/** POST /api/runs/:id/resume: rerun a failed run from its failed node(s), reusing the rest. */
export const resumeRunSchema = z.strictObject({
  /** Wait up to this many milliseconds for the result before answering 202. */
  waitMs: z.int().min(0).max(MAX_RUN_WAIT_MS).default(0),
});

/** POST /api/human-tasks/:id/decision. */
export const humanDecisionSchema = z.strictObject({
  action: z.enum(["approve", "edit", "reject"]),
  value: z.unknown().optional(),
  comment: z.string().max(5_000).optional(),
});

/** A run as the API returns it. */
export interface RunDto {
  id: string;
  flowId: string;
  flowVersionId: string | null;
  status: string;
  trigger: string;
  input: unknown;
  output: unknown;
  error: unknown;
  totals: {
    tokensIn: number;
    tokensOut: number;
    tokensCached: number;
    costUsd: string;
    latencyMs: number | null;
  };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The latest feedback rating ("good" or "bad"), null before any. */
  rating: string | null;
  /** The run this one replays, resumes or reruns from a node (null for a fresh run). */
  parentRunId: string | null;
  /** Run from here or resume: the node executed first (everything upstream was reused). */
  fromNodeId: string | null;
  /** Retention deleted this run's stored prompts, inputs and outputs. */
  contentPurged: boolean;
  /** Endpoint runs (GET /api/runs/:id): the API key's name and the endpoint's slug (null once deleted). */
  apiKeyName: string | null;
  endpointSlug: string | null;
}

/** One node attempt of a run, as GET /api/runs/:id lists them. */
export interface NodeAttemptDto {
  nodeId: string;
  nodeType: string;
  attempt: number;
  status: string;
  /** Executed, settled from pinned outputs, or reused from an earlier run (run from here). */
  source: "executed" | "pinned" | "reused";
  final: boolean;
  renderedPrompt: string | null;
  promptVersionId: string | null;
  /** The managed prompt the attempt used (absent for inline prompts and prompts since deleted). */
  prompt?: { id: string; name: string; version: number };
  output: unknown;
  error: unknown;
  provider: string | null;
  model: string | null;
  tier: string | null;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
  costUsd: string;
  latencyMs: number | null;
  cacheHit: boolean;
  /** What the node received (null when not recorded or purged). */
  input: unknown;
  startedAt: string;
  finishedAt: string | null;
}
