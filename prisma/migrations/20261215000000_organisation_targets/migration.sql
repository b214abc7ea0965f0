-- Goal targets for the whole förbund, and a calendar year on every target (issue 13, point 9).
-- DropIndex
DROP INDEX "InsatsTarget_insatsId_metric_key";

-- AlterTable
ALTER TABLE "InsatsTarget" ADD COLUMN "year" INTEGER;

-- CreateTable
CREATE TABLE "OrganisationTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "year" INTEGER,
    CONSTRAINT "OrganisationTarget_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationTarget_organisationId_metric_year_key" ON "OrganisationTarget"("organisationId", "metric", "year");

-- CreateIndex
CREATE UNIQUE INDEX "InsatsTarget_insatsId_metric_year_key" ON "InsatsTarget"("insatsId", "metric", "year");

