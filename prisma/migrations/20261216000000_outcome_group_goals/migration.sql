-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InsatsTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "insatsId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "outcomeGroupId" TEXT,
    "value" REAL NOT NULL,
    "year" INTEGER,
    CONSTRAINT "InsatsTarget_insatsId_fkey" FOREIGN KEY ("insatsId") REFERENCES "Insats" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InsatsTarget_outcomeGroupId_fkey" FOREIGN KEY ("outcomeGroupId") REFERENCES "OutcomeGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InsatsTarget" ("id", "insatsId", "metric", "value", "year") SELECT "id", "insatsId", "metric", "value", "year" FROM "InsatsTarget";
DROP TABLE "InsatsTarget";
ALTER TABLE "new_InsatsTarget" RENAME TO "InsatsTarget";
CREATE INDEX "InsatsTarget_outcomeGroupId_idx" ON "InsatsTarget"("outcomeGroupId");
CREATE UNIQUE INDEX "InsatsTarget_insatsId_metric_outcomeGroupId_year_key" ON "InsatsTarget"("insatsId", "metric", "outcomeGroupId", "year");
CREATE TABLE "new_OrganisationTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "outcomeGroupId" TEXT,
    "value" REAL NOT NULL,
    "year" INTEGER,
    CONSTRAINT "OrganisationTarget_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrganisationTarget_outcomeGroupId_fkey" FOREIGN KEY ("outcomeGroupId") REFERENCES "OutcomeGroup" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OrganisationTarget" ("id", "metric", "organisationId", "value", "year") SELECT "id", "metric", "organisationId", "value", "year" FROM "OrganisationTarget";
DROP TABLE "OrganisationTarget";
ALTER TABLE "new_OrganisationTarget" RENAME TO "OrganisationTarget";
CREATE INDEX "OrganisationTarget_outcomeGroupId_idx" ON "OrganisationTarget"("outcomeGroupId");
CREATE UNIQUE INDEX "OrganisationTarget_organisationId_metric_outcomeGroupId_year_key" ON "OrganisationTarget"("organisationId", "metric", "outcomeGroupId", "year");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
