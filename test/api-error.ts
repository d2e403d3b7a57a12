import { expect } from "vitest";
import type { ApiError, ApiErrorCode } from "@/lib/server/errors";

/**
 * Awaits a promise that must reject with an ApiError of the given status and code, and returns
 * the error. Matches by class name rather than instanceof, so it also works for errors thrown by
 * modules re-imported after `vi.resetModules()`.
 */
export async function expectApiError(
  promise: Promise<unknown>,
  status: number,
  code: ApiErrorCode,
): Promise<ApiError> {
  const outcome = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`Expected ApiError ${status} ${code}, but the call succeeded`);
  const error = outcome.error as ApiError;
  expect(error).toBeInstanceOf(Error);
  expect(error.constructor.name).toBe("ApiError");
  expect({ status: error.status, code: error.code }).toEqual({ status, code });
  return error;
}
