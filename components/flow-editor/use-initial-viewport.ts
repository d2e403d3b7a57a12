"use client";

import { getViewportForBounds, type Node, type Viewport } from "@xyflow/react";
import { useLayoutEffect, useState, type RefObject } from "react";

const EMPTY_VIEW: Viewport = { x: 0, y: 0, zoom: 1 };

/**
 * The view that frames every node in the canvas element (padding 0.15, zoom 0.1 to 1), computed
 * once from node positions and their known sizes before the canvas first paints: no measuring
 * pass and no later fit. Null until the element has been laid out.
 */
export function useInitialViewport(
  nodes: Pick<Node, "position" | "measured">[],
  canvas: RefObject<HTMLElement | null>,
): Viewport | null {
  const [viewport, setViewport] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    if (viewport || !canvas.current) return;
    const { width, height } = canvas.current.getBoundingClientRect();
    // Measuring the laid-out element before paint is what a layout effect is for.
    /* eslint-disable react-hooks/set-state-in-effect */
    if (nodes.length === 0 || width === 0 || height === 0) return setViewport(EMPTY_VIEW);
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { position, measured } of nodes) {
      minX = Math.min(minX, position.x);
      minY = Math.min(minY, position.y);
      maxX = Math.max(maxX, position.x + (measured?.width ?? 0));
      maxY = Math.max(maxY, position.y + (measured?.height ?? 0));
    }
    const bounds = { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
    setViewport(getViewportForBounds(bounds, width, height, 0.1, 1, 0.15));
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [viewport, nodes, canvas]);
  return viewport;
}
