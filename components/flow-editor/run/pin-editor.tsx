"use client";

import { Pin, PinOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { FlowNode } from "@/lib/engine";
import { nodePorts } from "../graph-ops";
import { JsonField } from "../json-field";

/** `node` with its outputs pinned, or unpinned when `outputs` is undefined. */
export function withPin(node: FlowNode, outputs: Record<string, unknown> | undefined): FlowNode {
  if (outputs) return { ...node, pin: { outputs } };
  const copy = { ...node };
  delete copy.pin;
  return copy;
}

/**
 * A node's pinned output: one JSON editor per output port, typed by hand or taken from a run.
 * Draft runs use the pinned values instead of executing the node; versions never keep pins.
 */
export function PinEditor({
  node,
  onChange,
}: {
  node: FlowNode;
  onChange: (update: (node: FlowNode) => FlowNode, coalesceKey: string) => void;
}) {
  const ports = nodePorts(node).outputs;
  if (ports.length === 0) return null;
  const pinned = node.pin?.outputs;
  const portNames = [...new Set([...ports.map((p) => p.name), ...Object.keys(pinned ?? {})])];
  const labelOf = (name: string) => ports.find((p) => p.name === name)?.label ?? name;

  return (
    <section
      aria-labelledby="pin-heading"
      className="mt-4 flex flex-col gap-3 border-t pt-4"
      data-testid="pin-editor"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id="pin-heading" className="flex items-center gap-1.5 text-sm font-semibold">
          <Pin className="size-3.5" aria-hidden />
          {pinned ? "Pinned output" : "Pin output"}
        </h3>
        {pinned ? (
          <Button
            size="sm"
            variant="outline"
            onClick={() => onChange((n) => withPin(n, undefined), "unpin")}
          >
            <PinOff aria-hidden />
            Unpin
          </Button>
        ) : (
          <Button
            size="sm"
            variant="outline"
            onClick={() =>
              onChange(
                (n) => withPin(n, Object.fromEntries(ports.map((p) => [p.name, null]))),
                "pin",
              )
            }
          >
            <Pin aria-hidden />
            Pin by hand
          </Button>
        )}
      </div>
      <p className="text-xs text-muted-foreground">
        Runs of the draft use pinned values instead of running the node, so you can work on what
        follows it without new model calls. Saved versions never keep pins.
      </p>
      {pinned &&
        portNames.map((name) => (
          <JsonField
            key={`${name}:${JSON.stringify(pinned[name]) ?? ""}`}
            id={`pin-${node.id}-${name}`.replace(/[^A-Za-z0-9_-]/g, "_")}
            label={`${labelOf(name)} (JSON)`}
            hint={`Port ${name}`}
            value={pinned[name] ?? null}
            onChange={(value) =>
              onChange(
                (n) =>
                  withPin(n, { ...n.pin?.outputs, [name]: value === undefined ? null : value }),
                `pin:${name}`,
              )
            }
          />
        ))}
    </section>
  );
}
