import { Globe } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Endpoints" };

/** The Endpoints page: an empty state explaining what will appear here. */
export default async function EndpointsPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Published flow versions that callers reach over HTTP with an API key."
      />
      <EmptyState
        icon={Globe}
        title="No endpoints published"
        action={
          <Button asChild variant="outline">
            <Link href="/flows">Go to flows</Link>
          </Button>
        }
      >
        Publish a flow version as an endpoint and it appears here with its URL, status and API keys;
        callers send the flow's input and get its output. Publish from a flow once it passes
        validation.
      </EmptyState>
    </>
  );
}
