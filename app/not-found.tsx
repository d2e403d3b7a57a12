import { FileQuestion } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status-page";

export const metadata: Metadata = { title: "Not found" };

/** 404 for any unknown address. */
export default function NotFound() {
  return (
    <StatusPage
      icon={<FileQuestion aria-hidden />}
      code="404"
      title="Page not found"
      action={
        <Button asChild>
          <Link href="/flows">Go to flows</Link>
        </Button>
      }
    >
      The address may be mistyped, or the item was deleted or belongs to another workspace.
    </StatusPage>
  );
}
