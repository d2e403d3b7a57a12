/** A flow node for specs that build graphs through the API, laid out on one row. */
export const node = (
  id: string,
  type: string,
  config: Record<string, unknown>,
  x: number,
  policy: Record<string, unknown> = {},
) => ({ id, type, typeVersion: 1, label: id, config, policy, position: { x, y: 100 } });

/** An Input node whose schema asks for one required string, `question`. */
export const questionInput = (x = 0) =>
  node(
    "in",
    "input",
    {
      schema: {
        type: "object",
        required: ["question"],
        properties: { question: { type: "string" } },
      },
    },
    x,
  );
