"use client";

import { TriangleAlert } from "lucide-react";
import { CopyButton } from "@/components/endpoints/copy-button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { CreatedApiKeyDto } from "@/lib/schemas/api-keys";

/** One secret: a read-only monospace field (selected on focus) and a copy button. */
function SecretField({
  id,
  label,
  value,
  hint,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  hint: string;
  testId: string;
}) {
  return (
    <FormField id={id} label={label} hint={hint}>
      {(control) => (
        <div className="flex gap-2">
          <Input
            {...control}
            readOnly
            value={value}
            data-testid={testId}
            className="font-mono text-xs"
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={value} label={label.toLowerCase()} className="size-9" />
        </div>
      )}
    </FormField>
  );
}

/** The new key's secrets, shown this once, with a warning to store them now. */
export function ApiKeySecret({ created }: { created: CreatedApiKeyDto }) {
  return (
    <div className="flex flex-col gap-4">
      <div
        role="alert"
        className="flex gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-900/70 dark:bg-amber-950/40 dark:text-amber-100"
      >
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div className="flex flex-col gap-1">
          <p className="font-medium">Copy the secret now: it is shown only this once</p>
          <p>
            Trellis keeps only a hash of it. If you lose it, revoke this key and create another.
          </p>
        </div>
      </div>
      <SecretField
        id="api-key-secret"
        label="API key"
        value={created.secret}
        testId="api-key-secret"
        hint="Callers send it as Authorization: Bearer <key>. The snippets read it from $TRELLIS_API_KEY."
      />
      <SecretField
        id="api-key-webhook-secret"
        label="Webhook signing secret"
        value={created.webhookSecret}
        testId="api-key-webhook-secret"
        hint="Verifies the Trellis-Signature header (HMAC-SHA256) of callbacks for runs this key starts."
      />
    </div>
  );
}
