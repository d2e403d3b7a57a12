import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";

/** The signed-in shell: sidebar with navigation, workspace switcher and user menu. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  return (
    <AppShell
      context={{
        user: ctx.user,
        workspace: ctx.workspace,
        workspaces: ctx.workspaces,
        permissions: ctx.permissions,
      }}
    >
      {children}
    </AppShell>
  );
}
