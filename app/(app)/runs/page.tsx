import { Play } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

/** The Runs page: an empty state explaining what will appear here. */
export default async function RunsPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every execution of a flow, with each step's prompt, output, tokens, latency and cost."
      />
      <EmptyState
        icon={Play}
        title="No runs yet"
        action={
          <Button asChild variant="outline">
            <Link href="/flows">Go to flows</Link>
          </Button>
        }
      >
        When a flow runs from the editor, an endpoint or the API, it appears here so you can
        inspect, replay or resume it. Start from a flow to create your first run.
      </EmptyState>
    </>
  );
}
