/**
 * Scripts run inside the benchmarked page, kept as plain JavaScript text so nothing the
 * TypeScript runner adds to compiled functions leaks into the page.
 */

/**
 * Installed before the page's own scripts: `openedAt` becomes the time since navigation start at
 * the first animation frame after `nodes` nodes and `edges` edges are rendered, every node is
 * measured (React Flow hides unmeasured ones) and the view has been fitted. `startFrames` and
 * `stopFrames` collect the deltas between animation frames in between.
 */
export function probeScript(expected: { nodes: number; edges: number }): string {
  return `(() => {
  const expected = ${JSON.stringify(expected)};
  const bench = {};
  window.__bench = bench;
  const initialView = "translate(0px, 0px) scale(1)";
  const rendered = () => {
    const nodes = document.querySelectorAll(".react-flow__node");
    if (nodes.length !== expected.nodes) return false;
    if (document.querySelectorAll(".react-flow__edge").length !== expected.edges) return false;
    const viewport = document.querySelector(".react-flow__viewport");
    if (!viewport || viewport.style.transform === initialView) return false;
    for (const node of nodes) if (node.style.visibility === "hidden") return false;
    return true;
  };
  const watch = () => {
    if (!rendered()) return requestAnimationFrame(watch);
    requestAnimationFrame(() => { bench.openedAt = performance.now(); });
  };
  requestAnimationFrame(watch);
  bench.startFrames = () => {
    const deltas = [];
    let last;
    let running = true;
    const tick = (time) => {
      if (last !== undefined) deltas.push(time - last);
      last = time;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    bench.stopFrames = () => { running = false; return deltas; };
  };
})();`;
}
