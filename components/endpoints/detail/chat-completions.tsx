"use client";

import { useState } from "react";
import { CodeBlock } from "@/components/endpoints/code-block";
import { EXAMPLE_MESSAGES } from "@/components/endpoints/example-input";
import {
  chatCompletionSnippet,
  openAiBaseUrl,
  SNIPPET_LANGUAGES,
  type SnippetLanguage,
} from "@/components/endpoints/snippets";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TabList } from "@/components/ui/tab-list";

/** For a chat flow: calling it through the OpenAI-compatible API (base URL `<origin>/api/v1`, model = slug). */
export function ChatCompletions({ baseUrl, slug }: { baseUrl: string; slug: string }) {
  const [language, setLanguage] = useState<SnippetLanguage>("python");
  const languageName = SNIPPET_LANGUAGES.find(([id]) => id === language)?.[1] ?? language;
  return (
    <Card data-testid="endpoint-openai">
      <CardHeader>
        <CardTitle>OpenAI-compatible</CardTitle>
        <CardDescription>
          This flow takes a chat input, so OpenAI clients can call it unchanged: set the base URL to{" "}
          <code className="font-mono">{openAiBaseUrl(baseUrl)}</code>, the API key to a Trellis key
          and the model to <code className="font-mono">{slug}</code>. Streaming works too.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <TabList
          label="OpenAI snippet language"
          idPrefix="openai-snippet"
          tabs={SNIPPET_LANGUAGES}
          value={language}
          onChange={setLanguage}
        />
        <div
          role="tabpanel"
          id={`openai-snippet-panel-${language}`}
          aria-labelledby={`openai-snippet-tab-${language}`}
          className="pt-3"
        >
          <CodeBlock
            code={chatCompletionSnippet(language, { baseUrl, slug, messages: EXAMPLE_MESSAGES })}
            label={`OpenAI ${languageName} snippet`}
            caption={`${languageName} · chat completions`}
            testId="endpoint-openai-snippet"
          />
        </div>
      </CardContent>
    </Card>
  );
}
