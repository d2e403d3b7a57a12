"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { slugFromName, slugProblem } from "@/components/endpoints/slug";
import { bindField } from "@/components/forms/bind-field";
import { useFormDialog } from "@/components/forms/use-form-dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { FormField, InputField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { errorMessage } from "@/lib/query/api";
import { usePublishEndpoint } from "@/lib/query/endpoints";
import { useFlowVersions } from "@/lib/query/flow-versions";
import { useFlows } from "@/lib/query/flows";
import { endpointRunPath } from "@/lib/schemas/endpoints";

interface PublishForm {
  flowId: string;
  flowVersionId: string;
  slug: string;
}

const EMPTY: PublishForm = { flowId: "", flowVersionId: "", slug: "" };

/** The form's rules: a flow, one of its versions, and a well-formed slug no endpoint uses yet. */
function publishFormSchema(taken: ReadonlySet<string>) {
  return z
    .object({
      flowId: z.string().min(1, { message: "Choose a flow" }),
      flowVersionId: z.string().min(1, { message: "Choose a saved version" }),
      slug: z.string(),
    })
    .superRefine((values, ctx) => {
      const problem = slugProblem(values.slug, taken);
      if (problem) ctx.addIssue({ code: "custom", path: ["slug"], message: problem });
    });
}

/** The saved versions of the chosen flow, newest first and preselected. */
function VersionField({
  workspaceId,
  form,
}: {
  workspaceId: string;
  form: UseFormReturn<PublishForm>;
}) {
  const flowId = useWatch({ control: form.control, name: "flowId" });
  const versions = useFlowVersions(workspaceId, flowId);
  const newest = versions.data?.[0]?.id;
  useEffect(() => {
    if (newest && !form.getValues("flowVersionId"))
      form.setValue("flowVersionId", newest, { shouldValidate: true });
  }, [newest, form]);
  const error = versions.isError
    ? `Could not load versions: ${errorMessage(versions.error)}`
    : versions.data?.length === 0
      ? undefined
      : form.formState.errors.flowVersionId?.message;
  return (
    <FormField
      id="publish-version"
      label="Version"
      error={error}
      hint={
        versions.data?.length === 0 ? (
          <>
            This flow has no saved version yet.{" "}
            <Link className="underline" href={`/flows/${encodeURIComponent(flowId)}`}>
              Open it in the editor
            </Link>{" "}
            and save a version first.
          </>
        ) : (
          "An endpoint serves a saved, immutable version; editing the flow later does not change it."
        )
      }
    >
      {(control) => (
        <Select {...control} {...form.register("flowVersionId")} disabled={!versions.data?.length}>
          {versions.isPending && <option value="">Loading versions…</option>}
          {versions.data?.length === 0 && <option value="">No saved versions</option>}
          {versions.data?.map((version) => (
            <option key={version.id} value={version.id}>
              v{version.version}
              {version.message ? ` · ${version.message}` : ""}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

/** Publishes a saved flow version under a new slug, then opens the endpoint's page. */
export function PublishDialog({
  workspaceId,
  takenSlugs,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  takenSlugs: ReadonlySet<string>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const router = useRouter();
  const flows = useFlows(workspaceId, { q: "", sort: "name" });
  const publish = usePublishEndpoint(workspaceId);
  const schema = useMemo(() => publishFormSchema(takenSlugs), [takenSlugs]);
  const form = useForm<PublishForm>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    mode: "onChange",
  });
  const dialog = useFormDialog(form, ["slug", "flowVersionId"], onOpenChange, async (values) => {
    const { endpoint } = await publish.mutateAsync({
      slug: values.slug,
      flowVersionId: values.flowVersionId,
    });
    toast.success(`Published ${endpoint.slug} (v${endpoint.version})`);
    router.push(`/endpoints/${encodeURIComponent(endpoint.id)}`);
  });
  const flowId = useWatch({ control: form.control, name: "flowId" });
  const slug = useWatch({ control: form.control, name: "slug" });
  const flowField = form.register("flowId", {
    onChange: () => {
      form.setValue("flowVersionId", "");
      const flow = flows.data?.find((f) => f.id === form.getValues("flowId"));
      if (flow && !form.getFieldState("slug").isDirty)
        form.setValue("slug", slugFromName(flow.name), { shouldValidate: true });
    },
  });
  return (
    <FormDialog
      {...dialog}
      open={open}
      title="Publish an endpoint"
      description="Callers reach the flow version over HTTP with an API key; the slug is the URL segment they use."
      submitLabel="Publish"
      pending={publish.isPending}
    >
      <FormField
        id="publish-flow"
        label="Flow"
        error={
          flows.isError
            ? `Could not load flows: ${errorMessage(flows.error)}`
            : form.formState.errors.flowId?.message
        }
      >
        {(control) => (
          <Select {...control} {...flowField}>
            <option value="">{flows.isPending ? "Loading flows…" : "Choose a flow"}</option>
            {flows.data?.map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {flowId && <VersionField key={flowId} workspaceId={workspaceId} form={form} />}
      <InputField
        id="publish-slug"
        label="Slug"
        className="font-mono"
        autoComplete="off"
        spellCheck={false}
        hint={
          <>
            Callers POST to <code className="font-mono">{endpointRunPath(slug || "<slug>")}</code>.
            Lower-case letters, digits and dashes.
          </>
        }
        {...bindField(form, "slug")}
      />
    </FormDialog>
  );
}
