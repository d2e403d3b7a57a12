import { Annotation, END, START, StateGraph } from "@langchain/langgraph";

const ChainState = Annotation.Root({ value: Annotation<unknown>() });

const FanOutState = Annotation.Root({
  value: Annotation<unknown>(),
  branches: Annotation<unknown[]>({ reducer: (a, b) => a.concat(b), default: () => [] }),
});

/** The peer's compiled graph and how to invoke it. */
export interface PeerGraph {
  invoke(value: unknown): Promise<unknown>;
}

/** A LangGraph StateGraph (no checkpointer) of `length` trivial nodes in a chain. */
export function peerChain(length: number): PeerGraph {
  const graph = new StateGraph(ChainState);
  const ids = Array.from({ length }, (_, i) => `n${i}`);
  for (const id of ids) graph.addNode(id, (state) => ({ value: state.value }));
  // LangGraph types edges by the literal node names; the names here are built at run time.
  const edges = graph as unknown as { addEdge(from: string, to: string): void };
  edges.addEdge(START, ids[0]!);
  for (let i = 1; i < length; i++) edges.addEdge(ids[i - 1]!, ids[i]!);
  edges.addEdge(ids[length - 1]!, END);
  const compiled = graph.compile();
  const options = { recursionLimit: length + 10 };
  return {
    invoke: async (value) => (await compiled.invoke({ value }, options)).value,
  };
}

/** input -> `width` parallel trivial nodes -> a join node with a reducer -> output. */
export function peerFanOut(width: number): PeerGraph {
  const branches = Array.from({ length: width }, (_, i) => `b${i}`);
  const graph = new StateGraph(FanOutState)
    .addNode("input", (state) => ({ value: state.value }))
    .addNode("merge", (state) => ({ value: state.branches }))
    .addNode("output", (state) => ({ value: state.value }));
  for (const id of branches) graph.addNode(id, (state) => ({ branches: [state.value] }));
  const edges = graph as unknown as {
    addEdge(from: string | string[], to: string): void;
  };
  edges.addEdge(START, "input");
  for (const id of branches) edges.addEdge("input", id);
  edges.addEdge(branches, "merge");
  edges.addEdge("merge", "output");
  edges.addEdge("output", END);
  const compiled = graph.compile();
  const options = { recursionLimit: 20 };
  return {
    invoke: async (value) => (await compiled.invoke({ value }, options)).value,
  };
}
