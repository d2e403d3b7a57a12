import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(socket.end() !== undefined));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not open`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A redis-server of a test's own, on its own port, keeping nothing on disk. */
export interface ThrowawayRedis {
  url: string;
  /** Kills the server (its data is gone) and starts an empty one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a {@link ThrowawayRedis}. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  let server: ChildProcess;
  const start = async () => {
    server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", ""], {
      stdio: "ignore",
    });
    await waitForPort(port);
  };
  const stop = async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGKILL");
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await stop();
      await start();
    },
    stop,
  };
}

/** A PostgreSQL cluster of a test's own (initdb in a temp directory), trust auth, user root. */
export interface ThrowawayPostgres {
  url: string;
  /** Stops the server as a crash would (immediate mode), then starts it again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const PG_BIN = "/usr/lib/postgresql/15/bin";

/** Starts a {@link ThrowawayPostgres}: initdb and pg_ctl run as the postgres user (initdb refuses root). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const asPostgres = (command: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, command), ...args], {
      stdio: "ignore",
    });
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "root", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", `${dir}/log`, "-w", "start"]);
  const stopNow = () => asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  return {
    url: `postgresql://root@127.0.0.1:${port}/postgres`,
    async restart() {
      stopNow();
      start();
    },
    async stop() {
      stopNow();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
