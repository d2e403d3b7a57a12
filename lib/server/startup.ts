import { prepareDatabase } from "@/lib/db/client";
import { logger } from "./logger";

/** Startup work for the server process: open the database and apply pending migrations. */
export async function startServerProcess(): Promise<void> {
  const kind = await prepareDatabase();
  logger.info({ database: kind }, "database ready");
}
