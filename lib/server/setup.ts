import { createFirstAdmin } from "@/lib/db/setup";
import { anyUserExists } from "@/lib/db/users";
import type { setupSchema } from "@/lib/schemas/identity";
import type { z } from "zod";
import { getConfig } from "./config";
import { encryptSecret } from "./crypto";
import { errors } from "./errors";
import { exampleContent } from "./examples";
import { hashPassword } from "./passwords";

/** True once the first admin exists; /setup is closed from then on. */
export function hasAnyUser(): Promise<boolean> {
  return anyUserExists();
}

/**
 * Creates the first admin and an example workspace (example content, the Simulated
 * connection, and an OpenAI connection when OPENAI_API_KEY is set) in one transaction.
 * Refused with 409 once any user exists.
 */
export async function completeSetup(
  input: z.output<typeof setupSchema>,
): Promise<{ userId: string; workspaceId: string }> {
  if (await anyUserExists()) throw errors.conflict("Setup is already complete. Sign in instead.");
  const config = getConfig();
  const result = await createFirstAdmin({
    name: input.name,
    email: input.email,
    passwordHash: await hashPassword(input.password),
    workspaceName: input.workspaceName,
    examples: {
      ...exampleContent(config.publicUrl),
      openai: config.openaiApiKey
        ? {
            encryptedApiKey: encryptSecret(config.openaiApiKey),
            baseUrl: config.openaiBaseUrl ?? null,
          }
        : undefined,
    },
  });
  if (!result) throw errors.conflict("Setup is already complete. Sign in instead.");
  return result;
}
