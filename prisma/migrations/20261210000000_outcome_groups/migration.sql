-- Outcome groups: named groups of closure reasons the report counts besides the two categories
-- (issue 13, point 5). npm run db:setup gives a förbund without groups the default ones.
-- CreateTable
CREATE TABLE "OutcomeGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OutcomeGroup_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutcomeGroupReason" (
    "groupId" TEXT NOT NULL,
    "closureReasonId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "closureReasonId"),
    CONSTRAINT "OutcomeGroupReason_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "OutcomeGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OutcomeGroupReason_closureReasonId_fkey" FOREIGN KEY ("closureReasonId") REFERENCES "ClosureReason" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeGroup_organisationId_name_key" ON "OutcomeGroup"("organisationId", "name");

-- CreateIndex
CREATE INDEX "OutcomeGroupReason_closureReasonId_idx" ON "OutcomeGroupReason"("closureReasonId");

