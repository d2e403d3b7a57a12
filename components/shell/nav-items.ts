import {
  ChartPie,
  ClipboardList,
  Coins,
  FileText,
  Globe,
  KeyRound,
  KeySquare,
  Play,
  Plug,
  Server,
  ShieldCheck,
  Stamp,
  Users,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import type { ComponentType } from "react";
import { ApprovalsNavBadge } from "@/components/approvals/approvals-nav-badge";
import type { Action } from "@/lib/server/permissions";

/** One sidebar destination. */
export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Shown only to roles granted this action. */
  permission?: Action;
  /** A count shown after the label (for example what waits in the Approvals inbox). */
  badge?: ComponentType<{ workspaceId: string }>;
}

/** The main destinations, in sidebar order. */
export const MAIN_NAV: NavItem[] = [
  { href: "/flows", label: "Flows", icon: Workflow },
  { href: "/runs", label: "Runs", icon: Play },
  { href: "/costs", label: "Costs", icon: Coins },
  { href: "/prompts", label: "Prompts", icon: FileText },
  { href: "/approvals", label: "Approvals", icon: ShieldCheck, badge: ApprovalsNavBadge },
  { href: "/audit", label: "Audit log", icon: ClipboardList, permission: "audit.read" },
  { href: "/endpoints", label: "Endpoints", icon: Globe },
];

/** The Settings group. */
export const SETTINGS_NAV: NavItem[] = [
  { href: "/settings/members", label: "Members", icon: Users },
  { href: "/settings/connections", label: "Model connections", icon: Plug },
  { href: "/settings/secrets", label: "Secrets", icon: KeyRound },
  { href: "/settings/api-keys", label: "API keys", icon: KeySquare },
  { href: "/settings/usage", label: "Usage & data", icon: ChartPie },
  { href: "/settings/approvals", label: "Approval policy", icon: Stamp },
  { href: "/settings/system", label: "System", icon: Server, permission: "policy.manage" },
];
