// Serves Trellis with Next's request handler behind a plain Node HTTP server, so the client
// address Trellis sees (X-Forwarded-For) is the socket's unless TRELLIS_TRUST_PROXY=1 says a
// trusted reverse proxy sets it. Started by scripts/start.ts, which holds the data-dir lock.
import http from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
const trustProxy = process.env.TRELLIS_TRUST_PROXY === "1";

const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (!trustProxy) {
    req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    delete req.headers["x-real-ip"];
  }
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(
    `trellis: ready on ${process.env.NEXTAUTH_URL ?? `http://localhost:${port}`}${dev ? " (dev)" : ""}`,
  );
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
