"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { AuthForm, type AuthField } from "@/components/auth/auth-form";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { setupSchema } from "@/lib/schemas/identity";
import { apiFetch } from "@/lib/query/api";

const FIELDS: readonly AuthField<z.input<typeof setupSchema>>[] = [
  { name: "name", id: "setup-name", label: "Your name", autoComplete: "name" },
  { name: "email", id: "setup-email", label: "Email", type: "email", autoComplete: "username" },
  {
    name: "password",
    id: "setup-password",
    label: "Password",
    type: "password",
    autoComplete: "new-password",
    hint: "At least 10 characters.",
  },
  {
    name: "workspaceName",
    id: "setup-workspace",
    label: "Workspace name",
    autoComplete: "organization",
    hint: "You can rename it or create more workspaces later.",
  },
];

/** Creates the first admin and workspace, signs in, and opens the app. */
export function SetupForm() {
  const form = useForm({
    resolver: zodResolver(setupSchema),
    defaultValues: { name: "", email: "", password: "", workspaceName: "My workspace" },
  });
  const { busy, ...auth } = useAuthForm(form, FIELDS, async (values) => {
    await apiFetch("/api/setup", { method: "POST", json: values });
    await apiFetch("/api/login", {
      method: "POST",
      json: { email: values.email, password: values.password },
    });
    return "/flows";
  });

  return (
    <AuthForm {...auth} label="Set up Trellis" errorTestId="setup-error">
      <SubmitButton pending={busy} className="mt-2 w-full">
        Create admin account
      </SubmitButton>
    </AuthForm>
  );
}
