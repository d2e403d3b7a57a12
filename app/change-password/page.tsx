import type { Metadata } from "next";
import Link from "next/link";
import { AuthLayout } from "@/components/auth/auth-layout";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Alert } from "@/components/ui/alert";
import { requireSignedInUser } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change password" };

/** Change password; required before anything else when an admin set a temporary one. */
export default async function ChangePasswordPage() {
  const user = await requireSignedInUser();
  return (
    <AuthLayout
      title="Change your password"
      description={`Signed in as ${user.email}.`}
      footer={
        user.mustChangePassword ? (
          <SignOutButton />
        ) : (
          <Link href="/flows" className="underline underline-offset-4 hover:text-foreground">
            Back to Trellis
          </Link>
        )
      }
    >
      {user.mustChangePassword && (
        <Alert className="mb-6" title="Choose your own password" data-testid="must-change-password">
          Your administrator set a temporary password for you. Choose a new one to continue; the
          temporary password stops working once you do.
        </Alert>
      )}
      <ChangePasswordForm />
    </AuthLayout>
  );
}
