"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { ApiKeysLink } from "@/components/endpoints/api-keys-link";
import { EndpointActions } from "@/components/endpoints/endpoint-actions";
import { exampleInput } from "@/components/endpoints/example-input";
import { CallSnippets } from "@/components/endpoints/detail/call-snippets";
import { ChatCompletions } from "@/components/endpoints/detail/chat-completions";
import { EndpointOverview } from "@/components/endpoints/detail/endpoint-overview";
import { InputSchemaSummary } from "@/components/endpoints/detail/input-schema-summary";
import { RecentRuns } from "@/components/endpoints/detail/recent-runs";
import { inputConfigOf } from "@/components/flow-editor/run/input-schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RecordLoadError } from "@/components/ui/record-load-error";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/query/api";
import { useEndpoint } from "@/lib/query/endpoints";
import { useFlowVersion } from "@/lib/query/flow-versions";
import { PAUSED_RETRY_AFTER_SECONDS, type EndpointDto } from "@/lib/schemas/endpoints";

function BackLink() {
  return (
    <Button asChild variant="ghost" size="sm" className="-ml-2 mb-2 w-fit">
      <Link href="/endpoints">
        <ArrowLeft aria-hidden />
        Endpoints
      </Link>
    </Button>
  );
}

/** The snippets and input of the live version, once its graph is loaded. */
function LiveContract({
  workspaceId,
  endpoint,
  baseUrl,
}: {
  workspaceId: string;
  endpoint: EndpointDto;
  baseUrl: string;
}) {
  const version = useFlowVersion(workspaceId, endpoint.flowId, endpoint.flowVersionId);
  const config = useMemo(
    () => (version.data ? inputConfigOf(version.data.graph) : null),
    [version.data],
  );
  if (version.isPending)
    return (
      <LoadingStatus label="Loading the live version…" className="flex flex-col gap-4">
        <Skeleton className="h-72" />
      </LoadingStatus>
    );
  if (version.isError)
    return (
      <Alert variant="error" title="Could not load the live version">
        {errorMessage(version.error)}
      </Alert>
    );
  const input = exampleInput(config, endpoint.flowName);
  return (
    <>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <CallSnippets baseUrl={baseUrl} slug={endpoint.slug} input={input} />
        <InputSchemaSummary config={config} />
      </div>
      {config?.mode === "chat" && <ChatCompletions baseUrl={baseUrl} slug={endpoint.slug} />}
    </>
  );
}

/** One endpoint's page: status and live version, traffic, input, how to call it, and recent calls. */
export function EndpointView({
  workspaceId,
  endpointId,
  baseUrl,
  canManage,
  canManageKeys,
}: {
  workspaceId: string;
  endpointId: string;
  baseUrl: string;
  canManage: boolean;
  canManageKeys: boolean;
}) {
  const router = useRouter();
  const query = useEndpoint(workspaceId, endpointId);
  if (query.isPending)
    return (
      <LoadingStatus label="Loading the endpoint…" className="flex flex-col gap-4">
        <Skeleton className="h-10 w-64" />
        <Skeleton className="h-40" />
        <Skeleton className="h-72" />
      </LoadingStatus>
    );
  const endpoint = query.data;
  if (!endpoint) {
    return (
      <>
        <BackLink />
        <RecordLoadError
          what="endpoint"
          error={query.error}
          notFound="It does not exist in this workspace, or it was deleted."
        />
      </>
    );
  }
  return (
    <>
      <BackLink />
      <PageHeader
        title={endpoint.slug}
        description={`Serves ${endpoint.flowName} v${endpoint.version} at ${endpoint.runPath}.`}
        actions={
          <div className="flex flex-wrap gap-2">
            {canManageKeys && <ApiKeysLink />}
            {canManage && (
              <EndpointActions
                workspaceId={workspaceId}
                endpoint={endpoint}
                layout="buttons"
                onDeleted={() => router.push("/endpoints")}
              />
            )}
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        {endpoint.status === "paused" && (
          <Alert title="Paused" data-testid="endpoint-paused">
            New calls get 503 with Retry-After: {PAUSED_RETRY_AFTER_SECONDS}; runs already in flight
            finish. {canManage ? "Resume to serve calls again." : "An engineer can resume it."}
          </Alert>
        )}
        {query.isError && (
          <Alert variant="error" title="Could not refresh">
            {errorMessage(query.error)}
          </Alert>
        )}
        <EndpointOverview endpoint={endpoint} />
        <LiveContract workspaceId={workspaceId} endpoint={endpoint} baseUrl={baseUrl} />
        <RecentRuns workspaceId={workspaceId} endpoint={endpoint} />
      </div>
    </>
  );
}
