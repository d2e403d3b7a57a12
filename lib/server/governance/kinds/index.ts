import type { ChangeRequestKind } from "@/lib/schemas/change-requests";
import { flowPublishKind } from "./flow-publish";
import { promptLabelKind } from "./prompt-label";
import type { ChangeKind } from "./types";

/** Every kind of change request by name. */
const KINDS: Record<ChangeRequestKind, ChangeKind<never, unknown>> = {
  "prompt.label": promptLabelKind as ChangeKind<never, unknown>,
  "flow.publish": flowPublishKind as ChangeKind<never, unknown>,
};

/** The handler of a stored request's kind (a kind this build does not know is a 500). */
export function changeKind(kind: string): ChangeKind<never, unknown> {
  const handler = KINDS[kind as ChangeRequestKind];
  if (!handler) throw new Error(`Unknown change request kind "${kind}"`);
  return handler;
}
