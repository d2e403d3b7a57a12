import { route } from "@/lib/server/route";
import { openTasks } from "@/lib/server/runs/human-tasks";

/** GET /api/human-tasks: open review tasks (the Approvals inbox). */
export const GET = route({ permission: "workspace.read" }, async ({ ctx }) => ({
  tasks: await openTasks(ctx),
}));
