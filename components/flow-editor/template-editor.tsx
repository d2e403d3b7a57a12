"use client";

import CodeMirror, {
  Decoration,
  EditorState,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from "@uiw/react-codemirror";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";

const tagMark = Decoration.mark({ class: "cm-template-tag" });
const tagMatcher = new MatchDecorator({
  regexp: /\{\{[^{}]*\}\}|\{%[^{}]*%\}/g,
  decoration: () => tagMark,
});

/** Highlights `{{ variables }}` and `{% tags %}`. */
const highlightTags = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = tagMatcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = tagMatcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

// Colours come from the app's CSS variables, so light and dark themes both work.
const theme = EditorView.theme({
  "&": {
    fontSize: "12px",
    backgroundColor: "var(--background)",
    color: "var(--foreground)",
    border: "1px solid var(--input)",
    borderRadius: "calc(var(--radius) - 2px)",
  },
  "&.cm-focused": { outline: "2px solid var(--ring)", outlineOffset: "0" },
  ".cm-content": { fontFamily: "ui-monospace, monospace", minHeight: "6rem", padding: "6px 0" },
  ".cm-gutters": { display: "none" },
  ".cm-activeLine": { backgroundColor: "transparent" },
  ".cm-cursor": { borderLeftColor: "var(--foreground)" },
  ".cm-template-tag": {
    // Mixed with the text colour: plain --primary is too faint on the dark background.
    color: "color-mix(in srgb, var(--primary) 65%, var(--foreground))",
    backgroundColor: "color-mix(in srgb, var(--primary) 12%, transparent)",
    borderRadius: "3px",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--popover)",
    color: "var(--popover-foreground)",
    border: "1px solid var(--border)",
  },
});

interface CompletionContextLike {
  matchBefore(pattern: RegExp): { from: number; to: number; text: string } | null;
}

/** A template editor with `{{ variable }}` highlighting and completion of known variables. */
export function TemplateEditor({
  labelId,
  describedBy,
  invalid,
  value,
  variables,
  onChange,
  readOnly = false,
  className,
}: {
  labelId: string;
  describedBy?: string;
  invalid?: boolean;
  value: string;
  variables: string[];
  onChange: (value: string) => void;
  readOnly?: boolean;
  className?: string;
}) {
  const extensions = useMemo(() => {
    const complete = (context: CompletionContextLike) => {
      const match = context.matchBefore(/\{\{\s*[\w.]*$/);
      if (!match) return null;
      const word = /[\w.]*$/.exec(match.text)?.[0] ?? "";
      return {
        from: match.to - word.length,
        options: variables.map((label) => ({ label, type: "variable" })),
      };
    };
    return [
      theme,
      highlightTags,
      EditorView.lineWrapping,
      EditorState.languageData.of(() => [{ autocomplete: complete }]),
      EditorView.contentAttributes.of({
        "aria-labelledby": labelId,
        "aria-multiline": "true",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        ...(readOnly ? { "aria-readonly": "true" } : {}),
      }),
    ];
  }, [labelId, describedBy, invalid, readOnly, variables]);
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      theme="none"
      extensions={extensions}
      basicSetup={{
        lineNumbers: false,
        foldGutter: false,
        highlightActiveLine: false,
        highlightActiveLineGutter: false,
        autocompletion: true,
      }}
      className={cn("min-w-0", className)}
      data-testid="template-editor"
    />
  );
}
