import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";

/** The version a rollback goes to: the one saved just before the live one, else the newest other. */
export function defaultRepointTarget(
  versions: FlowVersionSummaryDto[],
  liveId: string,
): string | null {
  const live = versions.find((v) => v.id === liveId);
  const older = versions
    .filter((v) => live && v.version < live.version)
    .sort((a, b) => b.version - a.version)[0];
  return older?.id ?? versions.find((v) => v.id !== liveId)?.id ?? null;
}
