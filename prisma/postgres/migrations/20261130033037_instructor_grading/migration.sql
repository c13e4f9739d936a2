-- AlterTable
ALTER TABLE "QuizResponse" ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "rubricGrades" TEXT;

-- CreateTable
CREATE TABLE "CommentBankEntry" (
    "id" TEXT NOT NULL,
    "instructorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentBankEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AcceptedAnswer" (
    "id" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "blankIndex" INTEGER NOT NULL,
    "answer" TEXT NOT NULL,
    "answerKey" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AcceptedAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CommentBankEntry_instructorId_text_key" ON "CommentBankEntry"("instructorId", "text");

-- CreateIndex
CREATE INDEX "AcceptedAnswer_questionId_idx" ON "AcceptedAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "AcceptedAnswer_questionId_blankIndex_answerKey_key" ON "AcceptedAnswer"("questionId", "blankIndex", "answerKey");

-- AddForeignKey
ALTER TABLE "CommentBankEntry" ADD CONSTRAINT "CommentBankEntry_instructorId_fkey" FOREIGN KEY ("instructorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AcceptedAnswer" ADD CONSTRAINT "AcceptedAnswer_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

