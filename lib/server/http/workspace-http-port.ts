import type { HttpPort } from "@/lib/engine/context";
import { listHttpAllowRules } from "@/lib/db/http-allow-rules";
import { createHttpPort } from "./http-port";

/**
 * The SSRF-protected HTTP port of a workspace. Its allow rules are read once per run, at the
 * run's first request (most runs make none); a failed read is tried again on the next request.
 */
export function httpPortForWorkspace(workspaceId: string): HttpPort {
  let port: Promise<HttpPort> | undefined;
  return {
    request(request, options) {
      port ??= listHttpAllowRules(workspaceId).then((rules) =>
        createHttpPort({ workspaceId, allowRules: rules.map((rule) => rule.prefix) }),
      );
      port.catch(() => (port = undefined));
      return port.then((ready) => ready.request(request, options));
    },
  };
}
