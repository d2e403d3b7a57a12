import { NodeError } from "@/lib/engine/errors";
import type { ConnectionRecord } from "@/lib/db/connections";
import { decryptSecret } from "../../crypto";
import { createOpenAIAdapter } from "./openai";
import type { SimulatedKnobs } from "@/lib/nodes/shared/simulated-knobs";
import { createSimulatedAdapter } from "./simulated";
import type { ProviderAdapter } from "./types";

/** The adapter for a stored connection: the SDK client gets the decrypted key, the simulated model the given knobs. */
export function adapterFor(
  connection: ConnectionRecord,
  simulated: SimulatedKnobs = {},
): ProviderAdapter {
  if (connection.provider === "simulated") return createSimulatedAdapter(simulated);
  if (connection.provider !== "openai") {
    throw new NodeError(
      `Connection "${connection.name}" has an unsupported provider "${connection.provider}"`,
      "unknown_provider",
      {
        retryable: false,
      },
    );
  }
  let apiKey: string | null = null;
  try {
    apiKey = connection.encryptedApiKey === null ? null : decryptSecret(connection.encryptedApiKey);
  } catch {
    throw new NodeError(
      `The API key of connection "${connection.name}" cannot be decrypted; enter it again`,
      "connection_key_unreadable",
      {
        retryable: false,
      },
    );
  }
  return createOpenAIAdapter({ baseUrl: connection.baseUrl, apiKey });
}

export type {
  AdapterOptions,
  AdapterParameters,
  AdapterRequest,
  AdapterResult,
  ProviderAdapter,
  ToolCall,
} from "./types";
