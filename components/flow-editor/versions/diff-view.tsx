import { Minus, Plus } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { FlowEdge } from "@/lib/engine";
import type { DiffNode, FlowDiff } from "@/lib/schemas/flows";
import { diffSummary, isEmptyDiff, type NodeInfo } from "./diff-format";
import { FieldChange } from "./field-change";

/** A titled part of the diff, left out when it has nothing to list. */
function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section className="flex flex-col gap-2" aria-label={title}>
      <h3 className="text-sm font-semibold">
        {title} <span className="font-normal text-muted-foreground">({count})</span>
      </h3>
      <ul className="flex flex-col gap-2">{children}</ul>
    </section>
  );
}

/** A node as text: its label and, muted, its type. */
function NodeName({ label, type }: { label: string; type?: string }) {
  return (
    <span className="min-w-0">
      <span className="font-medium break-words" data-testid="diff-node-label">
        {label}
      </span>
      {type && (
        <Badge variant="outline" className="ml-2 font-mono">
          {type}
        </Badge>
      )}
    </span>
  );
}

function NodeRow({ node, kind }: { node: DiffNode; kind: "added" | "removed" }) {
  const Icon = kind === "added" ? Plus : Minus;
  return (
    <li className="flex items-center gap-2 rounded-md border px-3 py-2 text-sm" data-kind={kind}>
      <Icon
        className={kind === "added" ? "size-4 text-green-600" : "size-4 text-red-600"}
        aria-hidden
      />
      <NodeName label={node.label || node.id} type={node.type} />
    </li>
  );
}

/** An edge by the labels of its nodes and its ports: "Classify (billing) -> Reply (in)". */
function EdgeRow({
  edge,
  kind,
  nodes,
}: {
  edge: FlowEdge;
  kind: "added" | "removed";
  nodes: Map<string, NodeInfo>;
}) {
  const end = (nodeId: string, port: string) => (
    <span>
      <span className="font-medium break-words">{nodes.get(nodeId)?.label ?? nodeId}</span>{" "}
      <code className="text-xs text-muted-foreground">({port})</code>
    </span>
  );
  const Icon = kind === "added" ? Plus : Minus;
  return (
    <li
      className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border px-3 py-2 text-sm"
      data-testid="diff-edge"
      data-kind={kind}
    >
      <Icon
        className={kind === "added" ? "size-4 text-green-600" : "size-4 text-red-600"}
        aria-hidden
      />
      {end(edge.source, edge.sourcePort)}
      <span aria-hidden>→</span>
      <span className="sr-only">to</span>
      {end(edge.target, edge.targetPort)}
    </li>
  );
}

/** What changed between two sides of a flow, readable: nodes, their fields, then edges. */
export function DiffView({ diff, nodes }: { diff: FlowDiff; nodes: Map<string, NodeInfo> }) {
  if (isEmptyDiff(diff))
    return (
      <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
        No differences: both sides have the same nodes, settings and edges (positions aside).
      </p>
    );
  return (
    <div className="flex flex-col gap-5" data-testid="flow-diff">
      <p className="text-sm text-muted-foreground" role="status">
        {diffSummary(diff)}
      </p>
      <Section title="Changed nodes" count={diff.nodes.changed.length}>
        {diff.nodes.changed.map((node) => (
          <li
            key={node.id}
            className="flex flex-col gap-3 rounded-md border px-3 py-2.5"
            data-testid="diff-changed-node"
          >
            <NodeName label={node.label || node.id} type={nodes.get(node.id)?.type} />
            <ul className="flex flex-col gap-3">
              {node.fields.map((field) => (
                <FieldChange key={field.path} field={field} />
              ))}
            </ul>
          </li>
        ))}
      </Section>
      <Section title="Added nodes" count={diff.nodes.added.length}>
        {diff.nodes.added.map((node) => (
          <NodeRow key={node.id} node={node} kind="added" />
        ))}
      </Section>
      <Section title="Removed nodes" count={diff.nodes.removed.length}>
        {diff.nodes.removed.map((node) => (
          <NodeRow key={node.id} node={node} kind="removed" />
        ))}
      </Section>
      <Section title="Added edges" count={diff.edges.added.length}>
        {diff.edges.added.map((edge) => (
          <EdgeRow key={edge.id} edge={edge} kind="added" nodes={nodes} />
        ))}
      </Section>
      <Section title="Removed edges" count={diff.edges.removed.length}>
        {diff.edges.removed.map((edge) => (
          <EdgeRow key={edge.id} edge={edge} kind="removed" nodes={nodes} />
        ))}
      </Section>
    </div>
  );
}
