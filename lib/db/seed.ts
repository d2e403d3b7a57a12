import type { Prisma } from "./generated/client.ts";
import { addHttpAllowRule } from "./http-allow-rules";

type Tx = Prisma.TransactionClient;

/** Example content to seed, decided by lib/server (lib/db only stores it). */
export interface SeedContent {
  prompts: {
    name: string;
    description: string;
    template: string;
    model: { connection: string; model: string };
  }[];
  flows: { name: string; description: string; graph: object }[];
  allowRules: { prefix: string; note: string }[];
  /** An OpenAI connection to add when OPENAI_API_KEY is configured (key already encrypted). */
  openai?: { encryptedApiKey: string; baseUrl: string | null };
}

/** Seeds a new workspace: managed prompts (v1 labelled production), flows, HTTP allow rules, OpenAI connection. */
export async function seedExampleContent(
  tx: Tx,
  workspaceId: string,
  userId: string,
  content: SeedContent,
): Promise<void> {
  for (const p of content.prompts) {
    const prompt = await tx.prompt.create({
      data: { workspaceId, name: p.name, description: p.description },
    });
    const version = await tx.promptVersion.create({
      data: {
        workspaceId,
        promptId: prompt.id,
        version: 1,
        template: p.template,
        model: p.model,
        message: "Example prompt",
        authorId: userId,
      },
    });
    await tx.promptLabel.create({
      data: { workspaceId, promptId: prompt.id, name: "production", versionId: version.id },
    });
    await tx.promptLabelMove.create({
      data: {
        workspaceId,
        promptId: prompt.id,
        label: "production",
        toVersionId: version.id,
        actorId: userId,
        via: "direct",
        reason: "Example prompt",
      },
    });
  }
  for (const flow of content.flows) {
    await tx.flow.create({
      data: {
        workspaceId,
        name: flow.name,
        description: flow.description,
        graph: flow.graph,
        createdById: userId,
      },
    });
  }
  for (const rule of content.allowRules)
    await addHttpAllowRule(workspaceId, rule.prefix, rule.note, tx);
  if (content.openai) {
    await tx.modelConnection.create({
      data: {
        workspaceId,
        name: "openai",
        provider: "openai",
        baseUrl: content.openai.baseUrl,
        encryptedApiKey: content.openai.encryptedApiKey,
        models: ["gpt-4o-mini", "gpt-4o"],
      },
    });
  }
}
