import { abortableSleep, runAttempt } from "./attempt";
import { compileFlow, type CompiledFlow, type CompiledNode } from "./compile";
import type { NodeResult, NodeTrace } from "./define-node";
import { NodeError, toErrorInfo, type ErrorInfo } from "./errors";
import type { EngineListener } from "./events";
import { effectivePolicy, onErrorOutputs, retryDelayMs, type EffectivePolicy } from "./policy";
import type { EnginePorts, RunFlowOptions, RunResult } from "./run-types";
import type { SettledNode } from "./state";

export type { EnginePorts, RunFlowOptions, RunResult };

const ENTRY_PORT = "input";

/**
 * Runs a compiled flow: ready nodes run concurrently, untaken branches are skipped, and a pinned
 * node that becomes ready settles with its pinned outputs instead of executing.
 */
export async function runFlow(options: RunFlowOptions): Promise<RunResult> {
  return new FlowRun(options).run();
}

type EdgeState = { settled: false } | { settled: true; skipped: boolean; value?: unknown };

class FlowRun {
  private readonly flow: CompiledFlow;
  private readonly emit: EngineListener | undefined;
  private readonly controller = new AbortController();
  private readonly edges = new Map<string, EdgeState>();
  private readonly pendingEdges = new Map<string, number>();
  private readonly settled: Record<string, SettledNode>;
  private readonly waiting: { nodeId: string; payload: unknown }[] = [];
  private readonly ready: CompiledNode[] = [];
  private readonly scheduled = new Set<string>();
  /** Steps that succeeded since the last wait for durability (see {@link durable}). */
  private readonly undurable: string[] = [];
  private durability: Promise<void> = Promise.resolve();
  private running = 0;
  private failure: (ErrorInfo & { nodeId?: string }) | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly options: RunFlowOptions) {
    this.flow = options.compiled ?? compileFlow(options.graph, options.registry);
    this.emit = options.onEvent;
    this.settled = { ...options.resume?.settled };
    const signal = options.signal;
    if (signal?.aborted) this.controller.abort(signal.reason);
    else
      signal?.addEventListener("abort", () => this.controller.abort(signal.reason), { once: true });
  }

  async run(): Promise<RunResult> {
    const problem = this.flow.problems[0];
    if (problem)
      return this.finish({
        status: "failed",
        error: { code: problem.code, message: problem.message, nodeId: problem.nodeId },
      });
    this.emit?.({ type: "run.started", runId: this.options.runId });
    for (const [id, node] of this.flow.nodes) {
      let count = 0;
      for (const list of node.incoming.values()) count += list.length;
      this.pendingEdges.set(id, count);
      for (const edge of node.outgoing) this.edges.set(edge.id, { settled: false });
    }
    this.seedReused();
    for (const [id, settled] of Object.entries(this.settled)) this.settleOutgoing(id, settled);
    for (const [id, node] of this.flow.nodes) {
      if (this.pendingEdges.get(id) === 0 && !this.settled[id]) this.onReady(node);
    }
    await this.drain();
    return this.conclude();
  }

  /** Reported before anything runs, so live views colour reused nodes at once. */
  private seedReused(): void {
    for (const [id, result] of Object.entries(this.options.reused ?? {})) {
      const node = this.flow.nodes.get(id);
      if (!node || node.node.pin || this.settled[id]) continue;
      this.settled[id] = result;
      this.emit?.(
        result.status === "skipped"
          ? { type: "node.skipped", nodeId: id, source: "reused" }
          : {
              type: "node.succeeded",
              nodeId: id,
              attempt: 1,
              outputs: result.outputs,
              latencyMs: 0,
              source: "reused",
            },
      );
    }
  }

  private async drain(): Promise<void> {
    const limit = Math.max(1, this.options.concurrency ?? 16);
    for (;;) {
      while (this.ready.length > 0 && this.running < limit && !this.stopped()) {
        const node = this.ready.shift()!;
        this.running++;
        void this.execute(node).finally(() => {
          this.running--;
          this.wake?.();
        });
      }
      if (this.running === 0 && (this.ready.length === 0 || this.stopped())) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private stopped(): boolean {
    return this.failure !== undefined || this.controller.signal.aborted;
  }

  private onReady(node: CompiledNode): void {
    if (this.scheduled.has(node.node.id)) return;
    this.scheduled.add(node.node.id);
    if (this.shouldSkip(node)) {
      this.settled[node.node.id] = { status: "skipped" };
      this.emit?.({ type: "node.skipped", nodeId: node.node.id });
      this.settleOutgoing(node.node.id, { status: "skipped" });
      return;
    }
    const pin = node.node.pin;
    if (pin) {
      const outputs = pin.outputs;
      this.emit?.({
        type: "node.succeeded",
        nodeId: node.node.id,
        attempt: 1,
        outputs,
        latencyMs: 0,
        source: "pinned",
      });
      this.complete(node.node.id, outputs);
      return;
    }
    this.ready.push(node);
  }

  private shouldSkip(node: CompiledNode): boolean {
    if (node.incoming.size === 0) return false;
    let anyArrived = false;
    for (const port of node.ports.inputs) {
      const edges = node.incoming.get(port.name);
      if (!edges) continue;
      const arrived = edges.some((e) => !(this.edges.get(e.id) as { skipped: boolean }).skipped);
      anyArrived ||= arrived;
      if (!arrived && port.required !== false && !node.definition.capabilities?.acceptsSkipped)
        return true;
    }
    return !anyArrived;
  }

  private settleOutgoing(nodeId: string, result: SettledNode): void {
    const node = this.flow.nodes.get(nodeId);
    if (!node) return;
    for (const edge of node.outgoing) {
      const emitted =
        result.status === "succeeded" && Object.hasOwn(result.outputs, edge.sourcePort);
      this.edges.set(
        edge.id,
        emitted
          ? {
              settled: true,
              skipped: false,
              value: (result as { outputs: Record<string, unknown> }).outputs[edge.sourcePort],
            }
          : { settled: true, skipped: true },
      );
      const left = this.pendingEdges.get(edge.target)! - 1;
      this.pendingEdges.set(edge.target, left);
      if (left === 0 && !this.settled[edge.target]) this.onReady(this.flow.nodes.get(edge.target)!);
    }
  }

  private inputsOf(node: CompiledNode): Record<string, unknown> {
    if (node.definition.capabilities?.entry) return { [ENTRY_PORT]: this.options.input };
    const inputs: Record<string, unknown> = {};
    for (const port of node.ports.inputs) {
      const edges = node.incoming.get(port.name);
      if (!edges) continue;
      const values = edges.flatMap((e) => {
        const state = this.edges.get(e.id) as { skipped: boolean; value?: unknown };
        return state.skipped ? [] : [state.value];
      });
      if (port.multiple) inputs[port.name] = values;
      else if (values.length > 0) inputs[port.name] = values[0];
    }
    return inputs;
  }

  private async execute(node: CompiledNode): Promise<void> {
    const id = node.node.id;
    if (!node.definition.capabilities?.pure && (!(await this.durable()) || this.stopped())) return;
    const policy = effectivePolicy(node.node.policy);
    const inputs = this.inputsOf(node);
    const first = this.options.resume?.nextAttempt?.[id] ?? 1;
    for (let attempt = first; ; attempt++) {
      this.emit?.({ type: "node.started", nodeId: id, attempt, inputs });
      const started = performance.now();
      try {
        const result = await this.attempt(node, policy, inputs, attempt);
        const latencyMs = Math.round(performance.now() - started);
        if ("suspend" in result) {
          this.waiting.push({ nodeId: id, payload: result.suspend.payload });
          this.emit?.({
            type: "node.waiting",
            nodeId: id,
            attempt,
            payload: result.suspend.payload,
            trace: result.trace,
          });
          return;
        }
        this.emit?.({
          type: "node.succeeded",
          nodeId: id,
          attempt,
          outputs: result.outputs,
          trace: result.trace,
          latencyMs,
        });
        this.completeStep(node, result.outputs);
        return;
      } catch (error) {
        const latencyMs = Math.round(performance.now() - started);
        const info = toErrorInfo(error);
        const trace =
          error instanceof NodeError
            ? (error.options.details as { trace?: NodeTrace } | undefined)?.trace
            : undefined;
        const retriesUsed = attempt - first;
        const canRetry =
          retriesUsed < policy.retries &&
          !this.stopped() &&
          !(error instanceof NodeError && !error.retryable);
        if (canRetry) {
          this.emit?.({
            type: "node.failed",
            nodeId: id,
            attempt,
            error: info,
            trace,
            latencyMs,
            final: false,
          });
          const retryAfter = error instanceof NodeError ? error.options.retryAfterMs : undefined;
          const delayMs = retryDelayMs(
            policy,
            retriesUsed + 1,
            this.options.random ?? Math.random,
            retryAfter,
          );
          this.emit?.({ type: "node.retrying", nodeId: id, attempt, delayMs, error: info });
          await (this.options.sleep ?? abortableSleep)(delayMs, this.controller.signal);
          if (this.stopped()) return;
          continue;
        }
        const handled = this.controller.signal.aborted
          ? undefined
          : onErrorOutputs(node, policy, info);
        this.emit?.({
          type: "node.failed",
          nodeId: id,
          attempt,
          error: info,
          trace,
          latencyMs,
          final: true,
          handledOutputs: handled,
        });
        if (handled) this.completeStep(node, handled);
        else if (!this.controller.signal.aborted) this.fail({ ...info, nodeId: id });
        return;
      }
    }
  }

  /** The first failure ends the run: other nodes in flight are aborted. */
  private fail(error: ErrorInfo & { nodeId?: string }): void {
    this.failure ??= error;
    this.controller.abort(new Error("run failed"));
  }

  /** Lets dependents run; the step waits for durability in {@link durable} unless it is pure. */
  private completeStep(node: CompiledNode, outputs: Record<string, unknown>): void {
    if (this.options.checkpoint && !node.definition.capabilities?.pure)
      this.undurable.push(node.node.id);
    this.complete(node.node.id, outputs);
  }

  /**
   * Waits until every step that succeeded so far is durable, before a node with side effects
   * starts: a crash then never repeats a side effect built on a result that was lost. Pure nodes
   * go on without it, and the steps that end the run are left to the run's settle. False (and the
   * run failed) when a checkpoint failed.
   */
  private async durable(): Promise<boolean> {
    const checkpoint = this.options.checkpoint;
    const steps = this.undurable.splice(0);
    if (checkpoint && steps.length > 0) {
      const before = this.durability;
      this.durability = before.then(async () => {
        for (const nodeId of steps) {
          await checkpoint(nodeId).catch((error: unknown) => {
            throw Object.assign(toErrorInfo(error), { code: "persistence_failed", nodeId });
          });
        }
      });
    }
    try {
      await this.durability;
      return true;
    } catch (error) {
      this.fail(error as ErrorInfo & { nodeId: string });
      return false;
    }
  }

  private complete(nodeId: string, outputs: Record<string, unknown>): void {
    const result: SettledNode = { status: "succeeded", outputs };
    this.settled[nodeId] = result;
    this.settleOutgoing(nodeId, result);
  }

  private attempt(
    node: CompiledNode,
    policy: EffectivePolicy,
    inputs: Record<string, unknown>,
    attempt: number,
  ): Promise<NodeResult> {
    const id = node.node.id;
    const emit = this.emit;
    return runAttempt({
      node,
      inputs,
      runSignal: this.controller.signal,
      timeoutMs: policy.timeoutMs,
      context: {
        ...this.options.ports,
        runId: this.options.runId,
        nodeId: id,
        attempt,
        idempotencyKey: `${this.options.runId}:${id}:${attempt}`,
        decision: this.options.resume?.decisions?.[id],
        emitToken: emit
          ? (token) => emit({ type: "node.token", nodeId: id, attempt, token })
          : () => undefined,
      },
    });
  }

  private conclude(): RunResult {
    if (this.controller.signal.aborted && !this.failure) {
      this.emit?.({ type: "run.cancelled" });
      return this.finish({ status: "cancelled" });
    }
    if (this.failure) {
      this.emit?.({ type: "run.failed", error: this.failure, nodeId: this.failure.nodeId });
      return this.finish({ status: "failed", error: this.failure });
    }
    if (this.waiting.length > 0) {
      this.emit?.({ type: "run.waiting", nodeIds: this.waiting.map((w) => w.nodeId) });
      return this.finish({ status: "waiting" });
    }
    const output = this.output();
    this.emit?.({ type: "run.succeeded", output });
    return this.finish({ status: "succeeded", output });
  }

  /** The value of the Output node that ran; several ran: an object by label. */
  private output(): unknown {
    const values: [string, unknown][] = [];
    for (const [id, node] of this.flow.nodes) {
      const settled = this.settled[id];
      if (node.definition.capabilities?.exit && settled?.status === "succeeded") {
        values.push([node.node.label || id, settled.outputs.value]);
      }
    }
    return values.length === 1 ? values[0]![1] : Object.fromEntries(values);
  }

  private finish(partial: Omit<RunResult, "settled" | "waiting">): RunResult {
    return { ...partial, settled: this.settled, waiting: this.waiting };
  }
}
