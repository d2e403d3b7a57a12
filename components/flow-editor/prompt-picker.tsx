"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { useMe } from "@/lib/query/me";
import { usePrompts } from "@/lib/query/prompts";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";

/** A managed prompt reference: by label, or a pinned version. */
export interface ManagedPromptRef {
  kind: "managed";
  name: string;
  label?: string;
  version?: number;
}

const OTHER = "other";
const optionOf = (name: string) => `p:${name}`;

/** Label choices of a prompt: each label with the version it points at, plus an unknown current one. */
function LabelSelect({
  id,
  prompt,
  label,
  onLabel,
}: {
  id: string;
  prompt: PromptSummaryDto;
  label: string;
  onLabel: (label: string) => void;
}) {
  const known = prompt.labels.some((l) => l.name === label);
  if (prompt.labels.length === 0)
    return (
      <>
        <Input id={id} value={label} onChange={(event) => onLabel(event.target.value)} />
        <p className="text-xs text-warning">
          This prompt has no labels yet; pin a version instead.
        </p>
      </>
    );
  return (
    <Select id={id} value={label} onChange={(event) => onLabel(event.target.value)}>
      {!known && (
        <option value={label}>{label ? `${label} (not on this prompt)` : "Choose…"}</option>
      )}
      {prompt.labels.map((l) => (
        <option key={l.name} value={l.name}>
          {l.name} → v{l.version}
        </option>
      ))}
    </Select>
  );
}

/** Version choices of a prompt, newest first, each with the labels pointing at it. */
function VersionSelect({
  id,
  prompt,
  version,
  onVersion,
}: {
  id: string;
  prompt: PromptSummaryDto;
  version: number | undefined;
  onVersion: (version: number) => void;
}) {
  const latest = prompt.latestVersion ?? 0;
  const numbers = Array.from({ length: latest }, (_, i) => latest - i);
  const known = version !== undefined && numbers.includes(version);
  return (
    <Select
      id={id}
      value={version ?? ""}
      onChange={(event) => onVersion(Number(event.target.value))}
    >
      {!known && (
        <option value={version ?? ""}>
          {version ? `v${version} (does not exist)` : "Choose…"}
        </option>
      )}
      {numbers.map((n) => {
        const tags = prompt.labels.filter((l) => l.version === n).map((l) => l.name);
        if (n === latest) tags.unshift("latest");
        return (
          <option key={n} value={n}>
            v{n}
            {tags.length > 0 ? ` (${tags.join(", ")})` : ""}
          </option>
        );
      })}
    </Select>
  );
}

/** Picks a managed prompt of the workspace and its label or version; free text for prompts still to come. */
export function ManagedPromptPicker({
  id,
  by,
  value,
  onChange,
}: {
  id: string;
  by: "label" | "version";
  value: ManagedPromptRef;
  onChange: (value: ManagedPromptRef) => void;
}) {
  const me = useMe();
  const prompts = usePrompts(me.data?.workspace.id);
  const list = prompts.data ?? [];
  const byLabel = by === "label";
  const prompt = list.find((p) => p.name === value.name);
  const [custom, setCustom] = useState(false);
  const typing = custom || !prompt || list.length === 0;
  const missing = value.name !== "" && prompts.isSuccess && !prompt;

  const choose = (next: PromptSummaryDto) => {
    setCustom(false);
    if (byLabel) {
      const label =
        next.labels.find((l) => l.name === value.label)?.name ??
        next.labels.find((l) => l.name === "production")?.name ??
        next.labels[0]?.name ??
        value.label ??
        "";
      onChange({ kind: "managed", name: next.name, label });
    } else onChange({ kind: "managed", name: next.name, version: next.latestVersion ?? 1 });
  };
  const setLabel = (label: string) => onChange({ kind: "managed", name: value.name, label });
  const setVersion = (version: number | undefined) =>
    onChange({ kind: "managed", name: value.name, version });
  const failure = me.error ?? prompts.error;

  return (
    <div className="flex flex-col gap-3" data-testid="prompt-picker">
      {failure ? (
        <p role="alert" className="text-xs text-danger">
          Could not load the workspace&apos;s prompts: {errorMessage(failure)}
        </p>
      ) : prompts.isPending ? (
        <p role="status" className="flex items-center gap-2 text-xs text-muted-foreground">
          <Spinner className="size-3" /> Loading the workspace&apos;s prompts…
        </p>
      ) : list.length === 0 ? (
        <p className="text-xs text-muted-foreground" data-testid="prompt-picker-empty">
          This workspace has no managed prompts yet. Type the name of the prompt you will create.
        </p>
      ) : (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-prompt`} className="text-xs">
            Prompt
          </Label>
          <Select
            id={`${id}-prompt`}
            value={typing ? OTHER : optionOf(value.name)}
            onChange={(event) => {
              const next = list.find((p) => optionOf(p.name) === event.target.value);
              if (next) return choose(next);
              setCustom(true);
            }}
          >
            {list.map((p) => (
              <option key={p.id} value={optionOf(p.name)}>
                {p.name}
              </option>
            ))}
            <option value={OTHER}>Another name…</option>
          </Select>
          {!typing && prompt?.description && (
            <p className="text-xs text-muted-foreground">{prompt.description}</p>
          )}
        </div>
      )}
      {typing && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-name`} className="text-xs">
            Prompt name
          </Label>
          <Input
            id={`${id}-name`}
            value={value.name}
            aria-describedby={missing ? `${id}-name-note` : undefined}
            onChange={(event) => {
              setCustom(true);
              onChange({ ...value, name: event.target.value });
            }}
          />
          {missing && (
            <p id={`${id}-name-note`} className="text-xs text-warning">
              No prompt named “{value.name}” here yet; runs fail until it exists.
            </p>
          )}
        </div>
      )}
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-ref`} className="text-xs">
          {byLabel ? "Label" : "Version"}
        </Label>
        {prompt && !typing ? (
          byLabel ? (
            <LabelSelect
              id={`${id}-ref`}
              prompt={prompt}
              label={value.label ?? ""}
              onLabel={setLabel}
            />
          ) : (
            <VersionSelect
              id={`${id}-ref`}
              prompt={prompt}
              version={value.version}
              onVersion={setVersion}
            />
          )
        ) : byLabel ? (
          <Input
            id={`${id}-ref`}
            value={value.label ?? ""}
            placeholder="production"
            onChange={(event) => setLabel(event.target.value)}
          />
        ) : (
          <Input
            id={`${id}-ref`}
            type="number"
            min={1}
            step={1}
            value={value.version ?? ""}
            onChange={(event) => {
              const version = Number.parseInt(event.target.value, 10);
              setVersion(Number.isFinite(version) ? version : undefined);
            }}
          />
        )}
      </div>
    </div>
  );
}
