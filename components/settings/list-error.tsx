"use client";

import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiClientError, errorMessage } from "@/lib/query/api";

/** A list that failed to load: the reason and a retry button. */
export function ListError({
  what,
  error,
  onRetry,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
}) {
  return (
    <Alert variant="error" title={`Could not load ${what}`} data-testid="list-error">
      <p>{errorMessage(error)}</p>
      <Button variant="outline" size="sm" className="mt-3" onClick={onRetry}>
        <RefreshCw aria-hidden />
        Retry
      </Button>
    </Alert>
  );
}

/** A failed page: the API's field problems (a bad filter in the address) or the reason. */
export function listErrorDetail(error: unknown): unknown {
  if (!(error instanceof ApiClientError) || error.issues.length === 0) return error;
  return new Error(error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "));
}

/** The parts of an infinite query that a list footer reads. */
interface PagedList {
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** Under a paged list's rows: a failed refresh or next page (the rows stay), and "Load more" while more exist. */
export function ListFooter({
  what,
  list,
  testId,
}: {
  what: string;
  list: PagedList;
  testId: string;
}) {
  return (
    <>
      {list.isError && (
        <div className="mt-3">
          <ListError
            what={what}
            error={listErrorDetail(list.error)}
            onRetry={() => void list.refetch()}
          />
        </div>
      )}
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <Button
            variant="outline"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            data-testid={testId}
          >
            {list.isFetchingNextPage && <Spinner className="size-4" />}
            Load more
          </Button>
        </div>
      )}
    </>
  );
}
