"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { RolesField } from "@/components/settings/members/roles-field";
import { TemporaryPasswordField } from "@/components/settings/members/temporary-password-field";
import { Button } from "@/components/ui/button";
import { FormDialog } from "@/components/ui/form-dialog";
import { InputField } from "@/components/ui/form-field";
import { addMemberSchema, type Role } from "@/lib/schemas/identity";
import { useAddMember } from "@/lib/query/members";

const FIELDS = ["email", "name", "roles", "temporaryPassword"] as const;

/** "Add member" button and dialog: email, name, roles and a temporary password. */
export function AddMemberDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const addMember = useAddMember(workspaceId);
  const form = useForm({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { email: "", name: "", roles: ["editor"] as Role[], temporaryPassword: "" },
  });
  const dialog = useFormDialog(form, FIELDS, setOpen, async (values) => {
    await addMember.mutateAsync(values);
    toast.success(`Added ${values.name}`, {
      description: "Share the temporary password with them; they must change it at first sign-in.",
    });
  });

  return (
    <FormDialog
      {...dialog}
      open={open}
      trigger={
        <Button>
          <UserPlus aria-hidden />
          Add member
        </Button>
      }
      className="max-w-xl"
      title="Add member"
      description="Give someone access to this workspace. If they have no Trellis account yet, one is created."
      submitLabel="Add member"
      pending={addMember.isPending}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="member-email"
          label="Email"
          type="email"
          autoComplete="off"
          placeholder="ada@example.com"
          {...bindField(form, "email")}
        />
        <InputField
          id="member-name"
          label="Name"
          autoComplete="off"
          placeholder="Ada Lovelace"
          {...bindField(form, "name")}
        />
      </div>
      <RolesField control={form.control} name="roles" />
      <TemporaryPasswordField
        form={form}
        name="temporaryPassword"
        id="member-password"
        hint="At least 10 characters. They must change it at first sign-in, so share it over a channel you trust."
      />
    </FormDialog>
  );
}
