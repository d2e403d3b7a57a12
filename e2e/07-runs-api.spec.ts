import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInApi } from "./support";

async function flowId(request: APIRequestContext, name: string): Promise<string> {
  const { flows } = await (await request.get("/api/flows")).json();
  const flow = flows.find((f: { name: string }) => f.name === name);
  expect(flow, `seeded flow ${name}`).toBeTruthy();
  return flow.id;
}

async function waitForStatus(request: APIRequestContext, runId: string, statuses: string[]) {
  await expect
    .poll(async () => (await (await request.get(`/api/runs/${runId}`)).json()).run.status, {
      timeout: 20_000,
    })
    .toMatch(new RegExp(`^(${statuses.join("|")})$`));
  return (await (await request.get(`/api/runs/${runId}`)).json()).run;
}

function parseSse(text: string) {
  return text
    .split("\n\n")
    .filter((block) => block.startsWith("id:"))
    .map((block) => {
      const [id, event, data] = block
        .split("\n")
        .map((line) => line.slice(line.indexOf(":") + 1).trim());
      return { id: Number(id), event, data: JSON.parse(data!) };
    });
}

test.describe("running flows through the API", () => {
  test("input is validated against the Input node's schema", async ({ request }) => {
    await signedInApi(request);
    const id = await flowId(request, "Ticket triage (example)");
    const response = await request.post(`/api/flows/${id}/runs`, {
      data: { input: { subject: 42 } },
    });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(JSON.stringify(body.error.details.issues)).toContain("body");
  });

  test("a run waits for its result, and its events replay over SSE honouring Last-Event-ID", async ({
    request,
  }) => {
    await signedInApi(request);
    const id = await flowId(request, "Cascade routing (example)");
    const response = await request.post(`/api/flows/${id}/runs`, {
      data: { input: { question: "How do I export invoices?" }, waitMs: 20_000 },
    });
    expect(response.status()).toBe(200);
    const { run } = await response.json();
    expect(run.status).toBe("succeeded");
    expect(["cheap", "strong"]).toContain(run.output.tier);
    expect(Number(run.totals.costUsd)).toBeGreaterThan(0);

    const stream = await request.get(`/api/runs/${run.id}/events`);
    expect(stream.headers()["content-type"]).toContain("text/event-stream");
    const events = parseSse(await stream.text());
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(["run.started", "node.started", "node.succeeded", "run.succeeded"]),
    );
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => a - b));

    const middle = events[2]!.id;
    const replay = parseSse(
      await (
        await request.get(`/api/runs/${run.id}/events`, {
          headers: { "Last-Event-ID": String(middle) },
        })
      ).text(),
    );
    expect(replay[0]!.id).toBe(middle + 1);
  });

  test("events stream live while a run is in flight and the stream ends when it settles", async ({
    request,
  }) => {
    await signedInApi(request);
    const id = await flowId(request, "Ticket triage (example)");
    const input = {
      subject: "API error after login",
      body: "The api returns an error and the app crashes after login.",
    };
    const started = await request.post(`/api/flows/${id}/runs`, { data: { input } });
    expect(started.status()).toBe(202);
    const { run } = await started.json();
    const events = parseSse(await (await request.get(`/api/runs/${run.id}/events`)).text());
    const types = events.map((e) => e.event);
    expect(types[0]).toBe("run.started");
    expect(types).toContain("node.token");
    expect(types.at(-1)).toBe("run.persisted");
    expect(["succeeded", "waiting"]).toContain(events.at(-1)!.data.status);
  });

  test("a flagged ticket waits for human review; the decision resumes it exactly once", async ({
    request,
  }) => {
    await signedInApi(request);
    const id = await flowId(request, "Ticket triage (example)");
    const input = {
      subject: "Refund or I call my lawyer",
      body: "I want a refund for the double charge on my invoice, otherwise my lawyer will call.",
    };
    const { run } = await (
      await request.post(`/api/flows/${id}/runs`, { data: { input, waitMs: 20_000 } })
    ).json();
    expect(run.status).toBe("waiting");
    const { tasks } = await (await request.get("/api/human-tasks")).json();
    const task = tasks.find((t: { runId: string }) => t.runId === run.id);
    expect(task.payload.instructions).toContain("guardrail");

    const first = await request.post(`/api/human-tasks/${task.id}/decision`, {
      data: { action: "approve", comment: "fine" },
    });
    expect(first.status()).toBe(200);
    const second = await request.post(`/api/human-tasks/${task.id}/decision`, {
      data: { action: "reject" },
    });
    expect(second.status()).toBe(409);
    const finished = await waitForStatus(request, run.id, ["succeeded", "failed"]);
    expect(finished.status).toBe("succeeded");
  });

  test("a run can be cancelled; another workspace cannot see it", async ({ request }) => {
    await signedInApi(request);
    const id = await flowId(request, "Cascade routing (example)");
    const { run } = await (
      await request.post(`/api/flows/${id}/runs`, { data: { input: { question: "Cancel me" } } })
    ).json();
    const cancelled = await request.post(`/api/runs/${run.id}/cancel`);
    expect(cancelled.status()).toBe(200);
    expect((await waitForStatus(request, run.id, ["cancelled", "succeeded"])).status).toBe(
      "cancelled",
    );
    expect((await request.post(`/api/runs/${run.id}/cancel`)).status()).toBe(409);

    const { workspace } = await (
      await request.post("/api/workspaces", { data: { name: "Other team" } })
    ).json();
    expect(workspace.id).toBeTruthy();
    expect((await request.get(`/api/runs/${run.id}`)).status()).toBe(404);
    expect((await request.get(`/api/runs/${run.id}/events`)).status()).toBe(404);
  });
});
