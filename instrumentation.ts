/** Next.js startup hook: runs once per server process before requests are served. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/server/startup");
  await startServerProcess();
}
