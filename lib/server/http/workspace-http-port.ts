import type { HttpPort } from "@/lib/engine/context";
import { listHttpAllowRules } from "@/lib/db/http-allow-rules";
import { createHttpPort } from "./http-port";

/** The SSRF-protected HTTP port of a workspace, with its allow rules read once for the run. */
export async function httpPortForWorkspace(workspaceId: string): Promise<HttpPort> {
  const rules = await listHttpAllowRules(workspaceId);
  return createHttpPort({ workspaceId, allowRules: rules.map((rule) => rule.prefix) });
}
