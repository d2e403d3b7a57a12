"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { bindField } from "@/components/forms/bind-field";
import { FormError } from "@/components/forms/form-error";
import { useServerForm } from "@/components/forms/use-server-form";
import { ListError } from "@/components/settings/list-error";
import { InputField } from "@/components/ui/form-field";
import { ListSkeleton } from "@/components/ui/skeleton";
import { SubmitButton } from "@/components/ui/submit-button";
import { MAX_RETENTION_DAYS, type DataSettingsDto } from "@/lib/schemas/data-settings";
import { useDataSettings, useSaveDataSettings } from "@/lib/query/data-settings";
import { CheckboxField } from "@/components/forms/checkbox-field";

const formSchema = z.object({
  retentionDays: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1), {
      message: "Enter a whole number of days, or leave it empty",
    })
    .refine((v) => v === "" || Number(v) <= MAX_RETENTION_DAYS, {
      message: `At most ${MAX_RETENTION_DAYS} days (ten years)`,
    })
    .transform((v) => (v === "" ? null : Number(v))),
  maskPii: z.boolean(),
});

function SettingsForm({
  workspaceId,
  settings,
  canManage,
}: {
  workspaceId: string;
  settings: DataSettingsDto;
  canManage: boolean;
}) {
  const save = useSaveDataSettings(workspaceId);
  const form = useForm({
    resolver: zodResolver(formSchema),
    values: { retentionDays: settings.retentionDays?.toString() ?? "", maskPii: settings.maskPii },
  });
  const { formError, onSubmit } = useServerForm(
    form,
    ["retentionDays", "maskPii"],
    async (values) => {
      await save.mutateAsync(values);
      toast.success("Data settings saved");
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <FormError message={formError} />
      <fieldset disabled={!canManage} className="flex flex-col gap-5">
        <InputField
          id="retention-days"
          label="Keep run content for (days)"
          inputMode="numeric"
          autoComplete="off"
          placeholder="Forever"
          className="max-w-40"
          hint="Leave empty to keep it forever. After this many days, a run's prompts, inputs, outputs, error messages and event log are deleted (checked every hour); its status, tokens, latency and cost stay for the cost reports."
          {...bindField(form, "retentionDays")}
        />
        <CheckboxField
          control={form.control}
          name="maskPii"
          id="mask-pii"
          label="Mask personal data in stored runs"
          hint="Emails, phone, card and IBAN numbers are replaced by tags such as [EMAIL] in everything a new run stores. Flows still work on the real values while they run; the stored copy (and so run history, replays and API results read back) is masked."
        />
      </fieldset>
      {canManage && (
        <div>
          <SubmitButton pending={save.isPending}>Save data settings</SubmitButton>
        </div>
      )}
    </form>
  );
}

/** Retention of run content and PII masking, editable with policy.manage. */
export function DataSettingsSection({
  workspaceId,
  canManage,
}: {
  workspaceId: string;
  canManage: boolean;
}) {
  const settings = useDataSettings(workspaceId);
  return (
    <section aria-labelledby="data-heading" className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <h2 id="data-heading" className="text-lg font-semibold">
          Data retention and privacy
        </h2>
        <p className="max-w-2xl text-sm text-muted-foreground">
          How long runs keep what they processed, and whether personal data is masked in what they
          store.
        </p>
      </div>
      {settings.isPending ? (
        <ListSkeleton label="Loading data settings…" rows={2} />
      ) : settings.isError ? (
        <ListError
          what="data settings"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <SettingsForm workspaceId={workspaceId} settings={settings.data} canManage={canManage} />
      )}
    </section>
  );
}
