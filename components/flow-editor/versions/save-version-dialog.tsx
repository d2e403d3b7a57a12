"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { Alert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextareaField } from "@/components/ui/form-field";
import { ApiClientError } from "@/lib/query/api";
import { saveVersionSchema } from "@/lib/schemas/flows";
import type { VersionActions } from "./use-version-actions";

const messageSchema = saveVersionSchema.pick({ message: true });

/** A refusal for validation errors, with the first problems the server found (`flowIssues`). */
function withFlowIssues(error: unknown): unknown {
  if (!(error instanceof ApiClientError)) return error;
  const issues = (error.details as { flowIssues?: { message?: unknown }[] } | null)?.flowIssues;
  if (!Array.isArray(issues) || issues.length === 0) return error;
  const listed = issues
    .slice(0, 3)
    .map((issue) => issue.message)
    .filter((text): text is string => typeof text === "string");
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return new Error(`${error.message} ${listed.join(" ")}${more}`);
}

/** Asks for a message, then saves the draft (pending edits first) as the next version. */
export function SaveVersionDialog({ actions }: { actions: VersionActions }) {
  const form = useForm({ resolver: zodResolver(messageSchema), defaultValues: { message: "" } });
  const dialog = useFormDialog(form, ["message"], actions.setSaveOpen, async ({ message }) => {
    try {
      await actions.saveVersion(message);
    } catch (error) {
      throw withFlowIssues(error);
    }
  });
  return (
    <FormDialog
      {...dialog}
      open={actions.saveOpen}
      title="Save version"
      description="Saves the current draft as a new, unchangeable version. Runs and endpoints can use it; the draft stays editable."
      submitLabel="Save version"
      pending={form.formState.isSubmitting}
    >
      {actions.blockedReason && (
        <Alert variant="error" data-testid="save-version-blocked">
          {actions.blockedReason} The server refuses versions of a draft with errors.
        </Alert>
      )}
      <TextareaField
        id="version-message"
        label="Message"
        hint="What changed, for the history. For example: Shorter triage prompt."
        rows={3}
        maxLength={500}
        {...bindField(form, "message")}
      />
    </FormDialog>
  );
}
