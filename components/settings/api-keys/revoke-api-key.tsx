"use client";

import { Ban } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/query/api";
import { useRevokeApiKey } from "@/lib/query/api-keys";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";

/** The Revoke button of an active key and its confirmation. */
export function RevokeApiKey({ workspaceId, apiKey }: { workspaceId: string; apiKey: ApiKeyDto }) {
  const [open, setOpen] = useState(false);
  const revoke = useRevokeApiKey(workspaceId);
  const onConfirm = () =>
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        toast.success(`Revoked API key ${apiKey.name}`);
        setOpen(false);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        onClick={() => setOpen(true)}
        aria-label={`Revoke ${apiKey.name}`}
      >
        <Ban aria-hidden />
        Revoke
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={`Revoke API key ${apiKey.name}?`}
        description={
          <>
            Calls with <code className="font-mono">{apiKey.prefix}…</code> get 401 from now on. Runs
            it started keep its name in history. This cannot be undone.
          </>
        }
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        onConfirm={onConfirm}
      />
    </>
  );
}
