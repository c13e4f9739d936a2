-- CreateTable
CREATE TABLE "LabActivity" (
    "userId" TEXT NOT NULL,
    "labSlug" TEXT NOT NULL,
    "rejectedSubmissions" INTEGER NOT NULL DEFAULT 0,
    "solutionRevealedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "labSlug"),
    CONSTRAINT "LabActivity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LabRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "labSlug" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "verdict" TEXT NOT NULL,
    "afterReveal" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LabRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LabRun" ("code", "createdAt", "id", "labSlug", "params", "passed", "userId", "verdict") SELECT "code", "createdAt", "id", "labSlug", "params", "passed", "userId", "verdict" FROM "LabRun";
DROP TABLE "LabRun";
ALTER TABLE "new_LabRun" RENAME TO "LabRun";
CREATE INDEX "LabRun_userId_labSlug_idx" ON "LabRun"("userId", "labSlug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
