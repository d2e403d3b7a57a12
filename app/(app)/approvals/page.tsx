import { ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approvals" };

/** The Approvals page: an empty state explaining what will appear here. */
export default async function ApprovalsPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader
        title="Approvals"
        description="Changes and review tasks waiting for a decision."
      />
      <EmptyState
        icon={ShieldCheck}
        title="Nothing waiting for you"
        action={
          <Button asChild variant="outline">
            <Link href="/runs">View runs</Link>
          </Button>
        }
      >
        Changes to production prompts and models, and human-review steps of running flows, will wait
        here for an approver to approve, edit or reject them. Ask an admin to give you the approver
        role to decide on them.
      </EmptyState>
    </>
  );
}
