import Link from "next/link";
import {
  ApprovalCount,
  ChangeRequestStatusBadge,
} from "@/components/approvals/change-request-status";
import { VersionChange } from "@/components/approvals/change-request-target";
import { RelativeTime } from "@/components/approvals/relative-time";
import { publishTargetOf, requestSubject } from "@/components/approvals/request-target";
import { LabelBadge } from "@/components/prompts/label-badge";
import { formatDateTime } from "@/components/settings/format";
import { Alert } from "@/components/ui/alert";
import { Fact } from "@/components/ui/fact";
import type { ChangeRequestDetailDto } from "@/lib/schemas/change-requests";

/** What happened to a request that is no longer open. */
function Outcome({ request }: { request: ChangeRequestDetailDto }) {
  const when = request.decidedAt ? ` on ${formatDateTime(request.decidedAt)}` : "";
  const subject = requestSubject(request);
  const unmoved = publishTargetOf(request)
    ? "the endpoint did not change"
    : "the label did not move";
  if (request.status === "applied" || request.status === "approved")
    return (
      <Alert title="Approved and applied" data-testid="request-outcome">
        {subject} was moved to v{request.target.version} when this request was approved{when}.
      </Alert>
    );
  if (request.status === "rejected")
    return (
      <Alert variant="error" title="Rejected" data-testid="request-outcome">
        Nothing changed: {unmoved}. The rejection{when} and its reason are listed under Decisions.
      </Alert>
    );
  if (request.status === "cancelled")
    return (
      <Alert title="Cancelled" data-testid="request-outcome">
        The author withdrew this request{when}; {unmoved}.
      </Alert>
    );
  return null;
}

/** What a request moves: the prompt and its label, or the endpoint and its flow. */
function TargetFacts({ request }: { request: ChangeRequestDetailDto }) {
  const { target } = request;
  const publish = publishTargetOf(request);
  if (publish)
    return (
      <>
        <Fact label="Endpoint">
          <Link
            href={`/endpoints/${encodeURIComponent(publish.endpointId)}`}
            className="font-mono underline underline-offset-4 hover:text-primary"
          >
            {publish.slug}
          </Link>
        </Fact>
        <Fact label="Flow">{publish.flowName || "Unknown flow"}</Fact>
      </>
    );
  return (
    <>
      <Fact label="Prompt">
        <Link
          href={`/prompts/${encodeURIComponent(target.promptId)}`}
          className="font-mono underline underline-offset-4 hover:text-primary"
        >
          {target.promptName}
        </Link>
      </Fact>
      <Fact label="Label">
        <LabelBadge name={target.label} />
      </Fact>
    </>
  );
}

/** The request at a glance: status, what it moves, versions, approvals, author and times. */
export function RequestSummary({ request }: { request: ChangeRequestDetailDto }) {
  const { target } = request;
  return (
    <section
      aria-label="Request summary"
      className="flex flex-col gap-4 rounded-lg border bg-card p-5 shadow-xs"
    >
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-4">
        <Fact label="Status">
          <ChangeRequestStatusBadge status={request.status} />
        </Fact>
        <TargetFacts request={request} />
        <Fact label="Version">
          <VersionChange from={target.fromVersion} to={target.version} />
        </Fact>
        <Fact label="Approvals">
          <ApprovalCount
            approvals={request.approvals}
            requiredApprovals={request.requiredApprovals}
          />
        </Fact>
        <Fact label="Author">{request.author.name}</Fact>
        <Fact label="Opened">
          <RelativeTime iso={request.createdAt} />
        </Fact>
        <Fact label="Decided">
          {request.decidedAt ? <RelativeTime iso={request.decidedAt} /> : "Not yet"}
        </Fact>
      </dl>
      <Outcome request={request} />
    </section>
  );
}
