import type { PointerEvent } from "react";

/**
 * Captures the pointer on the empty pane when a drag (a pan) starts there: the browser then
 * sends the drag's moves straight to the pane instead of hit-testing the nodes under the pointer
 * on every move, which was most of a frame's time while panning a 1,000-node flow
 * (`npm run bench:canvas`). Clicks, box selection and hover over nodes are unchanged.
 */
export function capturePanePointer(event: PointerEvent<HTMLElement>): void {
  const target = event.target as Element;
  if (event.button > 1 || !target.classList.contains("react-flow__pane")) return;
  target.setPointerCapture(event.pointerId);
}
