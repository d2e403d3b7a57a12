import { SELF_APPROVAL_MESSAGE } from "@/lib/schemas/change-requests";
import { ApiError } from "../errors";

/** The errors of the approval rules, each with its machine-readable code. */
export const governanceErrors = {
  /** 403: a protected label moves only through an approved change request. */
  approvalRequired: (label: string) =>
    new ApiError(
      403,
      "approval_required",
      `The "${label}" label is protected: open a change request and have an approver approve it.`,
      { label },
    ),
  /** 403: the author deciding their own request (admins included). */
  selfApproval: () => new ApiError(403, "self_approval", SELF_APPROVAL_MESSAGE),
  /** 409: the request was decided, applied or cancelled already. */
  notOpen: (status: string) =>
    new ApiError(
      409,
      "already_decided",
      `This change request is ${status}; it cannot change any more.`,
      {
        status,
      },
    ),
  /** 409: the approver has a valid decision on the request already. */
  duplicateDecision: () =>
    new ApiError(409, "already_decided", "You have already decided this change request.", {
      status: "open",
    }),
};
