"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Signs out and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <Button
      variant="link"
      className="h-auto p-0 text-sm text-muted-foreground underline"
      onClick={() => void signOut({ callbackUrl: "/login" })}
    >
      Sign out
    </Button>
  );
}
