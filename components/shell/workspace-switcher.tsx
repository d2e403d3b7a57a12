"use client";

import { ChevronsUpDown, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ROLE_LABELS } from "@/components/settings/members/roles";
import { NewWorkspaceDialog } from "@/components/shell/new-workspace-dialog";
import type { ShellContext } from "@/components/shell/shell-types";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { useSwitchWorkspace } from "@/lib/query/workspaces";

function WorkspaceAvatar({ name }: { name: string }) {
  return (
    <span
      aria-hidden
      className="flex size-6 shrink-0 items-center justify-center rounded-md bg-primary text-xs font-semibold text-primary-foreground"
    >
      {name.trim().charAt(0).toUpperCase() || "W"}
    </span>
  );
}

/** Shows the active workspace and switches to another or a new one. */
export function WorkspaceSwitcher({
  workspace,
  workspaces,
}: Pick<ShellContext, "workspace" | "workspaces">) {
  const router = useRouter();
  const switchWorkspace = useSwitchWorkspace();
  const [creating, setCreating] = useState(false);

  const onSwitch = (workspaceId: string) => {
    if (workspaceId === workspace.id) return;
    const target = workspaces.find((item) => item.id === workspaceId);
    switchWorkspace.mutate(workspaceId, {
      onSuccess: () => {
        router.refresh();
        toast.success(`Switched to ${target?.name ?? "workspace"}`);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          data-testid="workspace-switcher"
          className="flex h-10 w-full items-center gap-2 rounded-md border bg-background px-2 text-left text-sm shadow-xs transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
        >
          <WorkspaceAvatar name={workspace.name} />
          <span className="sr-only">Workspace: </span>
          <span className="min-w-0 flex-1 truncate font-medium">{workspace.name}</span>
          {switchWorkspace.isPending ? (
            <Spinner className="text-muted-foreground" />
          ) : (
            <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={workspace.id} onValueChange={onSwitch}>
            {workspaces.map((item) => (
              <DropdownMenuRadioItem
                key={item.id}
                value={item.id}
                disabled={switchWorkspace.isPending}
              >
                <WorkspaceAvatar name={item.name} />
                <span className="flex min-w-0 flex-col">
                  <span className="truncate">{item.name}</span>
                  <span className="truncate text-xs text-muted-foreground">
                    {item.roles.map((role) => ROLE_LABELS[role]).join(", ")}
                  </span>
                </span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden />
            New workspace…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <NewWorkspaceDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
