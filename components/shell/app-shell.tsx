"use client";

import { Menu } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useState, type ReactNode } from "react";
import { Wordmark } from "@/components/brand/wordmark";
import { BudgetBanner } from "@/components/budgets/budget-banner";
import { InShellProvider } from "@/components/shell/in-shell";
import type { ShellContext } from "@/components/shell/shell-types";
import { SidebarContent } from "@/components/shell/sidebar-content";
import { Button } from "@/components/ui/button";

/** The signed-in layout: skip link, sidebar (a sheet on small screens) and the main landmark. */
export function AppShell({ context, children }: { context: ShellContext; children: ReactNode }) {
  const [sheetOpen, setSheetOpen] = useState(false);
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside
        aria-label="Sidebar"
        className="fixed inset-y-0 left-0 hidden w-64 border-r bg-sidebar text-sidebar-foreground md:block"
      >
        <SidebarContent context={context} />
      </aside>
      <div className="flex min-h-screen flex-col md:pl-64">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur md:hidden">
          <DialogPrimitive.Root open={sheetOpen} onOpenChange={setSheetOpen}>
            <DialogPrimitive.Trigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Open navigation">
                <Menu aria-hidden />
              </Button>
            </DialogPrimitive.Trigger>
            <DialogPrimitive.Portal>
              <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/50 data-[state=open]:animate-fade-in" />
              <DialogPrimitive.Content
                aria-describedby={undefined}
                className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] border-r bg-sidebar text-sidebar-foreground shadow-lg data-[state=open]:animate-slide-in-left"
              >
                <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
                <SidebarContent context={context} onNavigate={() => setSheetOpen(false)} />
              </DialogPrimitive.Content>
            </DialogPrimitive.Portal>
          </DialogPrimitive.Root>
          <Wordmark />
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-8 outline-none sm:px-6 lg:px-10">
          <div className="mx-auto w-full max-w-6xl">
            <BudgetBanner workspaceId={context.workspace.id} />
            <InShellProvider value>{children}</InShellProvider>
          </div>
        </main>
      </div>
    </div>
  );
}
