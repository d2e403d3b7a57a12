import type { SecretsPort } from "@/lib/engine/context";
import { readSecretValue } from "../secrets";

/**
 * The secrets port of one run: reads a workspace secret by name and keeps found values for the
 * life of the port (one run); a missing secret is looked up again next time.
 */
export function createSecretsPort(workspaceId: string): SecretsPort {
  const values = new Map<string, Promise<string | null>>();
  return {
    get(name) {
      let pending = values.get(name);
      if (!pending) {
        pending = readSecretValue(workspaceId, name);
        values.set(name, pending);
        pending.then(
          (value) => value === null && values.delete(name),
          () => values.delete(name),
        );
      }
      return pending;
    },
  };
}
