/** The engine's public surface: graph schema, node definitions, validation and the interpreter. */
export * from "./compile";
export * from "./context";
export * from "./define-node";
export * from "./errors";
export * from "./events";
export * from "./graph";
export * from "./policy";
export * from "./pins";
export * from "./ports";
export * from "./registry";
export * from "./reuse";
export * from "./run-flow";
export * from "./state";
export * from "./validate";
