import { createDb } from "../lib/db";
import { seedDemo } from "../lib/seed/seed";

const url = process.env.DATABASE_URL ?? "file:./prisma/dev.db";
const db = createDb(url);
try {
  const { created } = await seedDemo(db);
  console.log(created.length ? `seeded demo accounts: ${created.join(", ")}` : "demo accounts already present");
} finally {
  await db.$disconnect();
}
