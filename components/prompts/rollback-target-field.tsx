"use client";

import { useId } from "react";
import { useController, type Control } from "react-hook-form";
import { RelativeTime } from "@/components/approvals/relative-time";
import { Badge } from "@/components/ui/badge";
import type { LabelMoveVia } from "@/lib/schemas/prompt-library";
import type { RollbackTarget } from "./rollback-targets";

const VIA: Record<LabelMoveVia, string> = {
  direct: "by a direct move",
  change_request: "by an approved change request",
  rollback: "by a rollback",
};

/** The rollback target as a radio group bound to the form's `versionId`. */
export function RollbackTargets({
  control,
  label,
  targets,
}: {
  control: Control<{ versionId: string; reason: string; confirmed: boolean }>;
  label: string;
  targets: RollbackTarget[];
}) {
  const { field, fieldState } = useController({ control, name: "versionId" });
  const id = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={`${id}-error`}>
      <legend className="mb-1 text-sm font-medium">Roll back to</legend>
      {targets.map((target) => (
        <label
          key={target.versionId}
          className="flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent"
        >
          <input
            type="radio"
            name={field.name}
            value={target.versionId}
            checked={field.value === target.versionId}
            onChange={() => field.onChange(target.versionId)}
            onBlur={field.onBlur}
            className="size-4 accent-[var(--primary)]"
          />
          <Badge variant="info" className="font-mono">
            v{target.version}
          </Badge>
          <span className="text-muted-foreground">
            {label} until <RelativeTime iso={target.leftAt} />
            {target.via && `, set ${VIA[target.via]}`}
          </span>
        </label>
      ))}
      <p id={`${id}-error`} className="text-sm text-danger">
        {fieldState.error?.message}
      </p>
    </fieldset>
  );
}
