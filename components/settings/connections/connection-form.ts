import { z } from "zod";
import { createConnectionSchema, type ConnectionDto } from "@/lib/schemas/settings";
import type { CreateConnectionInput, UpdateConnectionInput } from "@/lib/query/connections";

const urlSchema = createConnectionSchema.shape.baseUrl.unwrap();
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "Enter a whole number" })
    .int({ error: "Enter a whole number" })
    .min(min, { error: `At least ${min}` })
    .max(max, { error: `At most ${max.toLocaleString("en-US")}` });

/** Form fields of the connection dialog (models as free text, numbers as numbers). */
export interface ConnectionFormValues {
  name: string;
  baseUrl: string;
  apiKey: string;
  models: string;
  maxConcurrent: number;
  requestsPerMinute: number;
}

/** The form's field names, for mapping server issues. */
export const CONNECTION_FIELDS = [
  "name",
  "baseUrl",
  "apiKey",
  "models",
  "maxConcurrent",
  "requestsPerMinute",
] as const;

/** Splits "a, b\nc" into ["a", "b", "c"]. */
export function parseModels(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((model) => model.trim())
    .filter(Boolean);
}

/** True when the edit changes the base URL, which makes the API key required again (server rule). */
export function baseUrlChanged(original: ConnectionDto | null, baseUrl: string): boolean {
  return original !== null && (original.baseUrl ?? "") !== baseUrl.trim();
}

/** Validation for creating (`original` null) or editing a connection. */
export function connectionFormSchema(original: ConnectionDto | null) {
  return z
    .object({
      name: original ? z.string() : createConnectionSchema.shape.name,
      baseUrl: z
        .string()
        .trim()
        .refine((value) => value === "" || urlSchema.safeParse(value).success, {
          error: "Enter an http(s) URL",
        }),
      apiKey: z.string().max(500, { error: "At most 500 characters" }),
      models: z.string().refine((text) => parseModels(text).every((model) => model.length <= 200), {
        error: "Each model name must be at most 200 characters",
      }),
      maxConcurrent: wholeNumber(1, 1000),
      requestsPerMinute: wholeNumber(1, 100_000),
    })
    .superRefine((values, ctx) => {
      if (values.apiKey !== "") return;
      if (!original) ctx.addIssue({ code: "custom", path: ["apiKey"], message: "Required" });
      else if (baseUrlChanged(original, values.baseUrl))
        ctx.addIssue({
          code: "custom",
          path: ["apiKey"],
          message: "A new base URL needs the API key again",
        });
    });
}

/** Initial form values: blank with sensible limits, or the connection being edited. */
export function initialValues(original: ConnectionDto | null): ConnectionFormValues {
  return {
    name: original?.name ?? "",
    baseUrl: original?.baseUrl ?? "",
    apiKey: "",
    models: original?.models.join("\n") ?? "",
    maxConcurrent: original?.maxConcurrent ?? 4,
    requestsPerMinute: original?.requestsPerMinute ?? 60,
  };
}

/** POST body from the form. */
export function toCreateBody(values: ConnectionFormValues): CreateConnectionInput {
  return {
    name: values.name.trim(),
    ...(values.baseUrl.trim() ? { baseUrl: values.baseUrl.trim() } : {}),
    apiKey: values.apiKey,
    models: parseModels(values.models),
    maxConcurrent: values.maxConcurrent,
    requestsPerMinute: values.requestsPerMinute,
  };
}

/** PATCH body from the form: the key only when typed, the base URL only when changed. */
export function toUpdateBody(
  original: ConnectionDto,
  values: ConnectionFormValues,
): UpdateConnectionInput {
  return {
    ...(baseUrlChanged(original, values.baseUrl) ? { baseUrl: values.baseUrl.trim() || null } : {}),
    ...(values.apiKey ? { apiKey: values.apiKey } : {}),
    models: parseModels(values.models),
    maxConcurrent: values.maxConcurrent,
    requestsPerMinute: values.requestsPerMinute,
  };
}
