import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { createAdminContext } from "@/test/fixtures";
import type { WorkspaceContext } from "../workspace-context";
import { promptsOf } from "./library";

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;

/** Inserts a prompt with versions 1..n and labels pointing at the given version numbers. */
async function seedPrompt(
  workspaceId: string,
  name: string,
  versions: number,
  labels: Record<string, number> = {},
) {
  const db = getDb();
  const prompt = await db.prompt.create({
    data: { workspaceId, name, description: `${name} text` },
  });
  const ids: string[] = [];
  for (let version = 1; version <= versions; version++) {
    const row = await db.promptVersion.create({
      data: { workspaceId, promptId: prompt.id, version, template: `v${version} {{input}}` },
    });
    ids.push(row.id);
  }
  for (const [label, version] of Object.entries(labels))
    await db.promptLabel.create({
      data: { workspaceId, promptId: prompt.id, name: label, versionId: ids[version - 1]! },
    });
  return prompt.id;
}

beforeEach(async () => {
  ctx = await createAdminContext("Workspace A");
  other = await createAdminContext("Workspace B");
});

describe(`prompt summaries on ${testDbKind}`, () => {
  it("lists prompts by name with their labels' versions and the latest version", async () => {
    const replyId = await seedPrompt(ctx.workspace.id, "support-reply", 3, {
      staging: 3,
      production: 2,
    });
    const draftId = await seedPrompt(ctx.workspace.id, "apology", 0);

    expect(await promptsOf(ctx)).toEqual([
      {
        id: draftId,
        name: "apology",
        description: "apology text",
        labels: [],
        latestVersion: null,
        versionCount: 0,
        updatedAt: expect.any(String),
      },
      {
        id: replyId,
        name: "support-reply",
        description: "support-reply text",
        labels: [
          { name: "production", version: 2 },
          { name: "staging", version: 3 },
        ],
        latestVersion: 3,
        versionCount: 3,
        updatedAt: expect.any(String),
      },
    ]);
  });

  it("lists only the active workspace's prompts", async () => {
    await seedPrompt(ctx.workspace.id, "mine", 1, { production: 1 });
    await seedPrompt(other.workspace.id, "theirs", 2, { production: 2 });
    await seedPrompt(other.workspace.id, "mine", 5, { production: 4 });

    const mine = await promptsOf(ctx);
    expect(mine.map((p) => [p.name, p.latestVersion, p.labels])).toEqual([
      ["mine", 1, [{ name: "production", version: 1 }]],
    ]);
    expect((await promptsOf(other)).map((p) => p.name)).toEqual(["mine", "theirs"]);
  });
});
