import { Workflow } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flows" };

/** The Flows page: an empty state explaining what will appear here. */
export default async function FlowsPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader
        title="Flows"
        description="Pipelines drawn as node graphs: prompts, models, routing, guardrails and human review."
      />
      <EmptyState
        icon={Workflow}
        title="No flows yet"
        action={
          <Button asChild variant="outline">
            <Link href="/settings/connections">Set up a model connection</Link>
          </Button>
        }
      >
        Flows you build in the visual editor will be listed here with their latest version and last
        run. While you wait, connect a model so your flows can call it.
      </EmptyState>
    </>
  );
}
