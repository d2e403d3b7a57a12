import type { NodeRunBadge } from "./run/node-run-badge";
import { NODE_WIDTH } from "./graph-ops";

/** Header height (icon, label, type) of a canvas node, in px. */
export const NODE_HEADER_HEIGHT = 54;
/** Height of one port row, in px. */
export const PORT_ROW_HEIGHT = 24;
/** The port block's top border and vertical padding, in px. */
const PORT_BLOCK_CHROME = 9;
/** The run footer's usual height (one line of chips); a wrapping footer is measured instead. */
const RUN_FOOTER_HEIGHT = 35;
/** The node's top and bottom border, in px. */
const NODE_BORDERS = 2;

/** Height of a node's body (header and port rows, without borders or run footer), in px. */
export function nodeBodyHeight(rows: number): number {
  return NODE_HEADER_HEIGHT + (rows > 0 ? PORT_BLOCK_CHROME + rows * PORT_ROW_HEIGHT : 0);
}

/** Vertical centre of port row `index` inside the node's border, where its handle sits, in px. */
export function handleTop(index: number): number {
  return NODE_HEADER_HEIGHT + 1 + 4 + index * PORT_ROW_HEIGHT + PORT_ROW_HEIGHT / 2;
}

/**
 * The size a node renders at, known before React Flow measures it, so a flow opens without a
 * second pass that rebuilds every node once the sizes arrive.
 */
export function canvasNodeSize(rows: number, run: NodeRunBadge | undefined) {
  return {
    width: NODE_WIDTH,
    height: NODE_BORDERS + nodeBodyHeight(rows) + (run ? RUN_FOOTER_HEIGHT : 0),
  };
}
