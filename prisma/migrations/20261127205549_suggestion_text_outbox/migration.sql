-- CreateEnum
CREATE TYPE "TextMessageKind" AS ENUM ('SUGGESTION_REPLIED', 'SUGGESTION_DECLINED', 'SUGGESTION_CLOSED');

-- CreateTable
CREATE TABLE "TextMessage" (
    "id" SERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "kind" "TextMessageKind" NOT NULL,
    "body" TEXT NOT NULL,
    "suggestionId" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TextMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TextMessage_nextAttemptAt_idx" ON "TextMessage"("nextAttemptAt");

-- CreateIndex
CREATE INDEX "TextMessage_suggestionId_idx" ON "TextMessage"("suggestionId");

-- AddForeignKey
ALTER TABLE "TextMessage" ADD CONSTRAINT "TextMessage_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

