import { Coins } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Costs" };

/** The Costs page: an empty state explaining what will appear here. */
export default async function CostsPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader title="Costs" description="Token usage and spend per flow, model and day." />
      <EmptyState
        icon={Coins}
        title="No spend recorded yet"
        action={
          <Button asChild variant="outline">
            <Link href="/settings/connections">Add a model connection</Link>
          </Button>
        }
      >
        Costs add up as flows call real models; runs on the offline Simulated model cost nothing.
        Add a model connection with an API key to start tracking spend.
      </EmptyState>
    </>
  );
}
