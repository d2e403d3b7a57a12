import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/engine";
import { replyNodeIds, replyText, streamedReply } from "./chat";
import { applyRunEvent, startedRun } from "./live-run";

const node = (id: string, type: string) => ({
  id,
  type,
  typeVersion: 1,
  label: "",
  config: {},
  policy: {},
  position: { x: 0, y: 0 },
});
const edge = (source: string, target: string) => ({
  id: `${source}-${target}`,
  source,
  sourcePort: "out",
  target,
  targetPort: "in",
});

describe("chat", () => {
  it("finds the LLM nodes whose answer reaches the Output, not the ones before them", () => {
    const graph: FlowGraph = {
      nodes: [
        node("in", "input"),
        node("plan", "llm"),
        node("t", "template"),
        node("reply", "llm"),
        node("out", "output"),
      ],
      edges: [edge("in", "plan"), edge("plan", "reply"), edge("reply", "t"), edge("t", "out")],
    };
    expect(replyNodeIds(graph)).toEqual(["reply"]);
  });

  it("streams the running reply node's tokens", () => {
    let run = startedRun("r", ["reply"]);
    expect(streamedReply(run, ["reply"])).toBe("");
    run = applyRunEvent(run, "node.started", { nodeId: "reply", attempt: 1 });
    run = applyRunEvent(run, "node.token", { nodeId: "reply", attempt: 1, token: "Hi " });
    run = applyRunEvent(run, "node.token", { nodeId: "reply", attempt: 1, token: "there" });
    expect(streamedReply(run, ["reply"])).toBe("Hi there");
  });

  it("turns an output into the assistant message", () => {
    expect(replyText("Hello")).toBe("Hello");
    expect(replyText({ text: "Hi", tier: "cheap" })).toBe("Hi");
    expect(replyText({ n: 1 })).toBe('{\n  "n": 1\n}');
  });
});
