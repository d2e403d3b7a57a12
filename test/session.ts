import { vi } from "vitest";
import type { WorkspaceContext } from "@/lib/server/workspace-context";

/**
 * The signed-in caller of route handlers in tests: set `session.ctx` before a call. Importing
 * this module (before the routes) replaces the session and workspace lookups with it.
 */
export const session: { ctx: WorkspaceContext | null } = { ctx: null };

vi.mock("@/lib/server/session", () => ({ currentUser: async () => session.ctx?.user ?? null }));
vi.mock("@/lib/server/workspace-context", () => ({
  resolveWorkspaceContext: async () => session.ctx,
}));
