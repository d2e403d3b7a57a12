import { z } from "zod";

/** Most messages one chat completion may carry (the Input node's chat limit). */
export const MAX_CHAT_MESSAGES = 1_000;

const partSchema = z
  .object({ type: z.string(), text: z.string().optional() })
  .loose()
  .refine((part) => part.type === "text" && part.text !== undefined, {
    message: "Only text content parts are supported",
  });

const contentSchema = z
  .union([z.string(), z.array(partSchema), z.null()])
  .optional()
  .transform((content) =>
    Array.isArray(content) ? content.map((part) => part.text ?? "").join("") : (content ?? ""),
  );

const messageSchema = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant", "tool"], {
      error: "Use system, developer, user, assistant or tool",
    }),
    content: contentSchema,
  })
  .transform(({ role, content }) => ({
    role: role === "developer" ? ("system" as const) : role,
    content,
  }));

/**
 * POST /api/v1/chat/completions, OpenAI's request shape: `model` is an endpoint slug whose flow
 * has a chat Input node and `messages` become its input (`developer` turns into `system`, text
 * parts are joined). Sampling options (temperature, max_tokens ...) are accepted and ignored: the
 * flow's own nodes set them. Only one choice (`n`) is made.
 */
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1).max(200),
  messages: z.array(messageSchema).min(1).max(MAX_CHAT_MESSAGES),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  n: z.literal(1, { error: "Only n=1 is supported" }).nullish(),
});
