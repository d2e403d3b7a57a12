import type { Metadata } from "next";
import { FlowsView } from "@/components/flows/flows-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flows" };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The Flows page: every member sees, searches and runs (`flow.run`) flows; `flow.edit` creates,
 * renames, duplicates, deletes and imports them. `?q=` and `?sort=name` restore a search.
 */
export default async function FlowsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext();
  const params = await searchParams;
  return (
    <FlowsView
      workspaceId={ctx.workspace.id}
      canRun={ctx.permissions.includes("flow.run")}
      canEdit={ctx.permissions.includes("flow.edit")}
      initialQuery={{
        q: single(params.q)?.slice(0, 200) ?? "",
        sort: single(params.sort) === "name" ? "name" : "updated",
      }}
    />
  );
}
