-- AlterTable
ALTER TABLE "Suggestion" ADD COLUMN     "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "urgentOn" DATE;

-- CreateIndex
CREATE INDEX "Suggestion_urgentOn_id_idx" ON "Suggestion"("urgentOn", "id");


-- Data: existing suggestions changed status when their audit trail says so (the last transition);
-- urgentOn is computed by the server at start (refreshUrgency over every suggestion).
UPDATE "Suggestion" s SET "statusChangedAt" = COALESCE(
  (SELECT MAX(a."at") FROM "AuditEvent" a
   WHERE a."subjectType" = 'SUGGESTION' AND a."subjectId" = s."id" AND a."toStatus" IS NOT NULL),
  s."createdAt"
);
