import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authErrorMessage } from "@/components/auth/auth-errors";
import { AuthLayout } from "@/components/auth/auth-layout";
import { LoginForm } from "@/components/auth/login-form";
import { isOidcEnabled } from "@/lib/server/auth-options";
import { hasAnyUser } from "@/lib/server/setup";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

function first(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Sign-in; sends a fresh install to /setup. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await hasAnyUser())) redirect("/setup");
  const params = await searchParams;
  const errorCode = first(params.error);
  return (
    <AuthLayout
      title="Sign in to Trellis"
      description="Welcome back. Sign in with your email and password."
    >
      <LoginForm
        oidcEnabled={isOidcEnabled()}
        callbackUrl={first(params.callbackUrl)}
        initialError={errorCode ? authErrorMessage(errorCode) : null}
      />
    </AuthLayout>
  );
}
