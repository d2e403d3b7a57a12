import { z } from "zod";

/** Longest retention a workspace can set (ten years). */
export const MAX_RETENTION_DAYS = 3650;

/** PUT /api/workspaces/active/data-settings. */
export const dataSettingsSchema = z.strictObject({
  retentionDays: z
    .int({ message: "Whole days" })
    .min(1, { message: "At least 1 day" })
    .max(MAX_RETENTION_DAYS, { message: `At most ${MAX_RETENTION_DAYS} days` })
    .nullable(),
  maskPii: z.boolean(),
});

/** A workspace's data settings as the API returns them. */
export type DataSettingsDto = z.output<typeof dataSettingsSchema>;
