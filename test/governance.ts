import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/schemas/identity";
import { openChangeRequest } from "@/lib/server/governance/change-requests";
import { decide } from "@/lib/server/governance/decisions";
import type { WorkspaceContext } from "@/lib/server/workspace-context";
import { contextFor, createTestUser, uniqueEmail } from "./fixtures";

/** A new user with the given roles in the workspace, as their requests would see it. */
export async function memberContext(
  workspaceId: string,
  roles: Role[],
  name: string,
): Promise<WorkspaceContext> {
  const user = await createTestUser(uniqueEmail(roles.join("-")), name);
  await getDb().membership.create({ data: { userId: user.id, workspaceId, roles } });
  return contextFor(user.id, workspaceId);
}

/** A route handler as Next calls it. */
type Handler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** The JSON error shape of the API. */
interface ErrorBody {
  error?: { code: string; message: string; details: unknown };
}

/** Calls a route handler with a JSON body (or a raw string body) and path parameters; `T` is the success body. */
export async function callRoute<T = unknown>(
  handler: Handler,
  options: {
    method?: string;
    body?: unknown;
    params?: Record<string, string>;
    query?: string;
  } = {},
): Promise<{ status: number; body: T & ErrorBody }> {
  const raw = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const request = new Request(`http://test/api${options.query ? `?${options.query}` : ""}`, {
    method: options.method ?? "GET",
    ...(options.body !== undefined && {
      body: raw,
      headers: { "content-type": "application/json" },
    }),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Moves a prompt's production label through the approval path: `author` opens the change
 * request and `approver` approves it; returns the request as the approval left it.
 */
export async function approveProduction(
  author: WorkspaceContext,
  approver: WorkspaceContext,
  promptId: string,
  versionId: string,
) {
  const request = await openChangeRequest(author, {
    kind: "prompt.label",
    promptId,
    label: "production",
    versionId,
    description: "",
  });
  return decide(approver, request.id, { decision: "approve", comment: "ok" });
}
