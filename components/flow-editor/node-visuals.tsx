import {
  Box,
  Braces,
  FileText,
  Globe,
  Layers,
  LogIn,
  LogOut,
  Merge,
  ShieldCheck,
  Sparkles,
  Split,
  Tags,
  UserCheck,
  type LucideIcon,
} from "lucide-react";
import type { NodeUi, PortType } from "@/lib/engine";

const ICONS: Record<string, LucideIcon> = {
  braces: Braces,
  "file-text": FileText,
  globe: Globe,
  layers: Layers,
  "log-in": LogIn,
  "log-out": LogOut,
  merge: Merge,
  "shield-check": ShieldCheck,
  sparkles: Sparkles,
  split: Split,
  tags: Tags,
  "user-check": UserCheck,
};

/** The lucide icon a node type names in its `ui.icon` (a box when unknown). */
export function NodeIcon({ name, className }: { name: string | undefined; className?: string }) {
  const Icon = (name && ICONS[name]) || Box;
  return <Icon className={className} aria-hidden />;
}

/** Palette categories in display order. */
export const CATEGORIES: { id: NodeUi["category"]; label: string }[] = [
  { id: "io", label: "Input and output" },
  { id: "model", label: "Models" },
  { id: "logic", label: "Logic" },
  { id: "guardrail", label: "Guardrails" },
  { id: "data", label: "Data" },
  { id: "tool", label: "Tools" },
  { id: "human", label: "People" },
];

/** Accent per category (the node header stripe). */
export const CATEGORY_ACCENT: Record<NodeUi["category"], string> = {
  io: "bg-slate-500",
  model: "bg-violet-500",
  logic: "bg-sky-500",
  guardrail: "bg-amber-500",
  data: "bg-emerald-500",
  tool: "bg-orange-500",
  human: "bg-pink-500",
};

/** Handle colour per port type (CSS colours, so they also work inside React Flow's SVG). */
export const PORT_COLOURS: Record<PortType, string> = {
  text: "#0ea5e9",
  json: "#f59e0b",
  messages: "#8b5cf6",
  number: "#10b981",
  boolean: "#f43f5e",
  any: "#71717a",
};
