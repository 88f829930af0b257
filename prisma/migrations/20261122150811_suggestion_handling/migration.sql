-- AlterEnum
ALTER TYPE "SubjectType" ADD VALUE 'CALENDAR_DAY';

-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "declinedAt" TIMESTAMPTZ(3),
ADD COLUMN     "dueOn" DATE;

-- AlterTable
ALTER TABLE "SuggestionTransfer" ADD COLUMN     "note" TEXT,
ADD COLUMN     "overdueNotifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "remindedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "SuggestionReply" ADD COLUMN     "departmentId" INTEGER;

-- CreateIndex
CREATE INDEX "Suggestion_dueOn_idx" ON "Suggestion"("dueOn");

-- CreateIndex
CREATE INDEX "SuggestionTransfer_status_dueOn_idx" ON "SuggestionTransfer"("status", "dueOn");

-- AddForeignKey
ALTER TABLE "SuggestionReply" ADD CONSTRAINT "SuggestionReply_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill: each suggestion's earliest open transfer in its current round, and when declined
-- suggestions were declined (their last change).
UPDATE "Suggestion" s SET "dueOn" = open_transfers.due
FROM (
  SELECT t."suggestionId", MIN(t."dueOn") AS due
  FROM "SuggestionTransfer" t JOIN "Suggestion" owner ON owner.id = t."suggestionId" AND t.round = owner.round
  WHERE t.status IN ('PENDING', 'IN_PROGRESS')
  GROUP BY t."suggestionId"
) open_transfers
WHERE s.id = open_transfers."suggestionId";

UPDATE "Suggestion" SET "declinedAt" = "updatedAt" WHERE status = 'DECLINED' AND "declinedAt" IS NULL;
