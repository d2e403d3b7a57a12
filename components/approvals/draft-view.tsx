"use client";

import { Check, X } from "lucide-react";
import type { ReactNode } from "react";
import { checkLabel, isValidatorDraft, type DraftCheck } from "@/components/approvals/draft";
import { Badge } from "@/components/ui/badge";
import { ValueBlock } from "@/components/ui/value-block";

/** A small uppercase section label inside a review card. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <h4 className="mb-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">
      {children}
    </h4>
  );
}

/** The checks of a Validator verdict, each with a Passed or Failed badge and its detail. */
function CheckList({ checks }: { checks: DraftCheck[] }) {
  if (checks.length === 0) {
    return <p className="text-sm text-muted-foreground">No checks ran.</p>;
  }
  return (
    <ul className="flex flex-col gap-1.5" data-testid="draft-checks">
      {checks.map((check, index) => (
        <li key={index} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
          {check.passed ? (
            <Badge variant="success" className="self-center">
              <Check aria-hidden />
              Passed
            </Badge>
          ) : (
            <Badge variant="danger" className="self-center">
              <X aria-hidden />
              Failed
            </Badge>
          )}
          <span className="font-medium">{checkLabel(check.kind)}</span>
          {check.detail && (
            <span className="min-w-0 break-words text-muted-foreground">{check.detail}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The draft of a review task: text, JSON, or a Validator verdict's value plus its checks. */
export function DraftView({ draft }: { draft: unknown }) {
  if (!isValidatorDraft(draft)) {
    return (
      <section>
        <SectionHeading>Draft</SectionHeading>
        <ValueBlock label="Draft" value={draft} />
      </section>
    );
  }
  const failed = draft.results.filter((check) => !check.passed).length;
  return (
    <>
      <section>
        <SectionHeading>Draft</SectionHeading>
        <ValueBlock label="Draft" value={draft.value} />
      </section>
      <section>
        <SectionHeading>
          Checks
          <span className="font-normal tracking-normal normal-case">
            {" "}
            · {failed === 0 ? "all passed" : `${failed} of ${draft.results.length} failed`}
          </span>
        </SectionHeading>
        <CheckList checks={draft.results} />
      </section>
    </>
  );
}
