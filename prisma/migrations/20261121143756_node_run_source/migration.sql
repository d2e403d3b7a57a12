-- CreateEnum
CREATE TYPE "NodeRunSource" AS ENUM ('executed', 'pinned', 'reused');

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "fromNodeId" TEXT;

-- AlterTable
ALTER TABLE "NodeRun" ADD COLUMN     "source" "NodeRunSource" NOT NULL DEFAULT 'executed';

