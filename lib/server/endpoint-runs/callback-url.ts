import { NodeError } from "@/lib/engine/errors";
import { listHttpAllowRules } from "@/lib/db/http-allow-rules";
import { errors } from "../errors";
import { checkHost, matchesAllowRule, parseTargetUrl } from "../http/url-policy";

/**
 * Refuses (400) a callback URL the workspace's HTTP policy would never reach: loopback, private
 * and link-local literals and `localhost` unless allow-listed, metadata addresses always. Host
 * names are checked again on their resolved addresses when the callback is sent.
 */
export async function assertCallbackAllowed(workspaceId: string, raw: string): Promise<void> {
  try {
    const url = parseTargetUrl(raw);
    const rules = (await listHttpAllowRules(workspaceId)).map((rule) => rule.prefix);
    checkHost(url, matchesAllowRule(url, rules));
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    throw errors.badRequest(`The callbackUrl is refused: ${error.message}`, {
      issues: [{ path: "callbackUrl", message: error.message }],
    });
  }
}
