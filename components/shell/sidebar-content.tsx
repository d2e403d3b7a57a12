"use client";

import Link from "next/link";
import { Wordmark } from "@/components/brand/wordmark";
import { MainNav } from "@/components/shell/main-nav";
import type { ShellContext } from "@/components/shell/shell-types";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";

/** Everything inside the sidebar: wordmark, workspace switcher, navigation, user menu. */
export function SidebarContent({
  context,
  onNavigate,
}: {
  context: ShellContext;
  onNavigate?: () => void;
}) {
  return (
    <div className="flex h-full flex-col gap-4 p-3">
      <Link
        href="/flows"
        onClick={onNavigate}
        className="flex h-9 items-center rounded-md px-2 focus-visible:outline-2 focus-visible:outline-ring"
        aria-label="Trellis home"
      >
        <Wordmark />
      </Link>
      <WorkspaceSwitcher workspace={context.workspace} workspaces={context.workspaces} />
      <div className="-mx-3 flex-1 overflow-y-auto px-3">
        <MainNav
          workspaceId={context.workspace.id}
          permissions={context.permissions}
          onNavigate={onNavigate}
        />
      </div>
      <div className="flex items-center gap-1 border-t pt-3">
        <UserMenu user={context.user} />
        <ThemeToggle />
      </div>
    </div>
  );
}
