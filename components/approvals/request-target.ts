import type { ChangeRequestSummaryDto } from "@/lib/schemas/change-requests";
import type { FlowPublishTargetDto } from "@/lib/schemas/endpoints";

type RequestLike = Pick<ChangeRequestSummaryDto, "kind" | "target">;

/** The endpoint target of a `flow.publish` request; null for a `prompt.label` request. */
export function publishTargetOf(request: RequestLike): FlowPublishTargetDto | null {
  const { target } = request;
  if (request.kind !== "flow.publish" || !("kind" in target) || target.kind !== "flow.publish")
    return null;
  return target;
}

/** What the request moves, to start a sentence: the label ("production") or "Endpoint support-bot". */
export function requestSubject(request: RequestLike): string {
  const publish = publishTargetOf(request);
  return publish ? `Endpoint ${publish.slug}` : request.target.label;
}
