/** What a benchmark's main function gets: where to register cleanups, and whether to stop. */
export interface BenchLifecycle {
  /** Registers a cleanup; they run last registered first when the benchmark ends or is interrupted. */
  onCleanup(cleanup: () => Promise<void>): void;
  /** True once SIGINT or SIGTERM asked the benchmark to stop. */
  stopping(): boolean;
}

/**
 * Runs a benchmark's main function and cleans up after it, also on Ctrl-C or SIGTERM; exits with
 * its code, 1 when it threw, 130 when interrupted.
 */
export function runBench(main: (bench: BenchLifecycle) => Promise<number>): void {
  const cleanups: (() => Promise<void>)[] = [];
  let stopping = false;
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error("bench cleanup failed:", error));
    }
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping the benchmark and cleaning up ...`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  const bench = {
    onCleanup: (c: () => Promise<void>) => void cleanups.push(c),
    stopping: () => stopping,
  };
  main(bench).then(
    async (code) => {
      await cleanUp();
      if (!stopping) process.exit(code);
    },
    async (error: unknown) => {
      if (stopping) return; // the signal handler cleans up and exits
      console.error(error);
      await cleanUp();
      process.exit(1);
    },
  );
}
