-- Goal targets for the whole förbund, optionally per calendar year (issue 13, point 9).
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

