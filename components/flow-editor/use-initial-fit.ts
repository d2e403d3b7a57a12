"use client";

import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { FlowNode } from "@/lib/engine";

/** Frames the flow once, as soon as every node has been measured. */
export function useInitialFit(nodes: FlowNode[], measured: Map<string, unknown>) {
  const { fitView } = useReactFlow();
  const framed = useRef(false);
  const allMeasured = nodes.length > 0 && nodes.every((n) => measured.has(n.id));
  useEffect(() => {
    if (framed.current || !allMeasured) return;
    framed.current = true;
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.15, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [allMeasured, fitView]);
}
