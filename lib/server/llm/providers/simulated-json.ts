import type { ChatMessage } from "@/lib/engine/context";
import { lastUserText, systemText } from "./prompt-parts";
import type { Seeded } from "./seeded";
import { judge, type Verdict } from "./simulated-judge";
import { chooseLabel, type LabelChoice, type LabelOption } from "./simulated-labels";
import { fakeString } from "./simulated-strings";
import { keywordsOf } from "./words";

type Schema = Record<string, unknown>;

interface Gen {
  root: Schema;
  rng: Seeded;
  messages: ChatMessage[];
  words: string[];
  verdict?: Verdict;
}

const MAX_DEPTH = 8;
const PASS_NAMES = /^(pass|passed|ok|approved|valid|isvalid|acceptable|success|compliant)$/;
const CONFIDENCE_NAMES = /confiden|probab|certain|likelihood/;

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const key = (name: string) => name.toLowerCase().replace(/[^a-z]/g, "");

function resolve(schema: Schema, gen: Gen, seen = 0): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/") || seen > 16) return schema;
  let target: unknown = gen.root;
  for (const part of ref.slice(2).split("/"))
    target = isSchema(target) ? target[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  return isSchema(target) ? resolve(target, gen, seen + 1) : schema;
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((t) => t !== "null") ?? "null";
  if (typeof type === "string") return type;
  if (isSchema(schema.properties)) return "object";
  if (isSchema(schema.items)) return "array";
  return undefined;
}

/** String labels of an enum, or of anyOf/oneOf branches that are all `const` (with descriptions). */
function labelOptions(schema: Schema, gen: Gen): LabelOption[] | undefined {
  if (
    Array.isArray(schema.enum) &&
    schema.enum.length > 0 &&
    schema.enum.every((v) => typeof v === "string")
  ) {
    return (schema.enum as string[]).map((value) => ({ value }));
  }
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const resolved = branches.map((b) => (isSchema(b) ? resolve(b, gen) : {}));
  if (!resolved.every((b) => typeof b.const === "string")) return undefined;
  return resolved.map((b) => ({
    value: b.const as string,
    description: typeof b.description === "string" ? b.description : undefined,
  }));
}

/** Maps a unit value in [0, 1] into the schema's numeric bounds (default [0, 1]). */
function scaled(unit: number, schema: Schema): number {
  const integer = typeOf(schema) === "integer";
  const min = Number(schema.minimum ?? schema.exclusiveMinimum ?? 0);
  const max = Number(schema.maximum ?? schema.exclusiveMaximum ?? (integer ? 10 : 1));
  let value = min + unit * (max - min);
  value = integer ? Math.round(value) : Math.round(value * 100) / 100;
  if (schema.exclusiveMinimum !== undefined && value <= min)
    value = integer ? min + 1 : min + (max - min) / 100;
  if (schema.exclusiveMaximum !== undefined && value >= max)
    value = integer ? max - 1 : max - (max - min) / 100;
  return value;
}

function numberValue(schema: Schema, gen: Gen): number {
  const integer = typeOf(schema) === "integer";
  const hasRange = schema.maximum !== undefined || schema.exclusiveMaximum !== undefined;
  const unit = gen.rng.next();
  if (hasRange) return scaled(unit, schema);
  const min = Number(
    schema.minimum ??
      (schema.exclusiveMinimum !== undefined ? Number(schema.exclusiveMinimum) + 1 : 1),
  );
  return integer ? Math.floor(min + unit * 20) : Math.round((min + unit * 100) * 100) / 100;
}

function arrayValue(schema: Schema, name: string, gen: Gen, depth: number): unknown[] {
  const items = isSchema(schema.items) ? schema.items : {};
  const min = Number(schema.minItems ?? 0);
  const max = Number(schema.maxItems ?? Math.max(min, 3));
  const count = Math.min(max, Math.max(min, gen.rng.int(1, 3)));
  const singular = name.replace(/s$/, "");
  const values = Array.from({ length: count }, (_, index) =>
    generate(items, singular, gen, depth + 1, index),
  );
  if (schema.uniqueItems !== true) return values;
  return values.filter(
    (v, i) => values.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i,
  );
}

function objectValue(schema: Schema, gen: Gen, depth: number): Record<string, unknown> {
  const props = isSchema(schema.properties) ? schema.properties : {};
  const entries = Object.entries(props).map(
    ([name, s]) => [name, isSchema(s) ? resolve(s, gen) : {}] as const,
  );
  const labelled = entries.find(([, s]) => labelOptions(s, gen));
  const hasPass = entries.some(
    ([name, s]) => typeOf(s) === "boolean" && PASS_NAMES.test(key(name)),
  );
  const judgeLike =
    hasPass ||
    (entries.some(([n]) => key(n) === "score") && entries.some(([n]) => key(n) === "reason"));
  if (judgeLike) gen.verdict ??= judge(gen.messages, gen.rng);
  let choice: LabelChoice | undefined;
  if (labelled) {
    const options = labelOptions(labelled[1], gen)!;
    choice = chooseLabel(options, lastUserText(gen.messages), systemText(gen.messages), gen.rng);
  }
  const out: Record<string, unknown> = {};
  for (const [name, s] of entries) {
    const k = key(name);
    const numeric = typeOf(s) === "number" || typeOf(s) === "integer";
    if (choice && name === labelled![0]) out[name] = choice.value;
    else if (choice && numeric && (CONFIDENCE_NAMES.test(k) || (!judgeLike && k === "score")))
      out[name] = scaled(choice.confidence, s);
    else if (gen.verdict && typeOf(s) === "boolean" && PASS_NAMES.test(k))
      out[name] = gen.verdict.pass;
    else if (gen.verdict && numeric && k === "score") out[name] = scaled(gen.verdict.score, s);
    else if (gen.verdict && k === "reason" && typeOf(s) === "string")
      out[name] = gen.verdict.reason;
    else out[name] = generate(s, name, gen, depth + 1, 0);
  }
  return out;
}

function generate(raw: Schema, name: string, gen: Gen, depth: number, index: number): unknown {
  const schema = resolve(raw, gen);
  if (depth > MAX_DEPTH) return null;
  if ("const" in schema) return schema.const;
  const labels = labelOptions(schema, gen);
  if (labels)
    return chooseLabel(labels, lastUserText(gen.messages), systemText(gen.messages), gen.rng).value;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return gen.rng.pick(schema.enum);
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(branches) && branches.length > 0) {
    const branch =
      branches.find((b) => isSchema(b) && typeOf(resolve(b, gen)) !== "null") ?? branches[0];
    return generate(isSchema(branch) ? branch : {}, name, gen, depth + 1, index);
  }
  if (Array.isArray(schema.allOf) && isSchema(schema.allOf[0]))
    return generate(schema.allOf[0], name, gen, depth + 1, index);
  switch (typeOf(schema)) {
    case "object":
      return objectValue(schema, gen, depth);
    case "array":
      return arrayValue(schema, name, gen, depth);
    case "number":
    case "integer":
      return numberValue(schema, gen);
    case "boolean":
      return gen.rng.next() < 0.7;
    case "null":
      return null;
    default:
      return fakeString(schema, name, {
        rng: gen.rng,
        messages: gen.messages,
        words: gen.words,
        index,
      });
  }
}

/** A value matching `schema`, built deterministically from the prompt (classifier and judge schemas get sensible answers). */
export function generateJson(schema: Schema, messages: ChatMessage[], rng: Seeded): unknown {
  const gen: Gen = { root: schema, rng, messages, words: keywordsOf(lastUserText(messages), 6) };
  return generate(schema, "value", gen, 0, 0);
}
