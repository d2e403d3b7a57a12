import { z } from "zod";
import { isRecordNotFound, isUniqueViolation } from "@/lib/db/errors";
import type { UserRecord } from "@/lib/db/users";
import { ApiError, errorResponse, errors, validationError } from "./errors";
import { logger } from "./logger";
import { can, type Action } from "./permissions";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "./request-body";
import { currentUser } from "./session";
import { resolveWorkspaceContext, type WorkspaceContext } from "./workspace-context";

/** Who may call a route: anyone, any signed-in user, or a member of the active workspace. */
type AuthMode = "public" | "user" | "workspace";

interface RouteOptions<
  B extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
> {
  /** Defaults to "workspace". */
  auth?: AuthMode;
  /** Checked against the permission table for the caller's roles in the active workspace. */
  permission?: Action;
  /** Lets a user who must change their temporary password call the route (default false). */
  allowPendingPasswordChange?: boolean;
  body?: B;
  params?: P;
  query?: Q;
  /** JSON body limit in bytes (default 1 MB). */
  maxBodyBytes?: number;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a handler receives: parsed inputs and, by auth mode, the caller. */
export interface RouteArgs<B, P, Q, A extends AuthMode> {
  request: Request;
  body: B;
  params: P;
  query: Q;
  user: A extends "public" ? UserRecord | null : UserRecord;
  ctx: A extends "workspace" ? WorkspaceContext : null;
}

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function parse<T extends z.ZodType | undefined>(
  schema: T,
  value: unknown,
  where: string,
): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data as Infer<T>;
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return Response.json(result);
}

/** Any thrown value as an ApiError: known database errors mapped, anything else logged as a 500. */
export function fromUnknown(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isUniqueViolation(error)) return errors.conflict("Something with that name already exists.");
  if (isRecordNotFound(error)) return errors.notFound();
  logger.error({ err: error }, "unhandled error in route");
  return new ApiError(500, "internal", "Something went wrong on our side. The error was logged.");
}

/**
 * Wraps a route handler: authenticates, checks the role permission (membership read from the
 * database per request), parses params, query and body with zod, and turns every failure into
 * the JSON error shape with its status. Handlers return a value (200 JSON), undefined (204) or a Response.
 */
export function route<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  A extends AuthMode = "workspace",
>(
  options: RouteOptions<B, P, Q> & { auth?: A },
  handler: (args: RouteArgs<Infer<B>, Infer<P>, Infer<Q>, A>) => Promise<unknown>,
) {
  return async (request: Request, context?: NextRouteContext): Promise<Response> => {
    try {
      const mode: AuthMode = options.auth ?? "workspace";
      const user = mode === "public" ? await currentUser().catch(() => null) : await currentUser();
      if (mode !== "public" && !user) throw errors.unauthorized();
      if (user?.mustChangePassword && mode !== "public" && !options.allowPendingPasswordChange) {
        throw new ApiError(
          403,
          "password_change_required",
          "Change your temporary password before continuing.",
        );
      }
      let ctx: WorkspaceContext | null = null;
      if (mode === "workspace") {
        ctx = await resolveWorkspaceContext(user!);
        if (!ctx) throw errors.forbidden("You are not a member of any workspace.");
        if (options.permission && !can(ctx.roles, options.permission)) {
          throw errors.forbidden(
            `Your role in ${ctx.workspace.name} does not allow this (${options.permission}).`,
          );
        }
      }
      const params = parse(options.params, context ? await context.params : {}, "path");
      const query = parse(
        options.query,
        Object.fromEntries(new URL(request.url).searchParams),
        "query",
      );
      const body = options.body
        ? parse(
            options.body,
            await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_BODY_LIMIT),
            "body",
          )
        : (undefined as Infer<B>);
      const args = { request, body, params, query, user, ctx } as RouteArgs<
        Infer<B>,
        Infer<P>,
        Infer<Q>,
        A
      >;
      return toResponse(await handler(args));
    } catch (error) {
      return errorResponse(fromUnknown(error));
    }
  };
}

/** A 201 JSON response. */
export function created(body: unknown): Response {
  return Response.json(body, { status: 201 });
}

/** Path parameter schema for routes with a single `id`. */
export const idParams = z.object({ id: z.string().min(1).max(64) });
