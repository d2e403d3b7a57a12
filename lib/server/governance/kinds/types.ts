import type { ApplyChange } from "@/lib/db/change-requests-decide";
import type { ChangeRequestRecord } from "@/lib/db/change-requests";
import type { ChangeRequestKind, PromptLabelTargetDto } from "@/lib/schemas/change-requests";
import type { PromptDiffDto } from "@/lib/schemas/prompt-library";
import type { WorkspaceContext } from "../../workspace-context";

/** What a request stores when it is opened or revised. */
export interface ProposedChange {
  title: string;
  payload: object;
  targetId: string;
}

/**
 * One kind of change request: how it is proposed and revised, shown, and applied once approved.
 * Adding a kind is one module implementing this, listed in kinds/index.ts.
 */
export interface ChangeKind<Body, Applied> {
  kind: ChangeRequestKind;
  /** Checks a new request's body and builds what it stores (errors are ApiErrors). */
  propose(ctx: WorkspaceContext, body: Body): Promise<ProposedChange>;
  /** Points the stored payload at another version (the author's revision), keeping a title the author wrote. */
  revise(
    ctx: WorkspaceContext,
    request: { payload: unknown; title: string },
    versionId: string,
  ): Promise<ProposedChange>;
  /** What each request changes, in the order given (one batch per list). */
  targets(ctx: WorkspaceContext, payloads: unknown[]): Promise<PromptLabelTargetDto[]>;
  /** The proposed change as a diff, or null when there is nothing to compare with. */
  diff(ctx: WorkspaceContext, payload: unknown): Promise<PromptDiffDto | null>;
  /** Applies the approved change in the deciding transaction, acting as `ctx`'s user. */
  apply(ctx: WorkspaceContext): ApplyChange<Applied>;
  /** Audits what applying did (after the transaction committed). */
  audited(ctx: WorkspaceContext, request: ChangeRequestRecord, applied: Applied): Promise<void>;
}
