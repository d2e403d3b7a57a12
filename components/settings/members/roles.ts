import type { Role } from "@/lib/schemas/identity";

/** Display name of each role. */
export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  editor: "Editor",
  engineer: "Engineer",
  approver: "Approver",
  admin: "Admin",
};

/** What each role allows, in one line (mirrors lib/server/permissions.ts). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "Sees flows, runs, prompts and costs.",
  editor: "Edits and runs flows and prompts; decides review tasks.",
  engineer: "Editor, plus endpoints, API keys, model connections and secrets.",
  approver: "Approves changes and review tasks; reads the audit log.",
  admin: "Everything, including members and policies.",
};
