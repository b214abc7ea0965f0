-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "smallNumberThreshold" INTEGER NOT NULL DEFAULT 3,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Kommun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Kommun_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Insats" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" TEXT,
    "skapaScaleMin" INTEGER NOT NULL DEFAULT 1,
    "skapaScaleMax" INTEGER NOT NULL DEFAULT 10,
    CONSTRAINT "Insats_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrappanStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "insatsId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    CONSTRAINT "TrappanStep_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkapaArea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "insatsId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "SkapaArea_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InsatsTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "insatsId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    CONSTRAINT "InsatsTarget_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referrer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Referrer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClosureReason" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ClosureReason_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgeGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "minAge" INTEGER NOT NULL,
    "maxAge" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AgeGroup_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupportType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "raisesActivityLevel" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "SupportType_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityType" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "key" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ActivityType_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncomeSource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "IncomeSource_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "insatsId" TEXT NOT NULL,
    "kommunId" TEXT NOT NULL,
    CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_kommunId_fkey" FOREIGN KEY ("kommunId") REFERENCES "Kommun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "code" TEXT,
    "name" TEXT,
    "erasedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Participant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "givenDate" TEXT NOT NULL,
    "coversSharing" BOOLEAN NOT NULL DEFAULT true,
    "coversStatistics" BOOLEAN NOT NULL DEFAULT true,
    "withdrawnDate" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Consent_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "kommunId" TEXT NOT NULL,
    "insatsId" TEXT NOT NULL,
    "decision" TEXT,
    "participantId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Referral_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Referrer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Referral_kommunId_fkey" FOREIGN KEY ("kommunId") REFERENCES "Kommun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Referral_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Referral_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StudyVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "kommunId" TEXT NOT NULL,
    "insatsId" TEXT NOT NULL,
    "participantId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StudyVisit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyVisit_kommunId_fkey" FOREIGN KEY ("kommunId") REFERENCES "Kommun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StudyVisit_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StudyVisit_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "insatsId" TEXT NOT NULL,
    "kommunId" TEXT NOT NULL,
    "coordinatorId" TEXT,
    "referrerId" TEXT NOT NULL,
    "gender" TEXT NOT NULL,
    "ageGroupId" TEXT NOT NULL,
    "incomeStartId" TEXT,
    "enrolledDate" TEXT NOT NULL,
    "closedDate" TEXT,
    "closureReasonId" TEXT,
    "incomeEndId" TEXT,
    "planAfterClosure" BOOLEAN,
    "surveySupport" BOOLEAN,
    "surveyInfluence" BOOLEAN,
    "surveyReadiness" BOOLEAN,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Enrolment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_kommunId_fkey" FOREIGN KEY ("kommunId") REFERENCES "Kommun" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Referrer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_ageGroupId_fkey" FOREIGN KEY ("ageGroupId") REFERENCES "AgeGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_incomeStartId_fkey" FOREIGN KEY ("incomeStartId") REFERENCES "IncomeSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_closureReasonId_fkey" FOREIGN KEY ("closureReasonId") REFERENCES "ClosureReason" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrolment_incomeEndId_fkey" FOREIGN KEY ("incomeEndId") REFERENCES "IncomeSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrappanPlacement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "motivation" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "TrappanPlacement_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkapaOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SkapaOffer_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkapaAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "SkapaAssessment_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SkapaScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assessmentId" TEXT NOT NULL,
    "areaId" TEXT NOT NULL,
    "participantScore" INTEGER,
    "coordinatorScore" INTEGER,
    CONSTRAINT "SkapaScore_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "SkapaAssessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SkapaScore_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "SkapaArea" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "activityTypeId" TEXT NOT NULL,
    "minutes" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Activity_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Activity_activityTypeId_fkey" FOREIGN KEY ("activityTypeId") REFERENCES "ActivityType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupportIntervention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "supportTypeId" TEXT NOT NULL,
    "raisesActivityLevel" BOOLEAN NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "SupportIntervention_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupportIntervention_supportTypeId_fkey" FOREIGN KEY ("supportTypeId") REFERENCES "SupportType" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IncomeChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "incomeSourceId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IncomeChange_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IncomeChange_incomeSourceId_fkey" FOREIGN KEY ("incomeSourceId") REFERENCES "IncomeSource" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FovScreening" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enrolmentId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "notAskedReason" TEXT,
    "supportOffered" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "FovScreening_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "userId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "participantId" TEXT,
    "detail" TEXT,
    CONSTRAINT "AuditEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Kommun_organisationId_name_key" ON "Kommun"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Insats_organisationId_name_key" ON "Insats"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TrappanStep_insatsId_step_key" ON "TrappanStep"("insatsId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "SkapaArea_insatsId_label_key" ON "SkapaArea"("insatsId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "InsatsTarget_insatsId_metric_key" ON "InsatsTarget"("insatsId", "metric");

-- CreateIndex
CREATE UNIQUE INDEX "Referrer_organisationId_name_key" ON "Referrer"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ClosureReason_organisationId_label_key" ON "ClosureReason"("organisationId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "AgeGroup_organisationId_label_key" ON "AgeGroup"("organisationId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "SupportType_organisationId_label_key" ON "SupportType"("organisationId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityType_organisationId_label_key" ON "ActivityType"("organisationId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "IncomeSource_organisationId_label_key" ON "IncomeSource"("organisationId", "label");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_userId_insatsId_kommunId_key" ON "Assignment"("userId", "insatsId", "kommunId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_createdAt_idx" ON "LoginAttempt"("key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_organisationId_code_key" ON "Participant"("organisationId", "code");

-- CreateIndex
CREATE INDEX "Referral_organisationId_date_idx" ON "Referral"("organisationId", "date");

-- CreateIndex
CREATE INDEX "StudyVisit_organisationId_date_idx" ON "StudyVisit"("organisationId", "date");

-- CreateIndex
CREATE INDEX "Enrolment_organisationId_enrolledDate_idx" ON "Enrolment"("organisationId", "enrolledDate");

-- CreateIndex
CREATE INDEX "Enrolment_organisationId_closedDate_idx" ON "Enrolment"("organisationId", "closedDate");

-- CreateIndex
CREATE INDEX "Enrolment_participantId_idx" ON "Enrolment"("participantId");

-- CreateIndex
CREATE INDEX "TrappanPlacement_enrolmentId_date_idx" ON "TrappanPlacement"("enrolmentId", "date");

-- CreateIndex
CREATE INDEX "SkapaOffer_enrolmentId_date_idx" ON "SkapaOffer"("enrolmentId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "SkapaAssessment_enrolmentId_date_key" ON "SkapaAssessment"("enrolmentId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "SkapaScore_assessmentId_areaId_key" ON "SkapaScore"("assessmentId", "areaId");

-- CreateIndex
CREATE INDEX "Activity_enrolmentId_date_idx" ON "Activity"("enrolmentId", "date");

-- CreateIndex
CREATE INDEX "SupportIntervention_enrolmentId_date_idx" ON "SupportIntervention"("enrolmentId", "date");

-- CreateIndex
CREATE INDEX "IncomeChange_enrolmentId_date_idx" ON "IncomeChange"("enrolmentId", "date");

-- CreateIndex
CREATE INDEX "FovScreening_enrolmentId_date_idx" ON "FovScreening"("enrolmentId", "date");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_at_idx" ON "AuditEvent"("organisationId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_participantId_idx" ON "AuditEvent"("participantId");

