import type { LabelMoveVia, PromptLabelMoveDto } from "@/lib/schemas/prompt-library";

/** A version a label pointed at before, and when it last did. */
export interface RollbackTarget {
  versionId: string;
  version: number;
  /** When the label last moved away from this version. */
  leftAt: string;
  /** How the label got to this version, when the history shows it. */
  via: LabelMoveVia | null;
}

/**
 * The versions a label pointed at before (from its move history, newest first), without the
 * one it points at now: the only versions an emergency rollback may return to.
 */
export function rollbackTargets(
  moves: PromptLabelMoveDto[],
  currentVersionId: string | null,
): RollbackTarget[] {
  const targets = new Map<string, RollbackTarget>();
  for (const move of moves) {
    const { fromVersionId, fromVersion } = move;
    if (!fromVersionId || fromVersion === null || fromVersionId === currentVersionId) continue;
    if (targets.has(fromVersionId)) continue;
    const arrival = moves.find(
      (m) => m.toVersionId === fromVersionId && m.createdAt <= move.createdAt,
    );
    targets.set(fromVersionId, {
      versionId: fromVersionId,
      version: fromVersion,
      leftAt: move.createdAt,
      via: arrival?.via ?? null,
    });
  }
  return [...targets.values()];
}
