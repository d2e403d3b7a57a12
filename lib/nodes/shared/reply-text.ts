/**
 * The assistant message a chat-mode run output makes (the editor's chat and the OpenAI-compatible
 * API): text as it is, else a text-like field, else JSON.
 */
export function replyText(output: unknown): string {
  if (typeof output === "string") return output;
  if (typeof output === "object" && output !== null) {
    for (const key of ["text", "content", "answer", "reply"]) {
      const value = (output as Record<string, unknown>)[key];
      if (typeof value === "string") return value;
    }
  }
  return JSON.stringify(output, null, 2) ?? "";
}
