import { ShieldX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status-page";

export const metadata: Metadata = { title: "No access" };

/** 403: the signed-in user's roles do not allow this page. */
export default function Forbidden() {
  return (
    <StatusPage
      icon={<ShieldX aria-hidden />}
      code="403"
      title="You don't have access to this page"
      action={
        <Button asChild>
          <Link href="/flows">Back to flows</Link>
        </Button>
      }
    >
      Your roles in this workspace do not include this area. Settings pages need the Admin role
      (members) or the Engineer or Admin role (model connections and secrets). Ask a workspace admin
      if you need access.
    </StatusPage>
  );
}
