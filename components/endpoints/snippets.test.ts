import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENDPOINT_RUN_MODES } from "@/lib/schemas/endpoint-runs";
import { pythonLiteral, shellQuote } from "./quoting";
import { chatCompletionSnippet, openAiBaseUrl, runSnippet, runUrl } from "./snippets";

/** Text that breaks naive quoting in every language: quotes, a single quote, $, backticks, \ and a newline. */
const TRICKY = `It's "quoted" $HOME \`id\` back\\slash\nnext line ünïcode 'end'`;
const INPUT = {
  question: TRICKY,
  count: 3,
  ratio: 0.5,
  flag: false,
  none: null,
  tags: ["a'b", 'c"d'],
};
const TARGET = { baseUrl: "http://localhost:3000/", slug: "support-bot", input: INPUT };
const KEY = "trl_test'key$1";

const dir = mkdtempSync(path.join(tmpdir(), "trellis-snippets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** What a snippet's first request sent, captured by a stand-in for curl, fetch or requests. */
interface Captured {
  url: string;
  authorization: string;
  body: unknown;
}

/** Runs a curl snippet in bash with `curl` replaced by a function that prints its first call. */
function runCurl(snippet: string): Captured {
  const stub = `curl() {
  local url="" auth="" data=""
  while [ $# -gt 0 ]; do
    case "$1" in
      -H) case "$2" in "Authorization: "*) auth="\${2#Authorization: }";; esac; shift 2;;
      -d) data="$2"; shift 2;;
      -X) shift 2;;
      -N) shift;;
      *) url="$1"; shift;;
    esac
  done
  printf '%s\\n%s\\n%s' "$url" "$auth" "$data"
  exit 0
}
`;
  const out = execFileSync("bash", ["-c", stub + snippet], {
    env: { ...process.env, TRELLIS_API_KEY: KEY },
    encoding: "utf8",
  });
  const [url, authorization, ...data] = out.split("\n");
  return { url: url!, authorization: authorization!, body: JSON.parse(data.join("\n")) };
}

/** Runs a TypeScript (plain JavaScript) snippet in Node with a fetch that prints its first call. */
function runTypescript(snippet: string): Captured {
  const file = path.join(dir, `snippet-${Math.random().toString(36).slice(2)}.mjs`);
  const stub = `globalThis.fetch = async (url, init) => {
  process.stdout.write(JSON.stringify({ url: String(url), authorization: init.headers.Authorization, body: JSON.parse(init.body) }));
  process.exit(0);
};
`;
  writeFileSync(file, stub + snippet);
  const out = execFileSync("node", [file], {
    env: { ...process.env, TRELLIS_API_KEY: KEY },
    encoding: "utf8",
  });
  return JSON.parse(out) as Captured;
}

/** Runs a Python snippet with a `requests` module that prints its first call. */
function runPython(snippet: string): Captured {
  const stubDir = mkdtempSync(path.join(dir, "py-"));
  writeFileSync(
    path.join(stubDir, "requests.py"),
    `import json, sys
def post(url, headers=None, json=None, **kwargs):
    import json as j
    sys.stdout.write(j.dumps({"url": url, "authorization": headers["Authorization"], "body": json}))
    sys.exit(0)
`,
  );
  const out = execFileSync("python3", ["-c", snippet], {
    env: { ...process.env, TRELLIS_API_KEY: KEY, PYTHONPATH: stubDir },
    encoding: "utf8",
  });
  return JSON.parse(out) as Captured;
}

const RUNNERS = { curl: runCurl, typescript: runTypescript, python: runPython } as const;

describe("quoting", () => {
  it("quotes any text as one shell word that bash reads back unchanged", () => {
    for (const text of [TRICKY, "'", "''", "", "a'\\''b", "$(touch /tmp/x)"]) {
      const out = execFileSync("bash", ["-c", `printf %s ${shellQuote(text)}`], {
        encoding: "utf8",
      });
      expect(out).toBe(text);
    }
  });

  it.skipIf(!hasPython)("writes Python literals that Python reads as the same JSON value", () => {
    const value = { ...INPUT, nested: { deep: [[], {}, [1, { "k'": 'v"' }]] }, big: 1e21 };
    const out = execFileSync(
      "python3",
      ["-c", `import json, sys; sys.stdout.write(json.dumps(${pythonLiteral(value)}))`],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe("runSnippet", () => {
  for (const language of ["curl", "typescript", "python"] as const) {
    for (const mode of ENDPOINT_RUN_MODES) {
      it.skipIf(language === "python" && !hasPython)(
        `${language} ${mode}: sends the input unchanged to the run URL with the key`,
        () => {
          const captured = RUNNERS[language](runSnippet(language, mode, TARGET));
          expect(captured.url).toBe("http://localhost:3000/api/v1/flows/support-bot/run");
          expect(captured.authorization).toBe(`Bearer ${KEY}`);
          expect(captured.body).toEqual({ input: INPUT, mode });
        },
      );
    }
  }

  it("reads the key from $TRELLIS_API_KEY and never inlines one", () => {
    expect(runSnippet("curl", "sync", TARGET)).toContain("$TRELLIS_API_KEY");
    expect(runSnippet("typescript", "sync", TARGET)).toContain("process.env.TRELLIS_API_KEY");
    expect(runSnippet("python", "sync", TARGET)).toContain("os.environ['TRELLIS_API_KEY']");
  });

  it("asks for an event stream in stream mode and polls the status URL in async mode", () => {
    expect(runSnippet("curl", "stream", TARGET)).toMatch(
      /^curl -N .*\n.*\n.*\n {2}-H 'Accept: text\/event-stream'/m,
    );
    expect(runSnippet("curl", "async", TARGET)).toContain(
      'curl "http://localhost:3000/api/v1/runs/$RUN_ID"',
    );
    expect(runSnippet("python", "async", TARGET)).toContain('run["statusUrl"]');
    expect(runSnippet("typescript", "async", TARGET)).toContain("run.statusUrl");
  });
});

describe("chatCompletionSnippet", () => {
  const chat = {
    baseUrl: "https://trellis.example.com",
    slug: "support-bot",
    messages: [{ role: "user", content: TRICKY }],
  };

  it("points OpenAI clients at <origin>/api/v1 with the slug as the model", () => {
    expect(openAiBaseUrl("https://trellis.example.com/")).toBe(
      "https://trellis.example.com/api/v1",
    );
    expect(chatCompletionSnippet("python", chat)).toContain(
      'OpenAI(base_url="https://trellis.example.com/api/v1", api_key=os.environ["TRELLIS_API_KEY"])',
    );
    expect(chatCompletionSnippet("typescript", chat)).toContain('model: "support-bot"');
  });

  it("curl sends the messages unchanged to /chat/completions", () => {
    const captured = runCurl(chatCompletionSnippet("curl", chat));
    expect(captured.url).toBe("https://trellis.example.com/api/v1/chat/completions");
    expect(captured.body).toEqual({ model: "support-bot", messages: chat.messages });
  });

  it("builds the run URL from the origin and the slug", () => {
    expect(runUrl("http://127.0.0.1:3000//", "a-b")).toBe(
      "http://127.0.0.1:3000/api/v1/flows/a-b/run",
    );
  });
});
