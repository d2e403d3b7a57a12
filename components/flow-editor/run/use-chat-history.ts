"use client";

import { useCallback, useState } from "react";
import type { ChatMessage } from "./chat";

const storageKey = (flowId: string) => `trellis.chat.${flowId}`;

function isChatMessage(value: unknown): value is ChatMessage {
  const message = value as ChatMessage | null;
  return (
    (message?.role === "user" || message?.role === "assistant") &&
    typeof message.content === "string"
  );
}

function read(flowId: string): ChatMessage[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(storageKey(flowId)) ?? "[]");
    return Array.isArray(stored) ? stored.filter(isChatMessage) : [];
  } catch {
    return [];
  }
}

/** A flow's chat history, kept in sessionStorage so it lasts for the browser tab's session. */
export function useChatHistory(flowId: string) {
  const [history, setState] = useState<ChatMessage[]>(() => read(flowId));
  const setHistory = useCallback(
    (update: (history: ChatMessage[]) => ChatMessage[]) =>
      setState((current) => {
        const next = update(current);
        try {
          sessionStorage.setItem(storageKey(flowId), JSON.stringify(next));
        } catch {
          // Storage full or disabled: the history still lasts while the editor is open.
        }
        return next;
      }),
    [flowId],
  );
  return [history, setHistory] as const;
}
