/*
  Warnings:

  - Added the required column `questionIds` to the `QuizAttempt` table without a default value. This is not possible if the table is not empty.
  - Added the required column `updatedAt` to the `QuizAttempt` table without a default value. This is not possible if the table is not empty.

*/
-- CreateTable
CREATE TABLE "ReviewCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "anonId" TEXT,
    "quizSlug" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'lesson',
    "questionIds" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'check',
    "status" TEXT NOT NULL DEFAULT 'open',
    "seed" INTEGER NOT NULL DEFAULT 0,
    "score" REAL,
    "maxScore" REAL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "submittedAt" DATETIME,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("id", "maxScore", "mode", "quizSlug", "score", "seed", "startedAt", "status", "submittedAt", "userId") SELECT "id", "maxScore", "mode", "quizSlug", "score", "seed", "startedAt", "status", "submittedAt", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_userId_quizSlug_idx" ON "QuizAttempt"("userId", "quizSlug");
CREATE INDEX "QuizAttempt_anonId_idx" ON "QuizAttempt"("anonId");
CREATE TABLE "new_QuizResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "checks" INTEGER NOT NULL DEFAULT 0,
    "score" REAL,
    "maxScore" REAL,
    "feedback" TEXT,
    "overrideScore" REAL,
    "instructorFeedback" TEXT,
    "reviewedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "QuizResponse_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizResponse" ("answer", "attemptId", "feedback", "id", "maxScore", "questionId", "score", "updatedAt") SELECT "answer", "attemptId", "feedback", "id", "maxScore", "questionId", "score", "updatedAt" FROM "QuizResponse";
DROP TABLE "QuizResponse";
ALTER TABLE "new_QuizResponse" RENAME TO "QuizResponse";
CREATE INDEX "QuizResponse_questionId_idx" ON "QuizResponse"("questionId");
CREATE UNIQUE INDEX "QuizResponse_attemptId_questionId_key" ON "QuizResponse"("attemptId", "questionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReviewCard_userId_due_idx" ON "ReviewCard"("userId", "due");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCard_userId_questionId_key" ON "ReviewCard"("userId", "questionId");
