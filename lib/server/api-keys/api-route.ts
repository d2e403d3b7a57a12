import type { z } from "zod";
import { errorResponse, validationError } from "../errors";
import { fromUnknown } from "../route";
import { authenticateApiKey, type ApiCaller } from "./authenticate";
import { keyRateLimiter } from "./rate-limit";

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** What an API-key route handler receives. */
export interface ApiKeyRouteArgs<P> {
  request: Request;
  caller: ApiCaller;
  params: P;
}

/**
 * Wraps a route of the public run API: authenticates the Bearer API key (401), counts the call
 * against the key's rate limit (429 with Retry-After; keyed by the key, never by a client
 * address), parses the path parameters and turns every failure into the JSON error shape.
 */
export function apiKeyRoute<P extends z.ZodType>(
  options: { params: P },
  handler: (args: ApiKeyRouteArgs<z.output<P>>) => Promise<Response>,
) {
  return async (request: Request, context?: NextRouteContext): Promise<Response> => {
    try {
      const caller = await authenticateApiKey(request);
      await keyRateLimiter().consume(caller.keyId, caller.rateLimitPerMinute);
      const parsed = options.params.safeParse(context ? await context.params : {});
      if (!parsed.success) throw validationError(parsed.error, "path");
      return await handler({ request, caller, params: parsed.data });
    } catch (error) {
      return errorResponse(fromUnknown(error));
    }
  };
}
