import { z } from "zod";

const secretName = z
  .string()
  .trim()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, {
    message: "Letters, digits and _; start with a letter or _",
  });

const connectionName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: "Lowercase letters, digits, - and _ (max 40)" });

const baseUrl = z.url({ protocol: /^https?$/, message: "Enter an http(s) URL" }).max(500);

const modelList = z
  .array(z.string().trim().min(1).max(200))
  .max(100)
  .transform((models) => [...new Set(models)]);

/** POST /api/connections: an OpenAI or OpenAI-compatible connection. */
export const createConnectionSchema = z.strictObject({
  name: connectionName,
  baseUrl: baseUrl.optional(),
  apiKey: z.string().min(1, { message: "Required" }).max(500),
  models: modelList.default([]),
  maxConcurrent: z.int().min(1).max(1000).default(4),
  requestsPerMinute: z.int().min(1).max(100_000).default(60),
});

/** PATCH /api/connections/:id: a new base URL needs the key again. */
export const updateConnectionSchema = z.strictObject({
  baseUrl: baseUrl.nullable().optional(),
  apiKey: z.string().min(1).max(500).optional(),
  models: modelList.optional(),
  maxConcurrent: z.int().min(1).max(1000).optional(),
  requestsPerMinute: z.int().min(1).max(100_000).optional(),
});

/** A connection as the API returns it: never the key, only whether one is set. */
export interface ConnectionDto {
  id: string;
  name: string;
  provider: "openai" | "simulated";
  baseUrl: string | null;
  hasApiKey: boolean;
  models: string[];
  maxConcurrent: number;
  requestsPerMinute: number;
  builtIn: boolean;
  updatedAt: string;
}

/** POST /api/secrets. */
export const createSecretSchema = z.strictObject({
  name: secretName,
  value: z.string().min(1, { message: "Required" }).max(10_000),
});

/** PATCH /api/secrets/:id: replace the value (values are write-only). */
export const updateSecretSchema = z.strictObject({
  value: z.string().min(1, { message: "Required" }).max(10_000),
});

/** A secret as the API returns it: name and dates, never the value. */
export interface SecretDto {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
