/** Demo accounts listed in the README; the seed creates them with these passwords. */
export const DEMO_ACCOUNTS = [
  {
    email: "learner@shipshape.test",
    password: "learn-containers-1",
    name: "Demo Learner",
    role: "learner",
    administrator: false,
  },
  {
    email: "instructor@shipshape.test",
    password: "teach-containers-1",
    name: "Demo Instructor",
    role: "instructor",
    // Course-wide authority (e.g. answers accepted for every cohort) is granted here or by an administrator.
    administrator: true,
  },
] as const;

export const DEMO_COHORT = { name: "Demo cohort — autumn", joinCode: "GRACE234" } as const;
