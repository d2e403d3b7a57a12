import { logger } from "./logger";

const globalKey = Symbol.for("trellis.sweepers");
type GlobalWithSweepers = typeof globalThis & { [globalKey]?: Map<string, NodeJS.Timeout> };

/**
 * Runs `sweep` every `everyMs` (and at once when `runNow`), once per process however often it is
 * called (module reloads included); a failing sweep is logged and the next one runs as planned.
 * The timer is unref'd, so it never keeps a process alive.
 */
export function startSweeper(
  name: string,
  everyMs: number,
  sweep: () => Promise<unknown>,
  { runNow = false }: { runNow?: boolean } = {},
): void {
  const g = globalThis as GlobalWithSweepers;
  const sweepers = (g[globalKey] ??= new Map());
  if (sweepers.has(name)) return;
  const run = () =>
    void sweep().catch((err: unknown) => logger.error({ err, sweeper: name }, "sweep failed"));
  sweepers.set(name, setInterval(run, everyMs).unref());
  if (runNow) run();
}
