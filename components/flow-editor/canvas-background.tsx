"use client";

import { Background, useStore, type ReactFlowState } from "@xyflow/react";

const GAP = 20;
/** Below this zoom the dots are under 6 px apart: a grey moiré that costs a repaint every frame. */
const MIN_ZOOM = 0.3;

const showDots = (s: ReactFlowState) => s.transform[2] >= MIN_ZOOM;

/** The canvas's dotted background, left out when zoomed out so far that the dots blur together. */
export function CanvasBackground() {
  return useStore(showDots) ? <Background gap={GAP} /> : null;
}
