import type { Prisma } from "./generated/client.ts";

type Tx = Prisma.TransactionClient;

const TRIAGE_PROMPT = `You are a support agent for Acme. Write a short, friendly reply to this ticket.
Category: {{category}}
Ticket: {{ticket}}`;

/** A small example graph in the flow format of ARCHITECTURE.md section 2. */
function exampleGraph(): Prisma.InputJsonValue {
  const node = (
    id: string,
    type: string,
    label: string,
    x: number,
    config: Prisma.InputJsonValue,
  ) => ({
    id,
    type,
    typeVersion: 1,
    label,
    config,
    policy: {},
    position: { x, y: 120 },
  });
  return {
    nodes: [
      node("input", "input", "Ticket", 0, {
        schema: {
          type: "object",
          properties: { ticket: { type: "string" } },
          required: ["ticket"],
        },
      }),
      node("draft", "llm", "Draft reply", 280, {
        model: { connection: "simulated", model: "sim-small" },
        prompt: { kind: "managed", name: "support-reply", label: "production" },
      }),
      node("output", "output", "Reply", 560, {}),
    ],
    edges: [
      { id: "e1", source: "input", sourcePort: "out", target: "draft", targetPort: "in" },
      { id: "e2", source: "draft", sourcePort: "out", target: "output", targetPort: "in" },
    ],
  };
}

/** Seeds a new workspace with example content: a managed prompt, an example flow, an OpenAI connection if configured. */
export async function seedExampleContent(
  tx: Tx,
  workspaceId: string,
  userId: string,
  openai?: { encryptedApiKey: string; baseUrl: string | null },
): Promise<void> {
  const prompt = await tx.prompt.create({
    data: {
      workspaceId,
      name: "support-reply",
      description: "Drafts a reply to a support ticket.",
    },
  });
  const version = await tx.promptVersion.create({
    data: {
      workspaceId,
      promptId: prompt.id,
      version: 1,
      template: TRIAGE_PROMPT,
      model: { connection: "simulated", model: "sim-small" },
      parameters: { temperature: 0.3 },
      message: "Example prompt",
      authorId: userId,
    },
  });
  await tx.promptLabel.create({
    data: {
      workspaceId,
      promptId: prompt.id,
      name: "production",
      versionId: version.id,
      protected: true,
    },
  });
  await tx.flow.create({
    data: {
      workspaceId,
      name: "Support reply (example)",
      description: "Drafts a reply to a support ticket with the managed prompt support-reply.",
      graph: exampleGraph(),
      createdById: userId,
    },
  });
  if (openai) {
    await tx.modelConnection.create({
      data: {
        workspaceId,
        name: "openai",
        provider: "openai",
        baseUrl: openai.baseUrl,
        encryptedApiKey: openai.encryptedApiKey,
        models: ["gpt-4o-mini", "gpt-4o"],
      },
    });
  }
}
