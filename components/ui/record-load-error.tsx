import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { ApiClientError, errorMessage } from "@/lib/query/api";

/**
 * A record's page when the record did not load: the page's title, then "… not found" on a 404 or
 * "Could not load the …" with the reason, and the page's own actions below.
 */
export function RecordLoadError({
  what,
  error,
  notFound,
  actions,
}: {
  /** The kind of record in lower case: "prompt", "change request". */
  what: string;
  error: unknown;
  /** The explanation on a 404. */
  notFound: string;
  /** The actions under the message; `missing` is true on a 404. */
  actions?: (missing: boolean) => ReactNode;
}) {
  const missing = error instanceof ApiClientError && error.status === 404;
  const title = what.charAt(0).toUpperCase() + what.slice(1);
  return (
    <>
      <PageHeader title={title} />
      <Alert variant="error" title={missing ? `${title} not found` : `Could not load the ${what}`}>
        <p>{missing ? notFound : errorMessage(error)}</p>
        {actions?.(missing)}
      </Alert>
    </>
  );
}
