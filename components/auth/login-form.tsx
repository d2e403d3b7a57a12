"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerError } from "@/components/forms/server-errors";
import { FormError } from "@/components/forms/form-error";
import { safeCallbackUrl } from "@/components/auth/safe-callback";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { loginSchema } from "@/lib/schemas/identity";
import { apiFetch, ApiClientError } from "@/lib/query/api";

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
  const [formError, setFormError] = useState<string | null>(initialError);
  const [redirecting, setRedirecting] = useState(false);
  const form = useForm({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const target = safeCallbackUrl(callbackUrl) ?? "/flows";

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const result = await apiFetch<{ ok: true; mustChangePassword: boolean }>("/api/login", {
        method: "POST",
        json: values,
      });
      setRedirecting(true);
      window.location.assign(result.mustChangePassword ? "/change-password" : target);
    } catch (error) {
      setFormError(
        loginFailure(error, applyServerError(error, form.setError, ["email", "password"])),
      );
    }
  });

  const busy = isSubmitting || redirecting;
  return (
    <div className="flex flex-col gap-6">
      <form
        onSubmit={onSubmit}
        className="flex flex-col gap-4"
        method="post"
        noValidate
        aria-label="Sign in"
      >
        <FormError message={formError} testId="login-error" />
        <FormField id="login-email" label="Email" error={errors.email?.message}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="username"
              autoFocus
              {...form.register("email")}
            />
          )}
        </FormField>
        <FormField id="login-password" label="Password" error={errors.password?.message}>
          {(control) => (
            <Input
              {...control}
              type="password"
              autoComplete="current-password"
              {...form.register("password")}
            />
          )}
        </FormField>
        <Button type="submit" className="w-full" disabled={busy}>
          {busy && <Spinner />}
          Sign in
        </Button>
      </form>
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
