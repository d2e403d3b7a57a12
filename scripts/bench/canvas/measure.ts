import type { BrowserContext, Page } from "@playwright/test";
import { quantile } from "../stats";
import { probeScript } from "./probes";

/** How long one input step lasts: about one event per frame, as a hand on a mouse sends them. */
const STEP_MS = 16;
const PAN = { dx: 160, dy: 100, steps: 15, roundTrips: 4 };
const ZOOM = { deltaY: 100, steps: 12, cycles: 3 };

type Point = { x: number; y: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One canvas visit's figures: open time, and p95 frame times while panning and zooming. */
export interface VisitFigures {
  openMs: number;
  panP95Ms?: number;
  zoomP95Ms?: number;
}

/** Opens `url` in a new page and waits until the whole graph is rendered; returns the page and ms. */
async function openCanvas(
  context: BrowserContext,
  url: string,
  expected: { nodes: number; edges: number },
): Promise<{ page: Page; openMs: number }> {
  const page = await context.newPage();
  await page.addInitScript({ content: probeScript(expected) });
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction("window.__bench && window.__bench.openedAt", null, {
    timeout: 30 * 60_000, // a slow editor may take minutes to open 1,000 nodes on a busy machine
    polling: 200,
  });
  return { page, openMs: Number(await handle.jsonValue()) };
}

// A point on the empty pane from which a drag by (dx, dy) stays on the pane, clear of panels.
const panePointScript = (dx: number, dy: number) => `(() => {
  const box = document.querySelector(".react-flow__pane").getBoundingClientRect();
  const panels = [...document.querySelectorAll(".react-flow__panel")].map((p) => p.getBoundingClientRect());
  const inside = (x, y) => x > box.left + 8 && x < box.right - 8 && y > box.top + 8 && y < box.bottom - 8;
  const clear = (x, y) => inside(x, y) && !panels.some((r) => x > r.left - 12 && x < r.right + 12 && y > r.top - 12 && y < r.bottom + 12);
  const empty = (x, y) => {
    const element = document.elementFromPoint(x, y);
    return Boolean(element && element.closest(".react-flow") &&
      !element.closest(".react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__handle"));
  };
  for (let y = box.top + 12; y < box.bottom; y += 6)
    for (let x = box.left + 12; x < box.right; x += 6)
      if (clear(x, y) && clear(x + ${dx}, y + ${dy}) && empty(x, y)) return { x, y };
  return null;
})()`;

async function collectFrames(page: Page, interact: () => Promise<void>): Promise<number> {
  await page.evaluate("window.__bench.startFrames()");
  await interact();
  const deltas = (await page.evaluate("window.__bench.stopFrames()")) as number[];
  return quantile(deltas, 0.95);
}

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= PAN.steps; step++) {
    const t = step / PAN.steps;
    await page.mouse.move(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    await sleep(STEP_MS);
  }
  await page.mouse.up();
}

/** p95 frame time while dragging the pane back and forth (the view ends where it started). */
async function panP95(page: Page): Promise<number> {
  const start = (await page.evaluate(panePointScript(PAN.dx, PAN.dy))) as Point | null;
  if (!start) throw new Error("no empty spot on the pane to drag from");
  const end = { x: start.x + PAN.dx, y: start.y + PAN.dy };
  return collectFrames(page, async () => {
    for (let trip = 0; trip < PAN.roundTrips; trip++) {
      await drag(page, start, end);
      await drag(page, end, start);
    }
  });
}

/** p95 frame time while wheeling in and out over the canvas centre (ends at the starting zoom). */
async function zoomP95(page: Page): Promise<number> {
  const box = await page.locator(".react-flow__pane").boundingBox();
  if (!box) throw new Error("no pane to zoom");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return collectFrames(page, async () => {
    for (let cycle = 0; cycle < ZOOM.cycles; cycle++) {
      for (const direction of [-1, 1]) {
        for (let step = 0; step < ZOOM.steps; step++) {
          await page.mouse.wheel(0, direction * ZOOM.deltaY);
          await sleep(STEP_MS);
        }
      }
    }
  });
}

/** The canvas's size in the page, so the bare page can be given the same. */
export async function canvasSize(page: Page): Promise<{ width: number; height: number }> {
  const box = await page.locator(".react-flow").first().boundingBox();
  if (!box) throw new Error("no canvas on the page");
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** Opens the canvas at `url`, optionally pans and zooms it, then closes the page. */
export async function visit(
  context: BrowserContext,
  url: string,
  expected: { nodes: number; edges: number },
  options: { frames: boolean; onOpen?: (page: Page) => Promise<void> },
): Promise<VisitFigures> {
  const { page, openMs } = await openCanvas(context, url, expected);
  try {
    await options.onOpen?.(page);
    if (!options.frames) return { openMs };
    await sleep(500); // let the page settle after its first paint
    return { openMs, panP95Ms: await panP95(page), zoomP95Ms: await zoomP95(page) };
  } finally {
    await page.close();
  }
}
