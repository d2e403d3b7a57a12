import { dataSettingsSchema } from "@/lib/schemas/data-settings";
import { dataSettingsOf, setDataSettings } from "@/lib/server/retention/data-settings";
import { route } from "@/lib/server/route";

/** GET /api/workspaces/active/data-settings: run content retention and PII masking. */
export const GET = route({ permission: "workspace.read" }, ({ ctx }) => dataSettingsOf(ctx));

/** PUT /api/workspaces/active/data-settings: replace them (audited). */
export const PUT = route(
  { permission: "policy.manage", body: dataSettingsSchema },
  ({ ctx, body }) => setDataSettings(ctx, body),
);
