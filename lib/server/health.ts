import { pingDatabase } from "@/lib/db/health";
import packageJson from "@/package.json";
import { errors } from "./errors";
import { logger } from "./logger";

/** Liveness and readiness: status, database kind and app version; 503 when the database is down. */
export async function healthReport(): Promise<{ status: "ok"; database: string; version: string }> {
  try {
    const database = await pingDatabase();
    return { status: "ok", database, version: packageJson.version };
  } catch (error) {
    logger.error({ err: error }, "health check failed");
    throw errors.unavailable("The database is not reachable.", 5);
  }
}
