import { FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Prompts" };

/** The Prompts page: an empty state explaining what will appear here. */
export default async function PromptsPage() {
  await requirePageContext();
  return (
    <>
      <PageHeader
        title="Prompts"
        description="Versioned prompt templates that LLM steps reference by name and label."
      />
      <EmptyState
        icon={FileText}
        title="No managed prompts yet"
        action={
          <Button asChild variant="outline">
            <Link href="/flows">Go to flows</Link>
          </Button>
        }
      >
        Prompts you manage here get immutable versions and production or staging labels, so a prompt
        can change without editing every flow that uses it. Flows can use inline prompts until then.
      </EmptyState>
    </>
  );
}
