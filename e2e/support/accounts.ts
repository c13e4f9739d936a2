import { randomBytes } from "node:crypto";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";

export const demoLearner = DEMO_ACCOUNTS[0];
export const demoInstructor = DEMO_ACCOUNTS[1];

export function newLearner() {
  const id = randomBytes(5).toString("hex");
  return {
    name: `Test Learner ${id}`,
    email: `learner-${id}@example.test`,
    password: `pw-${id}-long-enough`,
  };
}
