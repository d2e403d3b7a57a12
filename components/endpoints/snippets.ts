import type { EndpointRunMode } from "@/lib/schemas/endpoint-runs";
import { endpointRunPath } from "@/lib/schemas/endpoints";
import { indentedJson, pythonLiteral, shellDoubleQuoted, shellQuote } from "./quoting";

/** Languages the endpoint page shows snippets in. */
export const SNIPPET_LANGUAGES = [
  ["curl", "curl"],
  ["typescript", "TypeScript"],
  ["python", "Python"],
] as const;
/** One snippet language. */
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number][0];

/** What a run snippet calls: the server's origin, the endpoint's slug and an example input. */
export interface SnippetTarget {
  baseUrl: string;
  slug: string;
  input: unknown;
}

/** The placeholder snippets read the API key from (an environment variable). */
export const API_KEY_VARIABLE = "TRELLIS_API_KEY";

/** The origin without a trailing slash. */
export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

/** The absolute URL of an endpoint's run API. */
export function runUrl(baseUrl: string, slug: string): string {
  return `${trimBaseUrl(baseUrl)}${endpointRunPath(slug)}`;
}

/** The absolute URL of an endpoint's OpenAPI document. */
export function openApiUrl(baseUrl: string, slug: string): string {
  return `${trimBaseUrl(baseUrl)}/api/v1/flows/${slug}/openapi.json`;
}

/** The body a run snippet sends. */
export function runBody(input: unknown, mode: EndpointRunMode): { input: unknown; mode: string } {
  return { input, mode };
}

const AUTH_CURL = `-H "Authorization: Bearer $${API_KEY_VARIABLE}"`;

function curlSnippet(mode: EndpointRunMode, { baseUrl, slug, input }: SnippetTarget): string {
  const lines = [
    `curl${mode === "stream" ? " -N" : ""} -X POST ${shellQuote(runUrl(baseUrl, slug))} \\`,
    `  ${AUTH_CURL} \\`,
    `  -H 'Content-Type: application/json' \\`,
    ...(mode === "stream" ? [`  -H 'Accept: text/event-stream' \\`] : []),
    `  -d ${shellQuote(JSON.stringify(runBody(input, mode), null, 2))}`,
  ];
  if (mode === "sync")
    return [
      "# 200 with the settled run; 202 with the run id if it takes longer than 30 s.",
      ...lines,
    ].join("\n");
  if (mode === "stream")
    return [
      "# Server-Sent Events: run.created, node events and tokens, run.result.",
      ...lines,
    ].join("\n");
  const statusUrl = `${trimBaseUrl(baseUrl)}/api/v1/runs/`;
  return [
    '# 202 at once with the run id and its statusUrl. Add "callbackUrl" to the body to',
    "# receive the settled run as a signed webhook instead of polling.",
    ...lines,
    "",
    "# Then poll the run with the id from the answer:",
    `curl "${shellDoubleQuoted(statusUrl)}$RUN_ID" \\`,
    `  ${AUTH_CURL}`,
  ].join("\n");
}

function typescriptSnippet(mode: EndpointRunMode, { baseUrl, slug, input }: SnippetTarget): string {
  const headers = [
    `  Authorization: \`Bearer \${process.env.${API_KEY_VARIABLE}}\`,`,
    `  "Content-Type": "application/json",`,
    ...(mode === "stream" ? [`  Accept: "text/event-stream",`] : []),
  ];
  const request = [
    `const headers = {`,
    ...headers,
    `};`,
    `const response = await fetch(${JSON.stringify(runUrl(baseUrl, slug))}, {`,
    `  method: "POST",`,
    `  headers,`,
    `  body: JSON.stringify(${indentedJson(runBody(input, mode), "  ")}),`,
    `});`,
  ];
  if (mode === "stream")
    return [
      ...request,
      `if (!response.ok || !response.body) throw new Error(\`HTTP \${response.status}\`);`,
      `// Server-Sent Events: run.created, node events and tokens, then run.result.`,
      `const decoder = new TextDecoder();`,
      `for await (const chunk of response.body) {`,
      `  process.stdout.write(decoder.decode(chunk, { stream: true }));`,
      `}`,
    ].join("\n");
  const answer = [
    `const body = await response.json();`,
    `if (!response.ok) throw new Error(body.error?.message ?? \`HTTP \${response.status}\`);`,
  ];
  if (mode === "sync")
    return [
      ...request,
      ...answer,
      `// 200: the run settled; 202: still running after 30 s (poll body.run.statusUrl).`,
      `console.log(body.run.status, body.run.output);`,
    ].join("\n");
  return [
    ...request,
    ...answer,
    `let run = body.run;`,
    `while (run.status === "queued" || run.status === "running") {`,
    `  await new Promise((resolve) => setTimeout(resolve, 1000));`,
    `  const poll = await fetch(new URL(run.statusUrl, ${JSON.stringify(trimBaseUrl(baseUrl))}), { headers });`,
    `  run = (await poll.json()).run;`,
    `}`,
    `console.log(run.status, run.output);`,
  ].join("\n");
}

function pythonSnippet(mode: EndpointRunMode, { baseUrl, slug, input }: SnippetTarget): string {
  const imports = mode === "async" ? ["import os", "import time", ""] : ["import os", ""];
  const headers =
    mode === "stream"
      ? `{"Authorization": f"Bearer {os.environ['${API_KEY_VARIABLE}']}", "Accept": "text/event-stream"}`
      : `{"Authorization": f"Bearer {os.environ['${API_KEY_VARIABLE}']}"}`;
  const call = (...extra: string[]) =>
    [
      `requests.post(`,
      `    ${JSON.stringify(runUrl(baseUrl, slug))},`,
      `    headers=headers,`,
      `    json=${pythonLiteral(runBody(input, mode), "    ")},`,
      ...extra.map((argument) => `    ${argument},`),
      `)`,
    ].join("\n");
  const head = [...imports, "import requests", "", `headers = ${headers}`];
  if (mode === "stream")
    return [
      ...head,
      "# Server-Sent Events: run.created, node events and tokens, then run.result.",
      `with ${call("stream=True", "timeout=300")} as response:`,
      "    response.raise_for_status()",
      "    for line in response.iter_lines(decode_unicode=True):",
      "        if line:",
      "            print(line)",
    ].join("\n");
  const start = [`response = ${call("timeout=70")}`, "response.raise_for_status()"];
  if (mode === "sync")
    return [
      ...head,
      ...start,
      "# 200: the run settled; 202: still running after 30 s (poll run['statusUrl']).",
      'run = response.json()["run"]',
      'print(run["status"], run["output"])',
    ].join("\n");
  return [
    ...head,
    ...start,
    'run = response.json()["run"]',
    'while run["status"] in ("queued", "running"):',
    "    time.sleep(1)",
    `    poll = requests.get(${JSON.stringify(trimBaseUrl(baseUrl))} + run["statusUrl"], headers=headers, timeout=30)`,
    '    run = poll.json()["run"]',
    'print(run["status"], run["output"])',
  ].join("\n");
}

/** A copyable snippet that calls an endpoint's run API in one mode, with the key from $TRELLIS_API_KEY. */
export function runSnippet(
  language: SnippetLanguage,
  mode: EndpointRunMode,
  target: SnippetTarget,
): string {
  if (language === "curl") return curlSnippet(mode, target);
  if (language === "typescript") return typescriptSnippet(mode, target);
  return pythonSnippet(mode, target);
}

/** What an OpenAI-compatible snippet sends: the endpoint's slug as the model and some messages. */
export interface ChatSnippetTarget {
  baseUrl: string;
  slug: string;
  messages: { role: string; content: string }[];
}

/** The base URL OpenAI SDKs take for Trellis (`<origin>/api/v1`). */
export function openAiBaseUrl(baseUrl: string): string {
  return `${trimBaseUrl(baseUrl)}/api/v1`;
}

/** A snippet calling `POST /api/v1/chat/completions` with the official openai SDK (or curl). */
export function chatCompletionSnippet(
  language: SnippetLanguage,
  { baseUrl, slug, messages }: ChatSnippetTarget,
): string {
  const base = openAiBaseUrl(baseUrl);
  if (language === "curl")
    return [
      `curl -X POST ${shellQuote(`${base}/chat/completions`)} \\`,
      `  ${AUTH_CURL} \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d ${shellQuote(JSON.stringify({ model: slug, messages }, null, 2))}`,
    ].join("\n");
  if (language === "typescript")
    return [
      `import OpenAI from "openai";`,
      "",
      `const client = new OpenAI({`,
      `  baseURL: ${JSON.stringify(base)},`,
      `  apiKey: process.env.${API_KEY_VARIABLE},`,
      `});`,
      `const completion = await client.chat.completions.create({`,
      `  model: ${JSON.stringify(slug)},`,
      `  messages: ${indentedJson(messages, "  ")},`,
      `});`,
      `console.log(completion.choices[0].message.content);`,
    ].join("\n");
  return [
    "import os",
    "",
    "from openai import OpenAI",
    "",
    `client = OpenAI(base_url=${JSON.stringify(base)}, api_key=os.environ["${API_KEY_VARIABLE}"])`,
    "completion = client.chat.completions.create(",
    `    model=${JSON.stringify(slug)},`,
    `    messages=${pythonLiteral(messages, "    ")},`,
    ")",
    "print(completion.choices[0].message.content)",
  ].join("\n");
}
