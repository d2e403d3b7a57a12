/** Value types a port carries; the editor and the engine share one compatibility rule. */
export const PORT_TYPES = ["text", "json", "messages", "number", "boolean", "any"] as const;
/** One port type. */
export type PortType = (typeof PORT_TYPES)[number];

/** A typed input or output of a node. */
export interface PortSpec {
  name: string;
  type: PortType;
  label?: string;
  /** Inputs only: the node cannot run without it (default true for inputs). */
  required?: boolean;
  /** Inputs only: accepts several edges and receives an array (Merge). */
  multiple?: boolean;
}

/** The inputs and outputs of one node instance. */
export interface NodePorts {
  inputs: PortSpec[];
  outputs: PortSpec[];
}

// What may flow into each input type besides its own type and `any`.
const WIDENING: Record<PortType, readonly PortType[]> = {
  text: ["number", "boolean"],
  json: ["text", "number", "boolean", "messages"],
  messages: [],
  number: [],
  boolean: [],
  any: PORT_TYPES,
};

/** True when an edge may connect an output of type `from` to an input of type `to`. */
export function portsCompatible(from: PortType, to: PortType): boolean {
  return from === to || from === "any" || to === "any" || WIDENING[to].includes(from);
}
