-- AlterTable
ALTER TABLE "QuizResponse" ADD COLUMN "reviewedById" TEXT;
ALTER TABLE "QuizResponse" ADD COLUMN "rubricGrades" TEXT;

-- CreateTable
CREATE TABLE "CommentBankEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instructorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommentBankEntry_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AcceptedAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "blankIndex" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "answerKey" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AcceptedAnswer_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CommentBankEntry_instructorId_text_key" ON "CommentBankEntry"("instructorId", "text");

-- CreateIndex
CREATE INDEX "AcceptedAnswer_questionId_idx" ON "AcceptedAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "AcceptedAnswer_questionId_blankIndex_answerKey_key" ON "AcceptedAnswer"("questionId", "blankIndex", "answerKey");
