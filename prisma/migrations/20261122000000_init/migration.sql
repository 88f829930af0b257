-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AreaKind" AS ENUM ('DISTRICT', 'STREET', 'NEIGHBOURHOOD', 'COMPOUND', 'BUILDING', 'BLOCK');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ZH_CN', 'EN');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COUNCIL_MEMBER', 'FACILITATOR', 'PLANNER', 'DEPUTY', 'DEPARTMENT_HANDLER', 'STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "CouncilKind" AS ENUM ('NEIGHBOURHOOD', 'BLOCK', 'STREET');

-- CreateEnum
CREATE TYPE "TopicStatus" AS ENUM ('COLLECTING', 'ACCEPTED', 'REJECTED', 'DELIBERATING', 'VOTING', 'DECIDED', 'IMPLEMENTING', 'EVALUATED', 'CLOSED');

-- CreateEnum
CREATE TYPE "TopicSource" AS ENUM ('RESIDENT', 'COUNCIL_MEMBER', 'STAFF');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORT', 'OPPOSE', 'NEUTRAL', 'SUGGESTION');

-- CreateEnum
CREATE TYPE "MeetingMode" AS ENUM ('IN_PERSON', 'ONLINE', 'HYBRID');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AgendaItemStatus" AS ENUM ('PENDING', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "AttendanceMode" AS ENUM ('IN_PERSON', 'ONLINE');

-- CreateEnum
CREATE TYPE "SpeakerStatus" AS ENUM ('WAITING', 'SPEAKING', 'DONE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProposalCategory" AS ENUM ('POCKET_PARK', 'COMMUNITY_GARDEN', 'ACCESSIBILITY', 'ELEVATOR_RETROFIT', 'EBIKE_CHARGING', 'FITNESS_TRAIL', 'STAIRWELL_RENEWAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'ELIGIBLE', 'NOT_ELIGIBLE', 'IN_VOTE', 'SELECTED', 'NOT_SELECTED', 'DESIGN', 'CONSTRUCTION', 'COMPLETED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "BudgetRoundStatus" AS ENUM ('DRAFT', 'SUBMISSION', 'REVIEW', 'VOTING', 'RESULTS', 'CLOSED');

-- CreateEnum
CREATE TYPE "VoteSubject" AS ENUM ('TOPIC', 'MEETING_ITEM', 'PROPOSAL', 'BUDGET_ROUND');

-- CreateEnum
CREATE TYPE "BallotType" AS ENUM ('YES_NO_ABSTAIN', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'BUDGET', 'RANKED');

-- CreateEnum
CREATE TYPE "CountingUnit" AS ENUM ('RESIDENT', 'HOUSEHOLD', 'COUNCIL_MEMBER');

-- CreateEnum
CREATE TYPE "ThresholdRule" AS ENUM ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'CIVIL_CODE_278');

-- CreateEnum
CREATE TYPE "VoteStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BallotChannel" AS ENUM ('ONLINE', 'PAPER');

-- CreateEnum
CREATE TYPE "PostKind" AS ENUM ('HOME', 'STATION', 'POINT');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW');

-- CreateEnum
CREATE TYPE "SuggestionCategory" AS ENUM ('CITY_APPEARANCE', 'TRANSPORT', 'PROPERTY_MANAGEMENT', 'ELDERLY_SERVICES', 'PUBLIC_SAFETY', 'HEALTH_EDUCATION', 'OTHER');

-- CreateEnum
CREATE TYPE "SuggestionChannel" AS ENUM ('ONLINE', 'RECEPTION');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DECLINED', 'TRANSFERRED', 'IN_PROGRESS', 'REPLIED', 'RATED', 'SUPERVISING', 'CLOSED');

-- CreateEnum
CREATE TYPE "TransferRole" AS ENUM ('LEAD', 'CO');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'RETURNED', 'DONE');

-- CreateEnum
CREATE TYPE "Satisfaction" AS ENUM ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED');

-- CreateEnum
CREATE TYPE "SubjectType" AS ENUM ('AREA', 'ACCOUNT', 'HOUSEHOLD_MEMBER', 'ROLE_GRANT', 'COUNCIL', 'TOPIC', 'OPINION', 'MEETING', 'PROPOSAL', 'BUDGET_ROUND', 'VOTE', 'LIAISON_POST', 'RECEPTION_DAY', 'DEPARTMENT', 'SUGGESTION');

-- CreateTable
CREATE TABLE "Area" (
    "id" SERIAL NOT NULL,
    "kind" "AreaKind" NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "parentId" INTEGER,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" SERIAL NOT NULL,
    "buildingId" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "floorAreaCentiSqm" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "id" SERIAL NOT NULL,
    "householdId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "isAdult" BOOLEAN NOT NULL DEFAULT true,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" INTEGER,
    "decisionNote" TEXT,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" SERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "realName" TEXT,
    "displayName" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'ZH_CN',
    "largeText" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3),
    "disabledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInCode" (
    "id" SERIAL NOT NULL,
    "phone" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "consumedAt" TIMESTAMPTZ(3),
    "requestedIp" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "accountId" INTEGER NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "areaId" INTEGER NOT NULL,
    "councilId" INTEGER,
    "departmentId" INTEGER,
    "postId" INTEGER,
    "grantedById" INTEGER,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" INTEGER,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeputyProfile" (
    "id" SERIAL NOT NULL,
    "accountId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "bio" TEXT,

    CONSTRAINT "DeputyProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Council" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "CouncilKind" NOT NULL,
    "areaId" INTEGER NOT NULL,
    "supportThreshold" INTEGER NOT NULL DEFAULT 10,
    "meetingQuorum" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Council_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "councilId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "TopicStatus" NOT NULL DEFAULT 'COLLECTING',
    "source" "TopicSource" NOT NULL,
    "raisedById" INTEGER NOT NULL,
    "supportCount" INTEGER NOT NULL DEFAULT 0,
    "onAgendaAt" TIMESTAMPTZ(3),
    "rejectionReason" TEXT,
    "resolutionText" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopicSupport" (
    "topicId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TopicSupport_pkey" PRIMARY KEY ("topicId","accountId")
);

-- CreateTable
CREATE TABLE "Opinion" (
    "id" SERIAL NOT NULL,
    "topicId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "stance" "Stance" NOT NULL,
    "body" TEXT NOT NULL,
    "parentId" INTEGER,
    "mergedIntoId" INTEGER,
    "pinnedAt" TIMESTAMPTZ(3),
    "hiddenAt" TIMESTAMPTZ(3),
    "hiddenReason" TEXT,
    "moderatedById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Opinion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "councilId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "mode" "MeetingMode" NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "scheduledStart" TIMESTAMPTZ(3) NOT NULL,
    "scheduledEnd" TIMESTAMPTZ(3),
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "currentItemId" INTEGER,
    "minutes" TEXT,
    "minutesPublishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingItem" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "topicId" INTEGER,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "AgendaItemStatus" NOT NULL DEFAULT 'PENDING',
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MeetingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "mode" "AttendanceMode" NOT NULL,
    "checkedInAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","accountId")
);

-- CreateTable
CREATE TABLE "SpeakerRequest" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "itemId" INTEGER,
    "accountId" INTEGER NOT NULL,
    "status" "SpeakerStatus" NOT NULL DEFAULT 'WAITING',
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SpeakerRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "areaId" INTEGER NOT NULL,
    "budgetRoundId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "ProposalCategory" NOT NULL,
    "place" TEXT NOT NULL,
    "estimatedCostFen" INTEGER NOT NULL,
    "proposerId" INTEGER NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'SUBMITTED',
    "cosignCount" INTEGER NOT NULL DEFAULT 0,
    "reviewerId" INTEGER,
    "feasibilityOpinion" TEXT,
    "reviewedCostFen" INTEGER,
    "ineligibleReason" TEXT,
    "allocatedFen" INTEGER,
    "spentFen" INTEGER NOT NULL DEFAULT 0,
    "progressPercent" INTEGER NOT NULL DEFAULT 0,
    "plannedCompletion" DATE,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalCosign" (
    "proposalId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalCosign_pkey" PRIMARY KEY ("proposalId","accountId")
);

-- CreateTable
CREATE TABLE "ProposalProgress" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    "spentFen" INTEGER,
    "happenedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalProgress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetRound" (
    "id" SERIAL NOT NULL,
    "areaId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "poolFen" INTEGER NOT NULL,
    "perProjectCapFen" INTEGER NOT NULL,
    "status" "BudgetRoundStatus" NOT NULL DEFAULT 'DRAFT',
    "submissionOpensAt" TIMESTAMPTZ(3) NOT NULL,
    "submissionClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "votingOpensAt" TIMESTAMPTZ(3) NOT NULL,
    "votingClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "resultsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BudgetRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" SERIAL NOT NULL,
    "subject" "VoteSubject" NOT NULL,
    "topicId" INTEGER,
    "meetingItemId" INTEGER,
    "proposalId" INTEGER,
    "budgetRoundId" INTEGER,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "ballotType" "BallotType" NOT NULL,
    "maxChoices" INTEGER,
    "budgetFen" INTEGER,
    "areaId" INTEGER NOT NULL,
    "councilId" INTEGER,
    "countingUnit" "CountingUnit" NOT NULL,
    "opensAt" TIMESTAMPTZ(3),
    "closesAt" TIMESTAMPTZ(3),
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "status" "VoteStatus" NOT NULL DEFAULT 'DRAFT',
    "quorumPercent" INTEGER NOT NULL DEFAULT 0,
    "threshold" "ThresholdRule" NOT NULL DEFAULT 'SIMPLE_MAJORITY',
    "secret" BOOLEAN NOT NULL DEFAULT false,
    "sealed" BOOLEAN NOT NULL DEFAULT false,
    "rollSize" INTEGER,
    "rollFloorAreaCentiSqm" INTEGER,
    "slotKey" BYTEA,
    "result" JSONB,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteOption" (
    "id" SERIAL NOT NULL,
    "voteId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "costFen" INTEGER,
    "proposalId" INTEGER,

    CONSTRAINT "VoteOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteRollEntry" (
    "id" SERIAL NOT NULL,
    "voteId" INTEGER NOT NULL,
    "accountId" INTEGER,
    "householdId" INTEGER,
    "floorAreaCentiSqm" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VoteRollEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteParticipation" (
    "id" SERIAL NOT NULL,
    "voteId" INTEGER NOT NULL,
    "rollEntryId" INTEGER NOT NULL,
    "channel" "BallotChannel" NOT NULL,
    "enteredById" INTEGER,
    "castCount" INTEGER NOT NULL DEFAULT 1,
    "firstCastAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastCastAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoteParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "voteId" INTEGER NOT NULL,
    "slot" TEXT NOT NULL,
    "rollEntryId" INTEGER,
    "receiptHash" TEXT NOT NULL,
    "floorAreaCentiSqm" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "ballotId" UUID NOT NULL,
    "optionId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "BallotChoice_pkey" PRIMARY KEY ("ballotId","optionId")
);

-- CreateTable
CREATE TABLE "LiaisonPost" (
    "id" SERIAL NOT NULL,
    "kind" "PostKind" NOT NULL,
    "name" TEXT NOT NULL,
    "parentId" INTEGER,
    "areaId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "openHours" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiaisonPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionDay" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 10,
    "note" TEXT,
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceptionDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceptionDuty" (
    "receptionDayId" INTEGER NOT NULL,
    "deputyId" INTEGER NOT NULL,

    CONSTRAINT "ReceptionDuty_pkey" PRIMARY KEY ("receptionDayId","deputyId")
);

-- CreateTable
CREATE TABLE "ReceptionBooking" (
    "id" SERIAL NOT NULL,
    "receptionDayId" INTEGER NOT NULL,
    "accountId" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'BOOKED',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReceptionBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "contact" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "category" "SuggestionCategory" NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "place" TEXT,
    "channel" "SuggestionChannel" NOT NULL,
    "submitterId" INTEGER,
    "submitterName" TEXT,
    "submitterPhone" TEXT,
    "recordedById" INTEGER,
    "receptionDayId" INTEGER,
    "allowPublish" BOOLEAN NOT NULL DEFAULT false,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "round" INTEGER NOT NULL DEFAULT 1,
    "declineReason" TEXT,
    "acceptedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionTransfer" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "role" "TransferRole" NOT NULL,
    "round" INTEGER NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'PENDING',
    "dueOn" DATE NOT NULL,
    "transferredById" INTEGER NOT NULL,
    "transferredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "returnReason" TEXT,
    "returnedAt" TIMESTAMPTZ(3),
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SuggestionTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionUpdate" (
    "id" SERIAL NOT NULL,
    "transferId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionReply" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionReply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionRating" (
    "id" SERIAL NOT NULL,
    "suggestionId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "raterId" INTEGER NOT NULL,
    "satisfaction" "Satisfaction" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "isWorkday" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "proposalId" INTEGER,
    "progressId" INTEGER,
    "suggestionId" INTEGER,
    "suggestionUpdateId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "subjectType" "SubjectType",
    "subjectId" INTEGER,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Follow" (
    "accountId" INTEGER NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("accountId","subjectType","subjectId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "areaId" INTEGER,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "public" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Area_path_key" ON "Area"("path");

-- CreateIndex
CREATE INDEX "Area_kind_idx" ON "Area"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "Area_parentId_name_key" ON "Area"("parentId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Household_buildingId_unit_key" ON "Household"("buildingId", "unit");

-- CreateIndex
CREATE INDEX "HouseholdMember_accountId_status_idx" ON "HouseholdMember"("accountId", "status");

-- CreateIndex
CREATE INDEX "HouseholdMember_status_idx" ON "HouseholdMember"("status");

-- CreateIndex
CREATE UNIQUE INDEX "HouseholdMember_householdId_accountId_key" ON "HouseholdMember"("householdId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_phone_key" ON "Account"("phone");

-- CreateIndex
CREATE INDEX "SignInCode_phone_createdAt_idx" ON "SignInCode"("phone", "createdAt");

-- CreateIndex
CREATE INDEX "SignInCode_requestedIp_createdAt_idx" ON "SignInCode"("requestedIp", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_accountId_idx" ON "Session"("accountId");

-- CreateIndex
CREATE INDEX "RoleGrant_accountId_revokedAt_idx" ON "RoleGrant"("accountId", "revokedAt");

-- CreateIndex
CREATE INDEX "RoleGrant_councilId_idx" ON "RoleGrant"("councilId");

-- CreateIndex
CREATE INDEX "RoleGrant_postId_idx" ON "RoleGrant"("postId");

-- CreateIndex
CREATE INDEX "RoleGrant_departmentId_idx" ON "RoleGrant"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeputyProfile_accountId_key" ON "DeputyProfile"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Council_areaId_name_key" ON "Council"("areaId", "name");

-- CreateIndex
CREATE INDEX "Topic_councilId_status_idx" ON "Topic"("councilId", "status");

-- CreateIndex
CREATE INDEX "Topic_areaId_status_idx" ON "Topic"("areaId", "status");

-- CreateIndex
CREATE INDEX "Topic_createdAt_idx" ON "Topic"("createdAt");

-- CreateIndex
CREATE INDEX "Opinion_topicId_createdAt_idx" ON "Opinion"("topicId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_currentItemId_key" ON "Meeting"("currentItemId");

-- CreateIndex
CREATE INDEX "Meeting_councilId_scheduledStart_idx" ON "Meeting"("councilId", "scheduledStart");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingItem_meetingId_position_key" ON "MeetingItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "SpeakerRequest_meetingId_status_requestedAt_idx" ON "SpeakerRequest"("meetingId", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "Proposal_areaId_status_idx" ON "Proposal"("areaId", "status");

-- CreateIndex
CREATE INDEX "Proposal_budgetRoundId_status_idx" ON "Proposal"("budgetRoundId", "status");

-- CreateIndex
CREATE INDEX "ProposalProgress_proposalId_happenedOn_idx" ON "ProposalProgress"("proposalId", "happenedOn");

-- CreateIndex
CREATE INDEX "BudgetRound_areaId_status_idx" ON "BudgetRound"("areaId", "status");

-- CreateIndex
CREATE INDEX "Vote_areaId_status_idx" ON "Vote"("areaId", "status");

-- CreateIndex
CREATE INDEX "Vote_status_closesAt_idx" ON "Vote"("status", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "VoteOption_voteId_position_key" ON "VoteOption"("voteId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "VoteRollEntry_voteId_accountId_key" ON "VoteRollEntry"("voteId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "VoteRollEntry_voteId_householdId_key" ON "VoteRollEntry"("voteId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "VoteParticipation_rollEntryId_key" ON "VoteParticipation"("rollEntryId");

-- CreateIndex
CREATE INDEX "VoteParticipation_voteId_idx" ON "VoteParticipation"("voteId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_rollEntryId_key" ON "Ballot"("rollEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_voteId_slot_key" ON "Ballot"("voteId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_voteId_receiptHash_key" ON "Ballot"("voteId", "receiptHash");

-- CreateIndex
CREATE INDEX "BallotChoice_optionId_idx" ON "BallotChoice"("optionId");

-- CreateIndex
CREATE UNIQUE INDEX "LiaisonPost_name_key" ON "LiaisonPost"("name");

-- CreateIndex
CREATE INDEX "ReceptionDay_postId_startsAt_idx" ON "ReceptionDay"("postId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReceptionBooking_receptionDayId_accountId_key" ON "ReceptionBooking"("receptionDayId", "accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_areaId_name_key" ON "Department"("areaId", "name");

-- CreateIndex
CREATE INDEX "Suggestion_postId_status_idx" ON "Suggestion"("postId", "status");

-- CreateIndex
CREATE INDEX "Suggestion_areaId_status_idx" ON "Suggestion"("areaId", "status");

-- CreateIndex
CREATE INDEX "Suggestion_submitterId_idx" ON "Suggestion"("submitterId");

-- CreateIndex
CREATE INDEX "Suggestion_createdAt_idx" ON "Suggestion"("createdAt");

-- CreateIndex
CREATE INDEX "SuggestionTransfer_departmentId_status_dueOn_idx" ON "SuggestionTransfer"("departmentId", "status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionTransfer_suggestionId_departmentId_round_key" ON "SuggestionTransfer"("suggestionId", "departmentId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionReply_suggestionId_round_key" ON "SuggestionReply"("suggestionId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionRating_suggestionId_round_key" ON "SuggestionRating"("suggestionId", "round");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_createdAt_idx" ON "Notification"("recipientId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Follow_subjectType_subjectId_idx" ON "Follow"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_at_idx" ON "AuditEvent"("subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_areaId_at_idx" ON "AuditEvent"("areaId", "at");

-- AddForeignKey
ALTER TABLE "Area" ADD CONSTRAINT "Area_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_postId_fkey" FOREIGN KEY ("postId") REFERENCES "LiaisonPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeputyProfile" ADD CONSTRAINT "DeputyProfile_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Council" ADD CONSTRAINT "Council_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Topic" ADD CONSTRAINT "Topic_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSupport" ADD CONSTRAINT "TopicSupport_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TopicSupport" ADD CONSTRAINT "TopicSupport_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Opinion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Opinion" ADD CONSTRAINT "Opinion_moderatedById_fkey" FOREIGN KEY ("moderatedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_currentItemId_fkey" FOREIGN KEY ("currentItemId") REFERENCES "MeetingItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingItem" ADD CONSTRAINT "MeetingItem_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRequest" ADD CONSTRAINT "SpeakerRequest_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRequest" ADD CONSTRAINT "SpeakerRequest_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MeetingItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpeakerRequest" ADD CONSTRAINT "SpeakerRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_budgetRoundId_fkey" FOREIGN KEY ("budgetRoundId") REFERENCES "BudgetRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_proposerId_fkey" FOREIGN KEY ("proposerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCosign" ADD CONSTRAINT "ProposalCosign_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalCosign" ADD CONSTRAINT "ProposalCosign_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalProgress" ADD CONSTRAINT "ProposalProgress_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalProgress" ADD CONSTRAINT "ProposalProgress_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRound" ADD CONSTRAINT "BudgetRound_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRound" ADD CONSTRAINT "BudgetRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_meetingItemId_fkey" FOREIGN KEY ("meetingItemId") REFERENCES "MeetingItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_budgetRoundId_fkey" FOREIGN KEY ("budgetRoundId") REFERENCES "BudgetRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteOption" ADD CONSTRAINT "VoteOption_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteOption" ADD CONSTRAINT "VoteOption_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteRollEntry" ADD CONSTRAINT "VoteRollEntry_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteRollEntry" ADD CONSTRAINT "VoteRollEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteRollEntry" ADD CONSTRAINT "VoteRollEntry_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_rollEntryId_fkey" FOREIGN KEY ("rollEntryId") REFERENCES "VoteRollEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_rollEntryId_fkey" FOREIGN KEY ("rollEntryId") REFERENCES "VoteRollEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "VoteOption"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonPost" ADD CONSTRAINT "LiaisonPost_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "LiaisonPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiaisonPost" ADD CONSTRAINT "LiaisonPost_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDay" ADD CONSTRAINT "ReceptionDay_postId_fkey" FOREIGN KEY ("postId") REFERENCES "LiaisonPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDuty" ADD CONSTRAINT "ReceptionDuty_receptionDayId_fkey" FOREIGN KEY ("receptionDayId") REFERENCES "ReceptionDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionDuty" ADD CONSTRAINT "ReceptionDuty_deputyId_fkey" FOREIGN KEY ("deputyId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionBooking" ADD CONSTRAINT "ReceptionBooking_receptionDayId_fkey" FOREIGN KEY ("receptionDayId") REFERENCES "ReceptionDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceptionBooking" ADD CONSTRAINT "ReceptionBooking_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_postId_fkey" FOREIGN KEY ("postId") REFERENCES "LiaisonPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_receptionDayId_fkey" FOREIGN KEY ("receptionDayId") REFERENCES "ReceptionDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionTransfer" ADD CONSTRAINT "SuggestionTransfer_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionTransfer" ADD CONSTRAINT "SuggestionTransfer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionTransfer" ADD CONSTRAINT "SuggestionTransfer_transferredById_fkey" FOREIGN KEY ("transferredById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionUpdate" ADD CONSTRAINT "SuggestionUpdate_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "SuggestionTransfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionUpdate" ADD CONSTRAINT "SuggestionUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionReply" ADD CONSTRAINT "SuggestionReply_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionReply" ADD CONSTRAINT "SuggestionReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionRating" ADD CONSTRAINT "SuggestionRating_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionRating" ADD CONSTRAINT "SuggestionRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ProposalProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_suggestionId_fkey" FOREIGN KEY ("suggestionId") REFERENCES "Suggestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_suggestionUpdateId_fkey" FOREIGN KEY ("suggestionUpdateId") REFERENCES "SuggestionUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- AuditEvent is append-only: the record of who did what must not be rewritten.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
