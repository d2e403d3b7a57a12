-- CreateEnum
CREATE TYPE "LabelMoveVia" AS ENUM ('direct', 'change_request', 'rollback');

-- AlterTable
ALTER TABLE "PromptLabel" DROP COLUMN "protected";

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN     "targetId" TEXT;

-- CreateTable
CREATE TABLE "PromptLabelMove" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT NOT NULL,
    "actorId" TEXT,
    "via" "LabelMoveVia" NOT NULL,
    "reason" TEXT,
    "changeRequestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PromptLabelMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalPolicy" (
    "workspaceId" TEXT NOT NULL,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "protectedLabels" TEXT[] DEFAULT ARRAY['production']::TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovalPolicy_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateIndex
CREATE INDEX "PromptLabelMove_promptId_label_createdAt_idx" ON "PromptLabelMove"("promptId", "label", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_workspaceId_createdAt_idx" ON "ChangeRequest"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_targetId_status_idx" ON "ChangeRequest"("targetId", "status");

-- AddForeignKey
ALTER TABLE "PromptLabelMove" ADD CONSTRAINT "PromptLabelMove_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptLabelMove" ADD CONSTRAINT "PromptLabelMove_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "PromptVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PromptLabelMove" ADD CONSTRAINT "PromptLabelMove_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "PromptVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalPolicy" ADD CONSTRAINT "ApprovalPolicy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One valid decision per approver and request: a revised request invalidates its approvals
-- (invalidatedAt set), after which the same approver may decide again.
CREATE UNIQUE INDEX "ApprovalDecision_one_valid_per_approver" ON "ApprovalDecision"("changeRequestId", "approverId") WHERE "invalidatedAt" IS NULL;

-- Label history starts with where each existing label points.
INSERT INTO "PromptLabelMove" ("id", "workspaceId", "promptId", "label", "toVersionId", "via", "reason", "createdAt")
SELECT 'move_' || "id", "workspaceId", "promptId", "name", "versionId", 'direct', 'Label history starts here', "updatedAt"
FROM "PromptLabel";

UPDATE "ChangeRequest" SET "targetId" = "payload"->>'promptId' WHERE "kind" = 'prompt.label';
