-- Two-factor sign-in (TOTP) and the browser of each session.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN "userAgent" TEXT;

-- AlterTable: a förbundschef must use two-factor sign-in unless the förbund decides otherwise.
ALTER TABLE "Organisation" ADD COLUMN "twoFactorRoles" TEXT NOT NULL DEFAULT 'forbundschef';

-- The demo förbund signs in with the password alone (README, demo section).
UPDATE "Organisation" SET "twoFactorRoles" = '' WHERE "isDemo" = true;

-- CreateTable
CREATE TABLE "TwoFactor" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "secret" TEXT NOT NULL,
    "enabledAt" DATETIME,
    "lastUsedStep" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TwoFactor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode"("userId", "codeHash");
