import { describe, expect, it } from "vitest";
import type { AuditEventDto } from "@/lib/schemas/audit-log";
import {
  NO_AUDIT_FILTERS,
  auditApiParams,
  auditFiltersFromSearch,
  auditFiltersQuery,
} from "./audit-filters-url";
import { actionLabel, targetTypeLabel } from "./audit-labels";
import { targetHref, targetName } from "./audit-target";
import { snapshotChange } from "./snapshot-diff";

function event(
  patch: Omit<Partial<AuditEventDto>, "target"> & { target?: Partial<AuditEventDto["target"]> },
) {
  const { target, ...rest } = patch;
  return {
    action: "flow.updated",
    before: null,
    after: null,
    ...rest,
    target: { type: "flow", id: "f1", name: null, ...target },
  };
}

describe("action labels", () => {
  it("says the audited actions of today and of the governance contract in plain words", () => {
    expect(actionLabel("flow.version_saved")).toBe("Saved a flow version");
    expect(actionLabel("member.roles_changed")).toBe("Changed a member's roles");
    expect(actionLabel("prompt.label.rollback")).toBe("Rolled back a prompt label");
    expect(actionLabel("change_request.approve")).toBe("Approved a change request");
    expect(actionLabel("policy.update")).toBe("Changed the approval policy");
  });

  it("reads unknown actions as the thing and what happened to it", () => {
    expect(actionLabel("endpoint.pause")).toBe("Endpoint paused");
    expect(actionLabel("api_key.revoke")).toBe("API key revoked");
    expect(actionLabel("api_key.revoked")).toBe("API key revoked");
    expect(actionLabel("endpoint.slug_changed")).toBe("Endpoint slug changed");
    expect(actionLabel("prompt.label.archive")).toBe("Prompt label archive");
    expect(actionLabel("rate_limit.update")).toBe("Rate limit updated");
    expect(actionLabel("reindex")).toBe("Reindex");
  });

  it("names target types, known or not", () => {
    expect(targetTypeLabel("model_connection")).toBe("Model connection");
    expect(targetTypeLabel("rate_limit")).toBe("Rate limit");
  });
});

describe("targets", () => {
  it("prefers the current name, then the names the snapshots recorded", () => {
    expect(targetName(event({ target: { name: "Now" }, after: { name: "Then" } }))).toBe("Now");
    expect(targetName(event({ before: { name: "Old" }, after: { name: "New" } }))).toBe("New");
    expect(targetName(event({ before: { email: "a@b.test", roles: [] } }))).toBe("a@b.test");
    expect(targetName(event({ after: { roles: ["admin"] } }))).toBeNull();
    expect(targetName(event({ after: "plain text" }))).toBeNull();
  });

  it("links a flow, prompt or change request only while it exists", () => {
    expect(targetHref(event({ target: { name: "Triage" } }))).toBe("/flows/f1");
    expect(targetHref(event({ action: "flow.deleted" }))).toBeNull();
    const prompt = { type: "prompt", id: "p/1", name: "greeting" };
    expect(targetHref(event({ target: prompt }))).toBe("/prompts/p%2F1");
    const request = { type: "change_request", id: "cr1", name: "Ship v3" };
    expect(targetHref(event({ target: request }))).toBe("/approvals/requests/cr1");
  });

  it("links review tasks to their run, settings to their page, and nothing it cannot show", () => {
    const task = event({ target: { type: "human_task", id: "t1" }, after: { runId: "r1" } });
    expect(targetHref(task)).toBe("/runs/r1");
    expect(targetHref(event({ target: { type: "membership", id: "m1" } }))).toBe(
      "/settings/members",
    );
    const dataSettings = event({
      action: "workspace.data_settings_updated",
      target: { type: "workspace", id: "w1" },
    });
    expect(targetHref(dataSettings)).toBe("/settings/usage");
    expect(targetHref(event({ target: { type: "workspace", id: "w1" } }))).toBeNull();
    expect(targetHref(event({ target: { type: "mystery", id: "x" } }))).toBeNull();
  });
});

describe("snapshot change", () => {
  it("diffs two objects field by field with dotted paths, arrays whole", () => {
    const change = snapshotChange(
      { name: "Prod", limits: { rpm: 60, burst: 5 }, models: ["a"], gone: true },
      { name: "Prod", limits: { rpm: 120, burst: 5 }, models: ["a", "b"], added: 1 },
    );
    expect(change).toEqual({
      kind: "changed",
      fields: [
        { path: "added", after: 1 },
        { path: "gone", before: true },
        { path: "limits.rpm", before: 60, after: 120 },
        { path: "models", before: ["a"], after: ["a", "b"] },
      ],
    });
    expect(snapshotChange({ roles: ["editor"] }, { roles: ["editor"] })).toEqual({
      kind: "changed",
      fields: [],
    });
  });

  it("tells creations, removals, scalars and empty events apart", () => {
    expect(snapshotChange(null, { name: "x" })).toEqual({ kind: "created", after: { name: "x" } });
    expect(snapshotChange({ name: "x" }, null)).toEqual({ kind: "removed", before: { name: "x" } });
    expect(snapshotChange(null, null)).toEqual({ kind: "none" });
    expect(snapshotChange(1, 2)).toEqual({
      kind: "changed",
      fields: [{ path: "value", before: 1, after: 2 }],
    });
  });
});

describe("filters in the address", () => {
  it("round-trips the set filters and maps a category to its action prefixes", () => {
    const filters = auditFiltersFromSearch(
      new URLSearchParams("category=workspace&actorId=u1&from=2026-01-01&to=&zzz=1"),
    );
    expect(filters).toEqual({
      ...NO_AUDIT_FILTERS,
      category: "workspace",
      actorId: "u1",
      from: "2026-01-01",
    });
    expect(auditFiltersQuery(filters)).toBe("category=workspace&actorId=u1&from=2026-01-01");
    expect(auditApiParams(filters)).toMatchObject({
      action: ["workspace", "setup"],
      actorId: "u1",
    });
  });

  it("passes an action typed into the address through for the API to check", () => {
    expect(auditApiParams({ ...NO_AUDIT_FILTERS, category: "flow.created" }).action).toEqual([
      "flow.created",
    ]);
    expect(auditApiParams(NO_AUDIT_FILTERS).action).toEqual([]);
  });
});
