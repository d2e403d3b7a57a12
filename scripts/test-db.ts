/**
 * `npm run test:db`: the database test project on PGlite, then on PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const vitest = path.resolve(__dirname, "../node_modules/.bin/vitest");
const kinds = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];
if (!process.env.TEST_DATABASE_URL)
  console.log("test:db: TEST_DATABASE_URL is not set; PostgreSQL tests skipped.");

for (const kind of kinds) {
  console.log(`\ntest:db on ${kind}`);
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DB_KIND: kind, NODE_ENV: "test" };
  delete env.DATABASE_URL;
  // Tests run the embedded mode; the queue-mode tests take Redis from TEST_REDIS_URL explicitly.
  env.TEST_REDIS_URL ??= process.env.REDIS_URL;
  delete env.REDIS_URL;
  const result = spawnSync(vitest, ["run", "--project", "db"], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
