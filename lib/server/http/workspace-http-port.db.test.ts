import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHttpAllowRule, listHttpAllowRules } from "@/lib/db/http-allow-rules";
import { NodeError } from "@/lib/engine/errors";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { createAdminContext } from "@/test/fixtures";
import { normalizeAllowRule } from "./url-policy";
import { httpPortForWorkspace } from "./workspace-http-port";

setupTestDatabase();

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => res.end(`reached ${req.url}`));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const call = { signal: new AbortController().signal, idempotencyKey: "run:node:1" };

describe(`workspace allow rules on ${testDbKind}`, () => {
  it("lists a workspace's rules only, and adding a prefix again updates its note", async () => {
    const a = await createAdminContext("A");
    const b = await createAdminContext("B");
    await addHttpAllowRule(a.workspace.id, "http://localhost:3000/api/demo/", "demo API");
    await addHttpAllowRule(a.workspace.id, "http://localhost:3000/api/demo/", "demo tickets");
    await addHttpAllowRule(b.workspace.id, "http://10.0.0.5/");

    const rules = await listHttpAllowRules(a.workspace.id);
    expect(rules.map((r) => [r.prefix, r.note])).toEqual([
      ["http://localhost:3000/api/demo/", "demo tickets"],
    ]);
  });

  it("lets the workspace with a rule reach the loopback server and refuses the other", async () => {
    const a = await createAdminContext("With rule");
    const b = await createAdminContext("Without rule");
    await addHttpAllowRule(a.workspace.id, normalizeAllowRule(`${base}/api/demo/`));

    const allowed = httpPortForWorkspace(a.workspace.id);
    const response = await allowed.request(
      { method: "GET", url: `${base}/api/demo/tickets`, headers: {} },
      call,
    );
    expect(response.body).toBe("reached /api/demo/tickets");

    const refused = await httpPortForWorkspace(b.workspace.id)
      .request({ method: "GET", url: `${base}/api/demo/tickets`, headers: {} }, call)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NodeError);
    expect((refused as NodeError).code).toBe("ssrf_blocked");
  });
});
