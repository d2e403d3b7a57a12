import { z } from "zod";
import { flowGraphSchema, type FlowGraph, type FlowIssue } from "@/lib/engine";

/** JSON body limit of POST /api/flows/import (2 MB). */
export const IMPORT_BODY_LIMIT = 2_000_000;

/** A flow name: trimmed, 1-120 characters. */
export const flowNameSchema = z
  .string()
  .trim()
  .min(1, { message: "Required" })
  .max(120, { message: "Use at most 120 characters" });
const descriptionSchema = z.string().trim().max(2_000, { message: "Use at most 2000 characters" });
const revisionSchema = z.int().min(1).max(2_147_483_647);
const recordId = z.string().min(1).max(64);

/** GET /api/flows: optional case-insensitive name search and the sort order. */
export const listFlowsQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(["updated", "name"]).default("updated"),
});

/** POST /api/flows: the graph defaults to a connected Input and Output. */
export const createFlowSchema = z.strictObject({
  name: flowNameSchema,
  description: descriptionSchema.default(""),
  graph: flowGraphSchema.optional(),
});

/** PATCH /api/flows/:id: applies only when `revision` is the stored one (optimistic concurrency). */
export const updateFlowSchema = z.strictObject({
  name: flowNameSchema.optional(),
  description: descriptionSchema.optional(),
  graph: flowGraphSchema.optional(),
  revision: revisionSchema,
});

/** POST /api/flows/:id/versions: snapshot the draft at `revision`. */
export const saveVersionSchema = z.strictObject({
  message: z.string().trim().min(1, { message: "Required" }).max(500),
  revision: revisionSchema,
});

/** POST /api/flows/:id/versions/:versionId/restore. */
export const restoreVersionSchema = z.strictObject({ revision: revisionSchema });

/** Path parameters of a flow version route. */
export const versionParams = z.object({ id: recordId, versionId: recordId });

/** GET /api/flows/:id/diff: two version ids, or "draft" for the current draft. */
export const diffQuerySchema = z.object({
  from: recordId,
  to: recordId.default("draft"),
});

/** The portable flow document of export and import (never executed on import). */
export const flowDocumentSchema = z.strictObject({
  format: z.literal("trellis.flow"),
  version: z.literal(1),
  name: flowNameSchema,
  description: descriptionSchema.default(""),
  graph: flowGraphSchema,
});
/** A portable flow document. */
export type FlowDocument = z.output<typeof flowDocumentSchema>;

/** A flow as lists show it. */
export interface FlowSummaryDto {
  id: string;
  name: string;
  description: string;
  revision: number;
  updatedAt: string;
}

/** A flow with its draft graph. */
export interface FlowDto extends FlowSummaryDto {
  graph: FlowGraph;
}

/** GET /api/flows/:id (also PATCH, restore and import answers). */
export interface FlowWithIssuesDto {
  flow: FlowDto;
  issues: FlowIssue[];
}

/** A saved version as GET /api/flows/:id/versions lists it. */
export interface FlowVersionSummaryDto {
  id: string;
  version: number;
  message: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

/** One version with its graph. */
export interface FlowVersionDto extends FlowVersionSummaryDto {
  graph: FlowGraph;
}

/** A node as the diff lists an added or removed one. */
export interface DiffNode {
  id: string;
  type: string;
  label: string;
}

/** One differing field of a node: a dotted path (`config.prompt.template`), absent side undefined. */
export interface DiffField {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** What changed between two graphs; positions alone are not a change. */
export interface FlowDiff {
  nodes: {
    added: DiffNode[];
    removed: DiffNode[];
    changed: { id: string; label: string; fields: DiffField[] }[];
  };
  edges: { added: FlowGraph["edges"]; removed: FlowGraph["edges"] };
}
