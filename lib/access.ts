/** Thrown by data-access functions when the acting user may not do something. Routes map it to 403. */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** `administrator`: course-wide authority (e.g. answers accepted for every cohort); only the seed or an administrator grants it. */
export type Actor = { id: string; role: "learner" | "instructor"; administrator?: boolean };
