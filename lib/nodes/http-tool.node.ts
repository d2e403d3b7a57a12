import { z } from "zod";
import type { HttpResponse, NodeContext } from "@/lib/engine/context";
import { defineNode } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import { renderTemplate } from "./shared/liquid";
import { scopeOf } from "./shared/path";

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
// Credentials belong in `auth` (a secret by name); transport headers are the port's business.
const FORBIDDEN_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
]);
const REDACTED = "[redacted]";

const headersSchema = z.record(z.string(), z.string().max(4_000)).superRefine((headers, ctx) => {
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) {
      ctx.addIssue({ code: "custom", path: [name], message: "Not a valid header name" });
    } else if (FORBIDDEN_HEADERS.has(name.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: "Set credentials with auth and a secret, not as a header",
      });
    }
  }
});

const configSchema = z
  .strictObject({
    method: z
      .enum(["GET", "POST", "PUT", "PATCH", "DELETE"])
      .default("GET")
      .meta({ title: "Method", description: "HTTP method." }),
    url: z
      .string()
      .min(1)
      .max(4_000)
      .meta({ title: "URL", description: "http(s) URL; may use {{variables}} from the input." }),
    headers: headersSchema
      .default({})
      .meta({ title: "Headers", description: "Header templates; never credentials." }),
    body: z
      .string()
      .max(100_000)
      .optional()
      .meta({ title: "Body", description: "Body template, e.g. JSON with {{ value | json }}." }),
    auth: z
      .strictObject({
        kind: z
          .enum(["bearer", "header"])
          .meta({ title: "Kind", description: "Bearer token or a named header." }),
        secret: z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, {
            message: "Letters, digits and _; start with a letter or _",
          })
          .meta({ title: "Secret", description: "Name of a workspace secret." }),
        header: z
          .string()
          .regex(HEADER_NAME)
          .optional()
          .meta({ title: "Header", description: "The header that carries the secret." }),
      })
      .refine((auth) => auth.kind !== "header" || auth.header !== undefined, {
        message: "Name the header that carries the secret",
        path: ["header"],
      })
      .optional()
      .meta({
        title: "Authentication",
        description: "Credentials from the workspace's secret store.",
      }),
    responseType: z
      .enum(["json", "text"])
      .default("json")
      .meta({ title: "Response", description: "How to read the response body." }),
  })
  .refine((config) => config.body === undefined || config.method !== "GET", {
    message: "A GET request has no body",
    path: ["body"],
  });
/** The HTTP tool's configuration. */
export type HttpToolConfig = z.infer<typeof configSchema>;

async function credentials(
  auth: HttpToolConfig["auth"],
  ctx: NodeContext,
): Promise<{ header?: [string, string]; secret?: string }> {
  if (!auth) return {};
  const secret = await ctx.secrets.get(auth.secret);
  if (!secret) {
    const message = `The secret "${auth.secret}" is not set in this workspace`;
    throw new NodeError(message, "missing_secret", { retryable: false });
  }
  if (/[\r\n\0]/.test(secret)) {
    const message = `The secret "${auth.secret}" cannot be sent in a header`;
    throw new NodeError(message, "invalid_secret", { retryable: false });
  }
  return {
    header: auth.kind === "bearer" ? ["Authorization", `Bearer ${secret}`] : [auth.header!, secret],
    secret,
  };
}

async function renderUrl(template: string, scope: Record<string, unknown>): Promise<string> {
  const rendered = (await renderTemplate(template, scope)).trim();
  const url = URL.canParse(rendered) ? new URL(rendered) : undefined;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new NodeError(`Not an http(s) URL: ${rendered.slice(0, 200)}`, "invalid_url", {
      retryable: false,
    });
  }
  return url.href;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Header values by lower-cased name (later entries win), rendered and checked for line breaks. */
async function renderHeaders(
  config: HttpToolConfig,
  scope: Record<string, unknown>,
  body: string | undefined,
) {
  const headers = new Map<string, [string, string]>();
  for (const [name, template] of Object.entries(config.headers)) {
    const value = await renderTemplate(template, scope);
    if (/[\r\n\0]/.test(value)) {
      const message = `Header ${name} would contain a line break`;
      throw new NodeError(message, "invalid_header", { retryable: false });
    }
    headers.set(name.toLowerCase(), [name, value]);
  }
  if (body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", [
      "Content-Type",
      isJson(body) ? "application/json" : "text/plain; charset=utf-8",
    ]);
  }
  return headers;
}

/** Milliseconds a Retry-After header (seconds or an HTTP date) asks to wait. */
export function retryAfterMs(response: HttpResponse, now = Date.now()): number | undefined {
  const value = Object.entries(response.headers)
    .find(([name]) => name.toLowerCase() === "retry-after")?.[1]
    ?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseBody(body: string, responseType: HttpToolConfig["responseType"]): unknown {
  if (responseType === "text") return body;
  if (body.trim() === "") return null;
  try {
    return JSON.parse(body);
  } catch {
    throw new NodeError("The response is not valid JSON", "invalid_response", {
      retryable: false,
      details: { body: body.slice(0, 500) },
    });
  }
}

/** Calls an HTTP API (SSRF checks live in the port); credentials come from secrets by name. */
export const httpToolNode = defineNode<HttpToolConfig>({
  type: "http-tool",
  version: 1,
  ui: {
    label: "HTTP tool",
    category: "tool",
    icon: "globe",
    description: "Calls an HTTP API with templated URL, headers and body.",
  },
  config: configSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Input" }],
    outputs: [{ name: "out", type: "json", label: "Response" }],
  },
  async execute({ config, inputs }, ctx) {
    const scope = scopeOf(inputs.in);
    const url = await renderUrl(config.url, scope);
    const body = config.body === undefined ? undefined : await renderTemplate(config.body, scope);
    const headers = await renderHeaders(config, scope, body);
    const auth = await credentials(config.auth, ctx);
    if (auth.header) headers.set(auth.header[0].toLowerCase(), auth.header);
    const request = {
      method: config.method,
      url,
      headers: Object.fromEntries(headers.values()),
      ...(body === undefined ? {} : { body }),
    };
    const response = await ctx.http.request(request, {
      signal: ctx.signal,
      idempotencyKey: ctx.idempotencyKey,
    });
    // A server that echoes the request must not leak the secret into outputs, traces or errors.
    const text =
      auth.secret && auth.secret.length >= 4
        ? response.body.split(auth.secret).join(REDACTED)
        : response.body;
    if (response.status >= 400) {
      const retryable = response.status >= 500 || response.status === 429;
      const details = { status: response.status, body: text.slice(0, 500) };
      throw new NodeError(`HTTP ${response.status} from ${new URL(url).host}`, "http_error", {
        retryable,
        retryAfterMs: retryable ? retryAfterMs(response) : undefined,
        details,
      });
    }
    return {
      outputs: { out: { status: response.status, body: parseBody(text, config.responseType) } },
    };
  },
});
