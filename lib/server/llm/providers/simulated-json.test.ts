import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/engine/context";
import { createSimulatedAdapter } from "./simulated";
import type { AdapterOptions, AdapterRequest } from "./types";

const fast = createSimulatedAdapter({ latencyMs: 0, tokenDelayMs: 0 });
const options = (extra: Partial<AdapterOptions> = {}): AdapterOptions => ({
  signal: new AbortController().signal,
  timeoutMs: 5_000,
  ...extra,
});
const user = (content: string, system = "You are a helpful assistant."): ChatMessage[] => [
  { role: "system", content: system },
  { role: "user", content },
];
const ask = (request: Partial<AdapterRequest> & { messages: ChatMessage[] }) =>
  fast.complete({ model: "sim-small", ...request }, options());

const ajv = new Ajv2020({ strict: false });
addFormats(ajv);

const classifier = {
  type: "object",
  properties: {
    label: { type: "string", enum: ["billing", "technical", "sales", "other"] },
    confidence: { type: "number", minimum: 0, maximum: 1 },
  },
  required: ["label", "confidence"],
  additionalProperties: false,
};

async function classify(
  text: string,
  schema: Record<string, unknown> = classifier,
  system?: string,
) {
  const result = await ask({ messages: user(text, system), jsonSchema: schema });
  return JSON.parse(result.text) as { label: string; confidence: number };
}

describe("simulated model: structured answers", () => {
  it("picks the classifier label that matches the message, confident when it matches", async () => {
    const cases: [string, string][] = [
      ["I was charged twice for my subscription this month", "billing"],
      ["The app crashes with an error every time I try to log in", "technical"],
      ["We would like a quote for 40 licences and a demo", "sales"],
      ["What is the capital of Mongolia", "other"],
    ];
    for (const [text, label] of cases) {
      const answer = await classify(
        `Classify the message into billing, technical, sales or other.\n\nMessage: ${text}`,
      );
      expect(answer.label, text).toBe(label);
      expect(ajv.validate(classifier, answer)).toBe(true);
    }
    const sure = await classify("My invoice shows a charge I do not recognise on my card");
    const unsure = await classify("What is the capital of Mongolia");
    expect(sure.confidence).toBeGreaterThanOrEqual(0.7);
    expect(unsure.confidence).toBeGreaterThanOrEqual(0.55);
    expect(unsure.confidence).toBeLessThan(0.66);
  });

  it("uses label descriptions from anyOf consts and from the prompt", async () => {
    const described = {
      type: "object",
      properties: {
        intent: {
          anyOf: [
            { const: "escalate", description: "angry customer threatening to leave" },
            { const: "faq", description: "simple question about opening hours or shipping" },
          ],
        },
        confidence: { type: "number" },
      },
    };
    const faq = (await classify(
      "When do you open on Saturday? And what about shipping to Spain?",
      described,
    )) as unknown as { intent: string };
    expect(faq.intent).toBe("faq");
    const angry = (await classify(
      "This is the third time, I am furious and will leave for a competitor",
      described,
    )) as unknown as { intent: string };
    expect(angry.intent).toBe("escalate");
    const listed =
      "Labels:\n- refund_request: customer wants money back\n- praise: customer is happy";
    const schema = {
      type: "object",
      properties: { label: { enum: ["refund_request", "praise"] }, confidence: { type: "number" } },
    };
    expect((await classify("I want my money back now", schema, listed)).label).toBe(
      "refund_request",
    );
    expect(
      (await classify("You folks made me so happy, wonderful service", schema, listed)).label,
    ).toBe("praise");
  });

  it("judges drafts: passes a decent one, fails risky words and very short drafts", async () => {
    const judgeSchema = {
      type: "object",
      properties: {
        pass: { type: "boolean" },
        score: { type: "integer", minimum: 1, maximum: 10 },
        reason: { type: "string" },
      },
      required: ["pass", "score", "reason"],
    };
    const verdict = async (draft: string) => {
      const prompt = `Check that the reply is polite and complete.\n\nDraft: ${draft}`;
      const v = JSON.parse(
        (await ask({ messages: user(prompt), jsonSchema: judgeSchema })).text,
      ) as { pass: boolean; score: number; reason: string };
      expect(ajv.validate(judgeSchema, v)).toBe(true);
      return v;
    };
    const good = await verdict(
      "Thanks for waiting. Your replacement ships tomorrow and you will receive a tracking link by email.",
    );
    expect(good.pass).toBe(true);
    expect(good.score).toBeGreaterThanOrEqual(7);
    for (const draft of [
      "We will refund the full amount today, no questions asked at all.",
      "Our lawyer will contact you about the contract next week.",
    ]) {
      const bad = await verdict(draft);
      expect(bad.pass).toBe(false);
      expect(bad.score).toBeLessThanOrEqual(5);
      expect(bad.reason).toMatch(/refund|lawyer/);
    }
    const short = await verdict("OK, done.");
    expect([short.pass, short.reason]).toEqual([false, expect.stringMatching(/short/)]);
  });

  it("produces JSON that validates against assorted schemas", async () => {
    const schemas: Record<string, unknown>[] = [
      {
        type: "object",
        $defs: {
          item: {
            type: "object",
            properties: {
              sku: { type: "string", minLength: 3, maxLength: 8 },
              qty: { type: "integer", minimum: 1, maximum: 9 },
            },
            required: ["sku", "qty"],
            additionalProperties: false,
          },
        },
        properties: {
          customer: {
            type: "object",
            properties: {
              name: { type: "string" },
              email: { type: "string", format: "email" },
              since: { type: "string", format: "date" },
            },
          },
          items: { type: "array", items: { $ref: "#/$defs/item" }, minItems: 2, maxItems: 4 },
          note: { type: ["string", "null"] },
          tags: { type: "array", items: { type: "string" }, uniqueItems: true },
          price: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 5 },
          id: { type: "string", format: "uuid" },
          link: { type: "string", format: "uri" },
        },
        required: ["customer", "items", "note", "tags", "price", "id", "link"],
        additionalProperties: false,
      },
      {
        type: "array",
        items: {
          type: "object",
          properties: { title: { type: "string" }, done: { type: "boolean" } },
        },
        minItems: 1,
      },
      {
        type: "object",
        properties: {
          summary: { type: "string", maxLength: 40 },
          sentiment: { enum: ["positive", "neutral", "negative"] },
          count: { type: "integer" },
        },
      },
    ];
    for (const schema of schemas) {
      const result = await ask({
        messages: user("Order 2 lamps and a rug for Dana, ship by Friday"),
        jsonSchema: schema,
      });
      const value: unknown = JSON.parse(result.text);
      expect(ajv.validate(schema, value), JSON.stringify(ajv.errors)).toBe(true);
    }
  });
});
