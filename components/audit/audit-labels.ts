/** Known actions in plain words, as "<actor> <label>" reads: "Ada · Saved a flow version". */
const ACTION_LABELS: Record<string, string> = {
  "setup.completed": "Completed setup",
  "workspace.created": "Created the workspace",
  "workspace.data_settings_updated": "Changed retention and PII masking",
  "user.password_changed": "Changed their password",
  "flow.created": "Created a flow",
  "flow.imported": "Imported a flow",
  "flow.duplicated": "Duplicated a flow",
  "flow.updated": "Edited a flow",
  "flow.deleted": "Deleted a flow",
  "flow.version_saved": "Saved a flow version",
  "flow.version_restored": "Restored a flow version",
  "prompt.create": "Created a prompt",
  "prompt.update": "Edited a prompt's details",
  "prompt.version.create": "Saved a prompt version",
  "prompt.label.create": "Created a prompt label",
  "prompt.label.move": "Moved a prompt label",
  "prompt.label.delete": "Deleted a prompt label",
  "prompt.label.rollback": "Rolled back a prompt label",
  "change_request.create": "Opened a change request",
  "change_request.revise": "Revised a change request",
  "change_request.approve": "Approved a change request",
  "change_request.reject": "Rejected a change request",
  "change_request.cancel": "Cancelled a change request",
  "change_request.apply": "Applied a change request",
  "policy.update": "Changed the approval policy",
  "human_task.approved": "Approved a review task",
  "human_task.edited": "Edited and approved a review task",
  "human_task.rejected": "Rejected a review task",
  "member.added": "Added a member",
  "member.roles_changed": "Changed a member's roles",
  "member.removed": "Removed a member",
  "member.password_reset": "Reset a member's password",
  "connection.created": "Added a model connection",
  "connection.updated": "Changed a model connection",
  "connection.deleted": "Deleted a model connection",
  "secret.created": "Added a secret",
  "secret.updated": "Replaced a secret's value",
  "secret.deleted": "Deleted a secret",
  "budget.created": "Set a budget",
  "budget.updated": "Changed a budget",
  "budget.deleted": "Removed a budget",
};

/** The thing the first part of an action names, for actions without a label of their own. */
const NOUNS: Record<string, string> = {
  api_key: "API key",
  change_request: "Change request",
  connection: "Model connection",
  endpoint: "Endpoint",
  flow: "Flow",
  human_task: "Review task",
  member: "Member",
  policy: "Approval policy",
  prompt: "Prompt",
};

/** Verbs as an action's last part spells them, and how a sentence says they happened. */
const PAST: Record<string, string> = {
  add: "added",
  apply: "applied",
  approve: "approved",
  cancel: "cancelled",
  create: "created",
  delete: "deleted",
  disable: "disabled",
  enable: "enabled",
  move: "moved",
  pause: "paused",
  publish: "published",
  remove: "removed",
  resume: "resumed",
  revise: "revised",
  revoke: "revoked",
  rollback: "rolled back",
  rotate: "rotated",
  unpublish: "unpublished",
  update: "updated",
};

const words = (part: string) => part.replaceAll("_", " ");

/**
 * An action in plain words: its own label when known, else the thing and what happened to it
 * ("endpoint.pause" reads "Endpoint paused", "api_key.revoked" reads "API key revoked").
 */
export function actionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const [head = "", ...rest] = action.split(".");
  const noun = NOUNS[head] ?? words(head).replace(/^./, (c) => c.toUpperCase());
  const last = rest.pop();
  const tail = [...rest.map(words), last === undefined ? "" : (PAST[last] ?? words(last))];
  return [noun, ...tail].filter(Boolean).join(" ");
}

/** One choice of the action filter: a label and the action names or prefixes it covers. */
export interface ActionCategory {
  value: string;
  label: string;
  actions: string[];
}

/** The action filter's choices, in the order the select lists them. */
export const ACTION_CATEGORIES: ActionCategory[] = [
  { value: "flow", label: "Flows and versions", actions: ["flow"] },
  { value: "prompt", label: "Prompts, versions and labels", actions: ["prompt"] },
  { value: "change_request", label: "Change requests and decisions", actions: ["change_request"] },
  { value: "policy", label: "Approval policy", actions: ["policy"] },
  { value: "endpoint", label: "Endpoints and publishing", actions: ["endpoint"] },
  { value: "api_key", label: "API keys", actions: ["api_key"] },
  { value: "member", label: "Members and roles", actions: ["member"] },
  { value: "connection", label: "Model connections", actions: ["connection"] },
  { value: "secret", label: "Secrets", actions: ["secret"] },
  { value: "budget", label: "Budgets", actions: ["budget"] },
  { value: "human_task", label: "Review tasks", actions: ["human_task"] },
  { value: "workspace", label: "Workspace settings", actions: ["workspace", "setup"] },
];

/** Target types the target filter offers, with their names. */
export const TARGET_TYPE_LABELS: Record<string, string> = {
  flow: "Flow",
  prompt: "Prompt",
  change_request: "Change request",
  approval_policy: "Approval policy",
  endpoint: "Endpoint",
  api_key: "API key",
  membership: "Member",
  model_connection: "Model connection",
  secret: "Secret",
  budget: "Budget",
  human_task: "Review task",
  workspace: "Workspace",
};

/** A target type's name; unknown types read as their words ("rate_limit" reads "Rate limit"). */
export function targetTypeLabel(type: string): string {
  return TARGET_TYPE_LABELS[type] ?? words(type).replace(/^./, (c) => c.toUpperCase());
}
