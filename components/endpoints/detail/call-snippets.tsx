"use client";

import { ExternalLink } from "lucide-react";
import { useId, useState } from "react";
import { CodeBlock } from "@/components/endpoints/code-block";
import { CopyButton } from "@/components/endpoints/copy-button";
import {
  API_KEY_VARIABLE,
  openApiUrl,
  runSnippet,
  runUrl,
  SNIPPET_LANGUAGES,
  type SnippetLanguage,
} from "@/components/endpoints/snippets";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { TabList } from "@/components/ui/tab-list";
import { ENDPOINT_RUN_MODES, type EndpointRunMode } from "@/lib/schemas/endpoint-runs";

const MODE_TEXT: Record<EndpointRunMode, { label: string; help: string }> = {
  sync: {
    label: "Sync",
    help: "Waits for the result: 200 with the settled run, or 202 with its id after 30 s.",
  },
  async: {
    label: "Async",
    help: "Answers 202 at once; poll the run's status URL, or pass callbackUrl for a signed webhook.",
  },
  stream: {
    label: "Stream",
    help: "Server-Sent Events: node events and LLM tokens as they happen, then the result.",
  },
};

/** The run mode picker: a row of radio buttons styled as a segmented control. */
function ModePicker({
  value,
  onChange,
}: {
  value: EndpointRunMode;
  onChange: (mode: EndpointRunMode) => void;
}) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">Mode</legend>
      <div className="inline-flex w-fit rounded-md border p-0.5">
        {ENDPOINT_RUN_MODES.map((mode) => (
          <label
            key={mode}
            className={cn(
              "cursor-pointer rounded px-3 py-1 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
              value === mode
                ? "bg-primary text-primary-foreground"
                : "text-muted-foreground hover:text-foreground",
            )}
          >
            <input
              type="radio"
              name={name}
              value={mode}
              checked={value === mode}
              onChange={() => onChange(mode)}
              className="sr-only"
            />
            {MODE_TEXT[mode].label}
          </label>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">{MODE_TEXT[value].help}</p>
    </fieldset>
  );
}

/** How to call the endpoint: its URL, copyable curl, TypeScript and Python snippets per mode, and its OpenAPI document. */
export function CallSnippets({
  baseUrl,
  slug,
  input,
}: {
  baseUrl: string;
  slug: string;
  input: unknown;
}) {
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const [mode, setMode] = useState<EndpointRunMode>("sync");
  const url = runUrl(baseUrl, slug);
  const languageName = SNIPPET_LANGUAGES.find(([id]) => id === language)?.[1] ?? language;
  return (
    <Card data-testid="endpoint-snippets">
      <CardHeader>
        <CardTitle>Call it</CardTitle>
        <CardDescription>
          Send <code className="font-mono">Authorization: Bearer</code> with an API key; the
          snippets read it from <code className="font-mono">${API_KEY_VARIABLE}</code>.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <div className="flex items-center gap-2">
          <code
            className="min-w-0 flex-1 truncate rounded-md border bg-muted/40 px-3 py-1.5 font-mono text-sm"
            data-testid="endpoint-run-url"
            title={url}
          >
            POST {url}
          </code>
          <CopyButton value={url} label="run URL" />
        </div>
        <ModePicker value={mode} onChange={setMode} />
        <div>
          <TabList
            label="Snippet language"
            idPrefix="snippet"
            tabs={SNIPPET_LANGUAGES}
            value={language}
            onChange={setLanguage}
          />
          <div
            role="tabpanel"
            id={`snippet-panel-${language}`}
            aria-labelledby={`snippet-tab-${language}`}
            className="pt-3"
          >
            <CodeBlock
              code={runSnippet(language, mode, { baseUrl, slug, input })}
              label={`${languageName} snippet`}
              caption={`${languageName} · ${MODE_TEXT[mode].label.toLowerCase()}`}
              testId="endpoint-snippet"
            />
          </div>
        </div>
        <a
          href={openApiUrl(baseUrl, slug)}
          target="_blank"
          rel="noreferrer"
          className="inline-flex w-fit items-center gap-1.5 text-sm font-medium underline-offset-4 hover:underline"
          data-testid="endpoint-openapi-link"
        >
          OpenAPI document
          <ExternalLink className="size-3.5" aria-hidden />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      </CardContent>
    </Card>
  );
}
