"use client";

import { MessageSquarePlus, Send } from "lucide-react";
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { errorText } from "@/components/flows/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { FlowGraph } from "@/lib/engine";
import { replyNodeIds, replyText, streamedReply, type ChatMessage } from "./chat";
import type { EditorRun } from "./use-editor-run";
import { useChatHistory } from "./use-chat-history";

function Bubble({ message, testId }: { message: ChatMessage; testId: string }) {
  const user = message.role === "user";
  return (
    <li
      data-testid={testId}
      data-role={message.role}
      className={cn("flex flex-col gap-0.5", user ? "items-end" : "items-start")}
    >
      <span className="text-[11px] font-medium text-muted-foreground">
        {user ? "You" : "Assistant"}
      </span>
      <p
        className={cn(
          "max-w-[90%] rounded-lg px-3 py-2 text-sm break-words whitespace-pre-wrap",
          user ? "bg-primary text-primary-foreground" : "border bg-muted/40",
        )}
      >
        {message.content || "…"}
      </p>
    </li>
  );
}

/**
 * A conversation with a chat-mode flow: each message runs the flow with the history so far;
 * the reply streams from the LLM node feeding the Output, and the history lasts for the
 * browser session.
 */
export function ChatPane({
  flowId,
  graph,
  run,
  versionId,
  disabled,
}: {
  flowId: string;
  graph: FlowGraph;
  run: EditorRun;
  versionId?: string;
  disabled: boolean;
}) {
  const [history, setHistory] = useChatHistory(flowId);
  const [text, setText] = useState("");
  const [pending, setPending] = useState<{ runId: string | null; content: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const replyIds = useMemo(() => replyNodeIds(graph), [graph]);
  const live = pending?.runId && run.live?.runId === pending.runId ? run.live : null;

  // The run this pane started has settled: its reply joins the history (adjusted while rendering).
  if (pending && live?.persisted) {
    setPending(null);
    if (live.status === "succeeded") {
      const reply = replyText(live.output);
      setHistory((h) => [
        ...h,
        { role: "user", content: pending.content },
        { role: "assistant", content: reply },
      ]);
    } else {
      setFailure(errorText(live.error) ?? `The run ended ${live.status}.`);
      setText(pending.content);
    }
  }

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const content = text.trim();
    if (!content || pending || disabled) return;
    setFailure(null);
    setText("");
    setPending({ runId: null, content });
    const runId = await run.start({
      input: { messages: [...history, { role: "user", content }] },
      versionId,
    });
    if (runId) {
      setPending({ runId, content });
    } else {
      setPending(null);
      setText(content);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const streamed = streamedReply(live, replyIds);
  const log = useRef<HTMLDivElement>(null);
  // Keeps the newest message in view as the history grows and the reply streams in.
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [history.length, pending, streamed]);
  return (
    <section aria-labelledby="chat-heading" className="flex flex-col gap-3" data-testid="chat-pane">
      <div className="flex items-center justify-between gap-2">
        <h3 id="chat-heading" className="text-sm font-semibold">
          Conversation
        </h3>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          disabled={(history.length === 0 && !failure) || pending !== null}
          onClick={() => {
            setHistory(() => []);
            setFailure(null);
          }}
        >
          <MessageSquarePlus aria-hidden />
          New chat
        </Button>
      </div>
      <div
        ref={log}
        role="log"
        aria-label="Conversation"
        tabIndex={0}
        className="max-h-96 min-h-24 overflow-y-auto rounded-md border p-3 focus-visible:outline-2 focus-visible:outline-ring"
      >
        {history.length === 0 && !pending ? (
          <p className="text-sm text-muted-foreground">
            Send a message: the flow runs with the conversation so far as its input.
          </p>
        ) : (
          <ol className="flex flex-col gap-3">
            {history.map((message, index) => (
              <Bubble key={index} message={message} testId="chat-message" />
            ))}
            {pending && (
              <>
                <Bubble
                  message={{ role: "user", content: pending.content }}
                  testId="chat-message"
                />
                <Bubble
                  message={{ role: "assistant", content: streamed }}
                  testId="chat-streaming"
                />
              </>
            )}
          </ol>
        )}
      </div>
      {failure && (
        <p role="alert" className="text-sm text-danger">
          {failure}
        </p>
      )}
      <form className="flex flex-col gap-2" onSubmit={(event) => void send(event)}>
        <Label htmlFor="chat-message">Message</Label>
        <Textarea
          id="chat-message"
          className="min-h-16 text-sm"
          value={text}
          placeholder="Type a message; Enter sends, Shift+Enter starts a new line"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <Button type="submit" disabled={disabled || pending !== null || text.trim() === ""}>
          {pending ? <Spinner /> : <Send aria-hidden />}
          {pending ? "Replying…" : "Send"}
        </Button>
      </form>
    </section>
  );
}
