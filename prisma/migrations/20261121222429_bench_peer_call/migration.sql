-- CreateTable
CREATE TABLE "BenchPeerCall" (
    "id" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "answer" TEXT NOT NULL,
    "tokensIn" INTEGER NOT NULL,
    "tokensOut" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchPeerCall_pkey" PRIMARY KEY ("id")
);

