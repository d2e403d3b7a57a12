import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { z } from "zod";

/** Largest JSON schema (serialized, in characters) a node accepts. */
export const SCHEMA_MAX_CHARS = 100_000;

const MAX_REPORTED_ERRORS = 20;
const CACHE_SIZE = 100;

const ajv = new Ajv2020({ strict: false, $data: false, allErrors: true, addUsedSchema: false });
addFormats(ajv);

/** One way a value failed its schema. */
export interface SchemaIssue {
  /** JSON pointer of the offending value ("" for the value itself). */
  path: string;
  message: string;
}

/** Why a schema cannot be used, or null when it is a valid JSON schema of acceptable size. */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  if (JSON.stringify(schema).length > SCHEMA_MAX_CHARS) {
    return `The schema is larger than ${SCHEMA_MAX_CHARS / 1000} kB`;
  }
  try {
    if (ajv.validateSchema(schema)) return null;
    return `Not a valid JSON schema: ${ajv.errorsText(ajv.errors)}`;
  } catch (error) {
    return `Not a valid JSON schema: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** How a config's JSON schema marks a JSON-schema field, so the editor gives it the schema editor. */
export const JSON_SCHEMA_FORMAT = "json-schema";

/** A JSON-schema object field for node configs: at most 100 kB and valid against draft 2020-12. */
export const jsonSchemaField = z
  .record(z.string(), z.unknown())
  .superRefine((schema, ctx) => {
    const problem = schemaProblem(schema);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .meta({ format: JSON_SCHEMA_FORMAT });

const compiled = new Map<string, ValidateFunction>();

/** Compiles a JSON schema (draft 2020-12, formats on, `$data` off); cached by its JSON. Throws on a bad schema. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) return hit;
  if (key.length > SCHEMA_MAX_CHARS) {
    throw new Error(`The schema is larger than ${SCHEMA_MAX_CHARS / 1000} kB`);
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } finally {
    ajv.removeSchema(schema);
  }
  compiled.set(key, validate);
  if (compiled.size > CACHE_SIZE) compiled.delete(compiled.keys().next().value!);
  return validate;
}

/** Validates a value; returns [] when it conforms, else the first issues found (path + message). */
export function schemaIssues(validate: ValidateFunction, value: unknown): SchemaIssue[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_REPORTED_ERRORS).map((e) => ({
    path: e.instancePath,
    message: e.message ?? e.keyword,
  }));
}
