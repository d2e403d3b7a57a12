-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "maskPii" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "retentionDays" INTEGER;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "contentPurgedAt" TIMESTAMP(3),
ADD COLUMN     "rating" TEXT;

-- AlterTable
ALTER TABLE "NodeRun" ADD COLUMN     "rolledUp" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RunFeedback" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "comment" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "apiKeyId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NodeRunRollup" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "flowId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "nodeType" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL DEFAULT '',
    "latencyBucket" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "executed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "tokensIn" BIGINT NOT NULL DEFAULT 0,
    "tokensOut" BIGINT NOT NULL DEFAULT 0,
    "tokensCached" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
    "costSavedUsd" DECIMAL(18,8) NOT NULL DEFAULT 0,
    "latencySumMs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "NodeRunRollup_pkey" PRIMARY KEY ("workspaceId","day","flowId","nodeId","nodeType","provider","model","latencyBucket")
);

-- CreateTable
CREATE TABLE "Budget" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "flowId" TEXT,
    "limitUsd" DECIMAL(18,8) NOT NULL,
    "hardLimit" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Budget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RunFeedback_runId_createdAt_idx" ON "RunFeedback"("runId", "createdAt");

-- CreateIndex
CREATE INDEX "NodeRunRollup_workspaceId_flowId_day_idx" ON "NodeRunRollup"("workspaceId", "flowId", "day");

-- CreateIndex
-- NULLS NOT DISTINCT: one workspace-wide budget (flowId null) per workspace.
CREATE UNIQUE INDEX "Budget_workspaceId_flowId_key" ON "Budget"("workspaceId", "flowId") NULLS NOT DISTINCT;

-- CreateIndex
CREATE INDEX "Run_workspaceId_flowId_createdAt_idx" ON "Run"("workspaceId", "flowId", "createdAt");

-- AddForeignKey
ALTER TABLE "RunFeedback" ADD CONSTRAINT "RunFeedback_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Budget" ADD CONSTRAINT "Budget_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Node runs not yet counted in NodeRunRollup (hand-written: Prisma cannot express a partial index).
CREATE INDEX "NodeRun_pending_rollup_idx" ON "NodeRun"("workspaceId", "runId") WHERE NOT "rolledUp";
