import { createDb } from "../lib/db";
import { seedDemo } from "../lib/seed/seed";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const db = createDb(url);
try {
  const started = performance.now();
  const { created, syntheticLearners } = await seedDemo(db);
  console.log(
    created.length ? `seeded demo accounts: ${created.join(", ")}` : "demo accounts already present",
  );
  console.log(
    syntheticLearners
      ? `seeded ${syntheticLearners} synthetic learners in the demo cohort (${Math.round(performance.now() - started)} ms)`
      : "demo cohort learners already present",
  );
} finally {
  await db.$disconnect();
}
