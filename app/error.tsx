"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status-page";

/** Any unexpected error while rendering: a friendly message and a retry, never a stack trace. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage
      icon={<TriangleAlert aria-hidden />}
      title="Something went wrong"
      action={
        <>
          <Button onClick={reset}>Try again</Button>
          <Button asChild variant="outline">
            <Link href="/flows">Go to flows</Link>
          </Button>
        </>
      }
    >
      This page could not be shown. Try again; if it keeps happening, send your administrator this
      reference: <code className="font-mono text-xs">{error.digest ?? "none"}</code>.
    </StatusPage>
  );
}
