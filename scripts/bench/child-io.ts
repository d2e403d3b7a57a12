import { prepareDatabase } from "@/lib/db/client";
import { completeSetup } from "@/lib/server/setup";
import { RESULT_PREFIX, type Measured } from "./stats";

/** Prints a figure for the parent to collect. */
export function report(measured: Measured): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(measured)}\n`);
}

/** Progress for the person watching (stderr, so stdout carries only results). */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Migrates the database this process was pointed at and creates a workspace (first admin). */
export async function seedWorkspace(): Promise<string> {
  await prepareDatabase();
  const { workspaceId } = await completeSetup({
    name: "Bench",
    email: "bench@example.com",
    password: "bench-password-1",
    workspaceName: "Bench",
  });
  return workspaceId;
}

/** Runs a child's main, closes the database and exits (1 on failure). */
export function runChildMain(main: () => Promise<void>, close: () => Promise<void>): void {
  main()
    .then(close)
    .then(
      () => process.exit(0),
      async (error: unknown) => {
        console.error(error);
        await close().catch(() => undefined);
        process.exit(1);
      },
    );
}
