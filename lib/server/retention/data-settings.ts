import { findDataSettings, updateDataSettings } from "@/lib/db/workspace-settings";
import type { DataSettingsDto } from "@/lib/schemas/data-settings";
import { audit } from "../audit";
import { errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";

/** The active workspace's retention and PII-masking settings. */
export async function dataSettingsOf(ctx: WorkspaceContext): Promise<DataSettingsDto> {
  const settings = await findDataSettings(ctx.workspace.id);
  if (!settings) throw errors.notFound("Workspace");
  return settings;
}

/** Replaces the active workspace's retention and PII-masking settings (audited). */
export async function setDataSettings(
  ctx: WorkspaceContext,
  input: DataSettingsDto,
): Promise<DataSettingsDto> {
  const before = await dataSettingsOf(ctx);
  const after = await updateDataSettings(ctx.workspace.id, input);
  await audit(
    ctx,
    "workspace.data_settings_updated",
    { type: "workspace", id: ctx.workspace.id },
    { before: { ...before }, after: { ...after } },
  );
  return after;
}
