"use client";

import { Server } from "lucide-react";
import { ListError } from "@/components/settings/list-error";
import { WorkersTable } from "@/components/settings/system/workers-table";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Fact } from "@/components/ui/fact";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import type { SystemStatusDto } from "@/lib/schemas/system";
import { useSystemStatus } from "@/lib/query/system";

const ms = (value: number | null) => (value === null ? "–" : `${Math.round(value)} ms`);

/** The queue's depth and this workspace's dispatch latency, side by side. */
function Figures({ status }: { status: SystemStatusDto }) {
  const { queue, dispatch } = status;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Queue</CardTitle>
          <CardDescription>Runs waiting for a worker, and runs being executed.</CardDescription>
        </CardHeader>
        <CardContent>
          {queue === null ? (
            <p className="text-sm text-muted-foreground">
              No queue: runs start in the web process.
            </p>
          ) : "error" in queue ? (
            <p className="text-sm text-red-700 dark:text-red-300">
              Redis did not answer: {queue.error}
            </p>
          ) : (
            <dl className="grid grid-cols-2 gap-4">
              <Fact label="Waiting">{queue.waiting}</Fact>
              <Fact label="Active">{queue.active}</Fact>
            </dl>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Dispatch latency</CardTitle>
          <CardDescription>
            From a run&apos;s creation to the start of its execution, for this workspace&apos;s{" "}
            {dispatch.runs} runs of the last {dispatch.minutes} minutes.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-3 gap-4">
            <Fact label="p50">{ms(dispatch.p50Ms)}</Fact>
            <Fact label="p95">{ms(dispatch.p95Ms)}</Fact>
            <Fact label="Max">{ms(dispatch.maxMs)}</Fact>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

/** Settings > System: how runs execute here, the queue workers, queue depth and dispatch latency. */
export function SystemView({ workspaceId }: { workspaceId: string }) {
  const status = useSystemStatus(workspaceId);
  // Ages are read at each refresh (every 5 s), when the heartbeats are read too.
  const now = status.dataUpdatedAt;
  const queueMode = status.data?.execution === "queue";
  return (
    <>
      <PageHeader
        title="System"
        description="Where runs execute, the workers that execute them, and how long runs wait to start. Refreshes every 5 seconds."
      />
      {status.isPending ? (
        <ListSkeleton label="Loading the system status…" rows={3} />
      ) : status.isError ? (
        <ListError
          what="system status"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <div className="flex flex-col gap-6">
          <Alert title={queueMode ? "Queue mode" : "Embedded mode"}>
            {queueMode
              ? "The web process queues runs on Redis; worker processes (npm run worker) claim and execute them, and PostgreSQL decides who holds each run."
              : "Runs execute in the web process. With DATABASE_URL (PostgreSQL) and REDIS_URL set, runs go to worker processes instead (README: Scaled mode)."}
          </Alert>
          <Figures status={status.data} />
          <section aria-labelledby="workers-heading" className="flex flex-col gap-3">
            <h2 id="workers-heading" className="text-base font-semibold tracking-tight">
              Workers
            </h2>
            {status.data.workers.length > 0 ? (
              <WorkersTable workers={status.data.workers} now={now} />
            ) : (
              <EmptyState icon={Server} title={queueMode ? "No worker is running" : "No workers"}>
                {queueMode
                  ? "Queued runs wait until a worker starts: run npm run worker on any machine that reaches the database and Redis."
                  : "In embedded mode the web process executes runs itself; workers appear here in queue mode."}
              </EmptyState>
            )}
          </section>
        </div>
      )}
    </>
  );
}
