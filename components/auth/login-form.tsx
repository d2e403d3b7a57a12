"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { AuthForm, type AuthField } from "@/components/auth/auth-form";
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { loginSchema } from "@/lib/schemas/identity";
import { apiFetch, ApiClientError } from "@/lib/query/api";

const FIELDS: readonly AuthField<z.input<typeof loginSchema>>[] = [
  { name: "email", id: "login-email", label: "Email", type: "email", autoComplete: "username" },
  {
    name: "password",
    id: "login-password",
    label: "Password",
    type: "password",
    autoComplete: "current-password",
  },
];

function loginFailure(error: unknown, fallback: string | null): string | null {
  if (!(error instanceof ApiClientError) || error.status !== 429) return fallback;
  const seconds = error.retryAfter;
  const wait =
    seconds && !error.message.includes(String(seconds))
      ? ` You can try again in ${seconds} seconds.`
      : "";
  return `${error.message}${wait}`;
}

/** Email and password sign-in, plus single sign-on when the server has OIDC configured. */
export function LoginForm({
  oidcEnabled,
  callbackUrl,
  initialError,
}: {
  oidcEnabled: boolean;
  callbackUrl: string | null;
  initialError: string | null;
}) {
  const form = useForm({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });
  const target = safeCallbackUrl(callbackUrl) ?? "/flows";
  const { busy, ...auth } = useAuthForm(
    form,
    FIELDS,
    async (values) => {
      const result = await apiFetch<{ ok: true; mustChangePassword: boolean }>("/api/login", {
        method: "POST",
        json: values,
      });
      return result.mustChangePassword ? "/change-password" : target;
    },
    { initialError, describeError: loginFailure },
  );

  return (
    <div className="flex flex-col gap-6">
      <AuthForm {...auth} label="Sign in" errorTestId="login-error">
        <SubmitButton pending={busy} className="w-full">
          Sign in
        </SubmitButton>
      </AuthForm>
      {oidcEnabled && (
        <>
          <div className="flex items-center gap-3 text-xs text-muted-foreground">
            <span className="h-px flex-1 bg-border" />
            or
            <span className="h-px flex-1 bg-border" />
          </div>
          <Button
            variant="outline"
            className="w-full"
            onClick={() => void signIn("oidc", { callbackUrl: target })}
          >
            Sign in with SSO
          </Button>
        </>
      )}
    </div>
  );
}
