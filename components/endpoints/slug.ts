import { endpointSlugSchema } from "@/lib/schemas/endpoints";

/** A slug suggested by a flow's name: "Ticket triage (example)" -> "ticket-triage-example". */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

/** What is wrong with a slug as typed (format, or taken in the workspace), or null when it can be published. */
export function slugProblem(slug: string, taken: ReadonlySet<string>): string | null {
  if (slug === "") return "Give the endpoint a slug";
  const parsed = endpointSlugSchema.safeParse(slug);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "Not a valid slug";
  return taken.has(slug) ? `"${slug}" is taken by another endpoint` : null;
}
