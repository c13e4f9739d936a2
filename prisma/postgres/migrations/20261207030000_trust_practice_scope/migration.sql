-- DropIndex
DROP INDEX "AcceptedAnswer_questionId_blankIndex_answerKey_key";

-- AlterTable
ALTER TABLE "user" ADD COLUMN     "administrator" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "instructorCode" TEXT;

-- AlterTable
ALTER TABLE "QuizResponse" ADD COLUMN     "revealedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AcceptedAnswer" ADD COLUMN     "cohortId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_instructorCode_key" ON "Cohort"("instructorCode");

-- CreateIndex
CREATE UNIQUE INDEX "AcceptedAnswer_questionId_blankIndex_answerKey_cohortId_key" ON "AcceptedAnswer"("questionId", "blankIndex", "answerKey", "cohortId");

