/** Query keys; workspace data is keyed by workspace so switching never shows another workspace's rows. */
export const queryKeys = {
  me: () => ["me"] as const,
  workspace: (workspaceId: string) => ["workspace", workspaceId] as const,
  members: (workspaceId: string) => ["workspace", workspaceId, "members"] as const,
  connections: (workspaceId: string) => ["workspace", workspaceId, "connections"] as const,
  secrets: (workspaceId: string) => ["workspace", workspaceId, "secrets"] as const,
  prompts: (workspaceId: string) => ["workspace", workspaceId, "prompts"] as const,
  humanTasks: (workspaceId: string) => ["workspace", workspaceId, "human-tasks"] as const,
  flows: (workspaceId: string) => ["workspace", workspaceId, "flows"] as const,
  flowVersions: (workspaceId: string, flowId: string) =>
    ["workspace", workspaceId, "flows", flowId, "versions"] as const,
  run: (workspaceId: string, runId: string) => ["workspace", workspaceId, "runs", runId] as const,
};
