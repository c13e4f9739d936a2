-- AlterTable
ALTER TABLE "ReviewCard" ADD COLUMN "introducedAt" DATETIME;

-- CreateTable
CREATE TABLE "ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "feedback" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rating" INTEGER,
    "ratedAt" DATETIME,
    "kind" TEXT,
    "ahead" BOOLEAN NOT NULL DEFAULT false,
    "dueAfter" DATETIME,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewSettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "newPerDay" INTEGER NOT NULL,
    "reviewsPerDay" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ReviewLog_userId_ratedAt_idx" ON "ReviewLog"("userId", "ratedAt");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_questionId_rating_idx" ON "ReviewLog"("userId", "questionId", "rating");
