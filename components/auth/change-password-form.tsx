"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { AuthForm, type AuthField } from "@/components/auth/auth-form";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { changePasswordSchema } from "@/lib/schemas/identity";
import { apiFetch } from "@/lib/query/api";

const formSchema = changePasswordSchema
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.newPassword === values.confirmPassword, {
    path: ["confirmPassword"],
    error: "The passwords do not match",
  });

const FIELDS: readonly AuthField<z.input<typeof formSchema>>[] = [
  {
    name: "currentPassword",
    id: "current-password",
    label: "Current password",
    type: "password",
    autoComplete: "current-password",
  },
  {
    name: "newPassword",
    id: "new-password",
    label: "New password",
    type: "password",
    autoComplete: "new-password",
    hint: "At least 10 characters.",
  },
  {
    name: "confirmPassword",
    id: "confirm-password",
    label: "Confirm password",
    type: "password",
    autoComplete: "new-password",
  },
];

/** Current, new and confirmed password; on success the server re-issues the session and the app opens. */
export function ChangePasswordForm() {
  const form = useForm({
    resolver: zodResolver(formSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { busy, ...auth } = useAuthForm(form, FIELDS, async ({ currentPassword, newPassword }) => {
    await apiFetch("/api/me/password", { method: "POST", json: { currentPassword, newPassword } });
    return "/flows";
  });

  return (
    <AuthForm {...auth} label="Change password" errorTestId="change-password-error">
      <SubmitButton pending={busy} className="mt-2 w-full">
        Change password
      </SubmitButton>
    </AuthForm>
  );
}
