import { beforeEach, describe, expect, it } from "vitest";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { createAdminContext } from "@/test/fixtures";
import { addSecret, deleteSecret, replaceSecret } from "../secrets";
import type { WorkspaceContext } from "../workspace-context";
import { createSecretsPort } from "./secrets-port";

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;

beforeEach(async () => {
  ctx = await createAdminContext("Workspace A");
  other = await createAdminContext("Workspace B");
});

describe(`secrets port on ${testDbKind}`, () => {
  it("reads a secret's plain value by name within its own workspace", async () => {
    await addSecret(ctx, "CRM_TOKEN", "crm-token-a-71c2");
    await addSecret(other, "CRM_TOKEN", "crm-token-b-09fe");

    expect(await createSecretsPort(ctx.workspace.id).get("CRM_TOKEN")).toBe("crm-token-a-71c2");
    expect(await createSecretsPort(other.workspace.id).get("CRM_TOKEN")).toBe("crm-token-b-09fe");
    expect(await createSecretsPort(ctx.workspace.id).get("MISSING")).toBeNull();
  });

  it("keeps a value for the life of one run, even if the secret changes or goes", async () => {
    const dto = await addSecret(ctx, "CRM_TOKEN", "first-value");
    const runPort = createSecretsPort(ctx.workspace.id);
    expect(await runPort.get("CRM_TOKEN")).toBe("first-value");

    await replaceSecret(ctx, dto.id, "rotated-value");
    expect(await runPort.get("CRM_TOKEN")).toBe("first-value");
    expect(await createSecretsPort(ctx.workspace.id).get("CRM_TOKEN")).toBe("rotated-value");

    await deleteSecret(ctx, dto.id);
    expect(await runPort.get("CRM_TOKEN")).toBe("first-value");
    expect(await createSecretsPort(ctx.workspace.id).get("CRM_TOKEN")).toBeNull();
  });

  it("looks a missing secret up again, so one added mid-run is found on retry", async () => {
    const runPort = createSecretsPort(ctx.workspace.id);
    expect(await runPort.get("LATE_TOKEN")).toBeNull();

    await addSecret(ctx, "LATE_TOKEN", "late-value");

    expect(await runPort.get("LATE_TOKEN")).toBe("late-value");
  });
});
