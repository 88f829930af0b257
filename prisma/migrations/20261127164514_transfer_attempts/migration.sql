-- DropIndex
DROP INDEX "SuggestionTransfer_suggestionId_departmentId_round_key";

-- AlterTable
ALTER TABLE "SuggestionTransfer" ADD COLUMN     "attempt" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionTransfer_suggestionId_departmentId_round_attempt_key" ON "SuggestionTransfer"("suggestionId", "departmentId", "round", "attempt");

