import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { PromptRef } from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { createAdminContext, truncateAllTables } from "@/test/fixtures";
import { completeSetup } from "../setup";
import { createPromptsPort } from "./prompts-port";
import { SUPPORT_REPLY_TEMPLATE } from "../examples/ticket-triage";

setupTestDatabase();

let workspaceId: string;
let promptId: string;

beforeAll(async () => {
  delete process.env.OPENAI_API_KEY;
  await truncateAllTables();
  ({ workspaceId } = await completeSetup({
    name: "Ada Admin",
    email: "ada@example.com",
    password: "first-admin-password",
    workspaceName: "Acme",
  }));
  promptId = (
    await getDb().prompt.findUniqueOrThrow({
      where: { workspaceId_name: { workspaceId, name: "support-reply" } },
    })
  ).id;
});

function addVersion(version: number, template: string, model: object | null, parameters = {}) {
  return getDb().promptVersion.create({
    data: { workspaceId, promptId, version, template, parameters, ...(model ? { model } : {}) },
  });
}

async function failure(promise: Promise<unknown>): Promise<NodeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NodeError)) throw new Error(`expected a NodeError, got ${String(error)}`);
  return error;
}

describe(`prompts port on ${testDbKind}`, () => {
  it("resolves the seeded support-reply prompt by its production label", async () => {
    const stored = await getDb().promptLabel.findFirstOrThrow({
      where: { promptId, name: "production" },
      include: { version: true },
    });

    const resolved = await createPromptsPort(workspaceId).resolve({
      name: "support-reply",
      label: "production",
    });

    expect(resolved).toEqual({
      template: stored.version.template,
      versionId: stored.versionId,
      version: 1,
      model: { connection: "simulated", model: "sim-small" },
      parameters: {},
    });
    expect(resolved.template).toBe(SUPPORT_REPLY_TEMPLATE);
  });

  it("resolves a pinned version, leaving out a model or parameters that are absent or malformed", async () => {
    const v2 = await addVersion(2, "Version two: {{ticket}}", null, { temperature: 0.3 });
    const v3 = await addVersion(
      3,
      "Version three",
      { connection: "", model: 42 },
      {
        temperature: "hot",
      },
    );
    const port = createPromptsPort(workspaceId);

    expect(await port.resolve({ name: "support-reply", version: 2 })).toEqual({
      template: "Version two: {{ticket}}",
      versionId: v2.id,
      version: 2,
      parameters: { temperature: 0.3 },
    });
    expect(await port.resolve({ name: "support-reply", version: 3 })).toEqual({
      template: "Version three",
      versionId: v3.id,
      version: 3,
    });
  });

  it("keeps a label's version for the life of one port; a new port sees the moved label", async () => {
    const v4 = await addVersion(4, "Staging draft", { connection: "openai", model: "gpt-4o-mini" });
    const label = await getDb().promptLabel.create({
      data: {
        workspaceId,
        promptId,
        name: "staging",
        versionId: (await addVersion(5, "old", null)).id,
      },
    });
    const ref = { name: "support-reply", label: "staging" };
    const runPort = createPromptsPort(workspaceId);
    expect((await runPort.resolve(ref)).version).toBe(5);

    await getDb().promptLabel.update({ where: { id: label.id }, data: { versionId: v4.id } });

    expect((await runPort.resolve(ref)).version).toBe(5);
    expect(await createPromptsPort(workspaceId).resolve(ref)).toEqual({
      template: "Staging draft",
      versionId: v4.id,
      version: 4,
      model: { connection: "openai", model: "gpt-4o-mini" },
      parameters: {},
    });
  });

  it.each<[PromptRef, string]>([
    [{ name: "no-such-prompt", label: "production" }, 'Prompt "no-such-prompt" does not exist'],
    [{ name: "support-reply", label: "canary" }, 'has no label "canary"'],
    [{ name: "support-reply", version: 99 }, "has no version 99"],
  ])("answers %o with a prompt_not_found error that is not retried", async (ref, message) => {
    const error = await failure(createPromptsPort(workspaceId).resolve(ref));
    expect(error.code).toBe("prompt_not_found");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(message);
  });

  it("does not remember a failure: a label created later resolves on the same port", async () => {
    const port = createPromptsPort(workspaceId);
    const ref = { name: "support-reply", label: "later" };
    expect((await failure(port.resolve(ref))).code).toBe("prompt_not_found");

    const v1 = await getDb().promptVersion.findFirstOrThrow({ where: { promptId, version: 1 } });
    await getDb().promptLabel.create({
      data: { workspaceId, promptId, name: "later", versionId: v1.id },
    });

    expect((await port.resolve(ref)).versionId).toBe(v1.id);
  });

  it("never resolves another workspace's prompt", async () => {
    const other = await createAdminContext("Other workspace");
    const error = await failure(
      createPromptsPort(other.workspace.id).resolve({ name: "support-reply", label: "production" }),
    );
    expect(error.code).toBe("prompt_not_found");
  });
});
