import type { AuditEventDto } from "@/lib/schemas/audit-log";

type Target = Pick<AuditEventDto, "action" | "target" | "before" | "after">;

/** Snapshot fields that name a target, in the order they are tried. */
const NAME_FIELDS = ["name", "title", "email", "slug", "label", "workspaceName"] as const;

function field(snapshot: unknown, key: string): unknown {
  return typeof snapshot === "object" && snapshot !== null && !Array.isArray(snapshot)
    ? (snapshot as Record<string, unknown>)[key]
    : undefined;
}

/**
 * What to call the target: its current name, else the name its snapshots recorded (after, then
 * before), else null (the page then shows a short id).
 */
export function targetName(event: Target): string | null {
  if (event.target.name) return event.target.name;
  for (const key of NAME_FIELDS)
    for (const snapshot of [event.after, event.before]) {
      const value = field(snapshot, key);
      if (typeof value === "string" && value.trim()) return value;
    }
  return null;
}

const enc = encodeURIComponent;

/** Pages of one target; linked only while the target exists (its current name resolved). */
const ITEM_PAGES: Record<string, (id: string) => string> = {
  flow: (id) => `/flows/${enc(id)}`,
  prompt: (id) => `/prompts/${enc(id)}`,
  change_request: (id) => `/approvals/requests/${enc(id)}`,
};

/** Pages that list a kind of target. */
const LIST_PAGES: Record<string, string> = {
  membership: "/settings/members",
  model_connection: "/settings/connections",
  secret: "/settings/secrets",
  budget: "/settings/usage",
  endpoint: "/endpoints",
  api_key: "/endpoints",
  approval_policy: "/settings/approvals",
};

/** Where the target can be seen now, or null when no page shows it. */
export function targetHref(event: Target): string | null {
  const { type, id, name } = event.target;
  const itemPage = ITEM_PAGES[type];
  if (itemPage) return id && name !== null ? itemPage(id) : null;
  if (type === "human_task") {
    const runId = field(event.after, "runId") ?? field(event.before, "runId");
    return typeof runId === "string" && runId ? `/runs/${enc(runId)}` : null;
  }
  if (type === "workspace" && event.action === "workspace.data_settings_updated")
    return "/settings/usage";
  return LIST_PAGES[type] ?? null;
}
