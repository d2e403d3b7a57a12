import { findRunStatus, type RunStatus, type SettledRunRecord } from "@/lib/db/runs";
import { subscribeRunEvents } from "./event-bus";
import { isExecutingHere } from "./execute-run";

const SETTLED = new Set<string>(["succeeded", "failed", "cancelled", "waiting"]);
const POLL_MS = 500;

/** True once a run stops on its own: finished, or paused for a person. */
export function isSettled(status: RunStatus | string): boolean {
  return SETTLED.has(status);
}

/**
 * Resolves once the run has settled (finished or paused for a person) or after `waitMs`: listens
 * to its events in this process and polls its status as well (it may run in another process, or
 * have settled before the subscription). Resolves with the run as stored when it settled here.
 */
export function awaitRun(runId: string, waitMs: number): Promise<SettledRunRecord | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (run?: SettledRunRecord) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(poll);
      unsubscribe();
      resolve(run);
    };
    const check = () =>
      void findRunStatus(runId).then(
        (status) => (!status || isSettled(status)) && finish(),
        () => undefined,
      );
    const unsubscribe = subscribeRunEvents(runId, (event) => {
      if (event.type === "run.persisted") finish(event.run);
    });
    const timer = setTimeout(finish, waitMs);
    const poll = setInterval(check, POLL_MS);
    // A run executing here announces its end to the subscription; ask the database only otherwise.
    if (!isExecutingHere(runId)) check();
  });
}
