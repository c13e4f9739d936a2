-- AlterTable
ALTER TABLE "LabRun" ADD COLUMN     "afterReveal" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "LabActivity" (
    "userId" TEXT NOT NULL,
    "labSlug" TEXT NOT NULL,
    "rejectedSubmissions" INTEGER NOT NULL DEFAULT 0,
    "solutionRevealedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabActivity_pkey" PRIMARY KEY ("userId","labSlug")
);

-- AddForeignKey
ALTER TABLE "LabActivity" ADD CONSTRAINT "LabActivity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

