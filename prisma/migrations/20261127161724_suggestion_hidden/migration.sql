-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "hiddenAt" TIMESTAMPTZ(3),
ADD COLUMN     "hiddenById" INTEGER,
ADD COLUMN     "hiddenReason" TEXT;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

