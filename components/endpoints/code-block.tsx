import { CopyButton } from "@/components/endpoints/copy-button";

/** Code to copy: a caption bar with a Copy button over a scrollable monospace block. */
export function CodeBlock({
  code,
  label,
  caption,
  testId,
}: {
  code: string;
  /** Names the block and its copy button for screen readers ("curl snippet"). */
  label: string;
  /** What the bar shows ("curl · sync"). */
  caption: string;
  testId?: string;
}) {
  return (
    <div className="overflow-hidden rounded-md border bg-muted/40">
      <div className="flex items-center justify-between gap-2 border-b bg-muted/60 py-1 pr-1 pl-3">
        <span className="font-mono text-xs text-muted-foreground">{caption}</span>
        <CopyButton value={code} label={label} variant="ghost" aria-label={`Copy ${label}`}>
          Copy
        </CopyButton>
      </div>
      <pre
        tabIndex={0}
        aria-label={label}
        data-testid={testId}
        className="max-h-96 overflow-auto px-3 py-3 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
