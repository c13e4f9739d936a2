import { Client, learnerAddress } from "./http";
import type { Plan } from "./plan";
import { actionValue, callAction, submitFormAction } from "./server-actions";
import type { DrillStats } from "./stats";

type SaveResult = { ok: true } | { ok: false; error: string; retryable?: true };

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One simulated learner, as the app's pages behave in a browser: reads lessons
 * and their progress, starts a quiz, autosaves answers (retrying "saving paused"
 * like the attempt store does), submits, and now and then submits a lab.
 */
export class Learner {
  readonly client: Client;
  readonly email: string;
  private attempt: { id: string; quiz: Plan["quizzes"][number]; saves: number } | null = null;
  private counter = 0;

  constructor(
    readonly n: number,
    baseUrl: string,
    private readonly plan: Plan,
    private readonly stats: DrillStats,
    runId: string,
  ) {
    this.client = new Client(baseUrl, learnerAddress(n));
    this.email = `drill-${runId}-${n}@learners.shipshape.test`;
  }

  /** Times one request; network errors and unexpected statuses count as failures. */
  private async timed<T>(what: string, run: () => Promise<T>): Promise<T | null> {
    this.stats.inFlight += 1;
    this.stats.started += 1;
    const startedAt = performance.now();
    try {
      return await run();
    } catch (error) {
      this.stats.fail(what, error instanceof Error ? error.message : String(error));
      return null;
    } finally {
      this.stats.inFlight -= 1;
      this.stats.track(performance.now() - startedAt);
    }
  }

  async signUp(): Promise<void> {
    const response = await this.client.request("POST", "/api/auth/sign-up/email", {
      body: JSON.stringify({
        email: this.email,
        password: "drill-password-1",
        name: `Drill learner ${this.n}`,
      }),
      headers: { "content-type": "application/json", origin: this.client.baseUrl },
    });
    if (response.status !== 200)
      throw new Error(`sign-up of ${this.email} answered ${response.status}: ${response.body.slice(0, 200)}`);
    // Sign-up signs nobody in (it must not reveal whether the email exists): sign in as the form does.
    const signedIn = await this.signIn();
    if (signedIn !== 200 || !this.client.hasCookie("session_token"))
      throw new Error(`sign-in after sign-up of ${this.email} answered ${signedIn}`);
  }

  async signIn(): Promise<number> {
    const response = await this.client.request("POST", "/api/auth/sign-in/email", {
      body: JSON.stringify({ email: this.email, password: "drill-password-1" }),
      headers: { "content-type": "application/json", origin: this.client.baseUrl },
    });
    return response.status;
  }

  /** One thing a learner does; returns when its response (or its retries) are done. */
  async step(options: { retryPausedUntil: () => number }): Promise<void> {
    if (!this.attempt) return this.startAttempt();
    const roll = Math.random();
    if (roll < 0.15) return this.read(`/learn/${pick(this.plan.lessons)}`, "read lesson");
    if (roll < 0.25) return this.readProgress();
    if (roll < 0.3)
      return this.read(`/practice/${this.attempt.quiz.slug}/attempts/${this.attempt.id}`, "read attempt");
    if (roll < 0.32) return this.submitLab();
    if (roll < 0.43 && this.attempt.saves >= 3) return this.submit(options);
    return this.save(options);
  }

  private async read(path: string, what: string): Promise<void> {
    await this.timed(what, async () => {
      const response = await this.client.request("GET", path);
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    });
  }

  private async readProgress(): Promise<void> {
    await this.timed("read progress", async () => {
      const response = await this.client.request("GET", "/api/progress");
      if (response.status !== 200) throw new Error(`/api/progress answered ${response.status}`);
      if (!(JSON.parse(response.body) as { signedIn: boolean }).signedIn) throw new Error("signed out");
    });
  }

  private async startAttempt(): Promise<void> {
    const quiz = pick(this.plan.quizzes);
    const id = await this.timed("start quiz", async () => {
      const response = await submitFormAction(
        this.client,
        `/practice/${quiz.slug}`,
        this.plan.actions.startQuizAttempt,
        {
          quizSlug: quiz.slug,
          mode: "check",
        },
      );
      const location = String(response.headers.location ?? response.headers["x-action-redirect"] ?? "");
      const match = /\/practice\/[^/]+\/attempts\/([A-Za-z0-9_-]+)/.exec(location);
      if (response.status >= 400 || !match) throw new Error(`start answered ${response.status} ${location}`);
      return match[1]!;
    });
    if (id) this.attempt = { id, quiz, saves: 0 };
  }

  private answerFor(question: Plan["quizzes"][number]["questions"][number]): unknown {
    const token = `${this.n}-${++this.counter}`;
    switch (question.type) {
      case "fill-in":
        return {
          type: "fill-in",
          blanks: Array.from({ length: question.blanks ?? 1 }, (_, i) => `w${i}-${token}`),
        };
      case "true-false":
        return { type: "true-false", value: Math.random() < 0.5 };
      case "multiple-choice":
        return { type: "multiple-choice", selected: [pick(question.options ?? ["a"])] };
      case "interview":
        return { type: "interview", text: `Drill answer ${token}: drain first, then close the database.` };
    }
  }

  private async save(options: { retryPausedUntil: () => number }): Promise<void> {
    const attempt = this.attempt!;
    const question = pick(attempt.quiz.questions);
    const answer = this.answerFor(question);
    const key = `${attempt.id}|${question.id}`;
    const json = JSON.stringify(answer);
    let delay = 250;
    for (;;) {
      this.stats.sent(key, json);
      const result = await this.timed(
        "autosave",
        async () =>
          actionValue(
            await callAction(
              this.client,
              `/practice/${attempt.quiz.slug}/attempts/${attempt.id}`,
              this.plan.actions.saveAnswer,
              [{ attemptId: attempt.id, questionId: question.id, answer }],
            ),
          ) as SaveResult,
      );
      if (!result) return;
      if (result.ok) {
        this.stats.acknowledged(key, json);
        if (delay > 250) this.stats.savedAfterPause += 1;
        attempt.saves += 1;
        return;
      }
      if (!result.retryable || Date.now() > options.retryPausedUntil()) {
        this.stats.fail("autosave", result.error);
        return;
      }
      // "Saving paused": keep the answer and retry with back-off, as the attempt store does.
      this.stats.paused += 1;
      await sleep(delay);
      delay = Math.min(delay * 2, 2_000);
    }
  }

  private async submit(options: { retryPausedUntil: () => number }): Promise<void> {
    const attempt = this.attempt!;
    for (let delay = 250; ; delay = Math.min(delay * 2, 2_000)) {
      const result = await this.timed(
        "submit",
        async () =>
          actionValue(
            await callAction(
              this.client,
              `/practice/${attempt.quiz.slug}/attempts/${attempt.id}`,
              this.plan.actions.submitQuiz,
              [{ attemptId: attempt.id }],
            ),
          ) as SaveResult,
      );
      if (!result) return;
      if (result.ok) {
        this.stats.submitted.add(attempt.id);
        if (delay > 250) this.stats.savedAfterPause += 1;
        this.attempt = null;
        return;
      }
      if (!result.retryable || Date.now() > options.retryPausedUntil()) {
        this.stats.fail("submit", result.error);
        return;
      }
      this.stats.paused += 1;
      await sleep(delay);
    }
  }

  private async submitLab(): Promise<void> {
    const lab = pick(this.plan.labs);
    const result = await this.timed(
      "lab",
      async () =>
        actionValue(
          await callAction(this.client, `/labs/${lab.slug}`, this.plan.actions.submitLabSolution, [
            lab.submission,
          ]),
        ) as {
          ok: boolean;
          reason?: string;
          error?: string;
        },
    );
    if (!result) return;
    // ok: the server verified and recorded the run. A full verification queue or the per-learner
    // submit limit answers "try again in N s", which the learner sees; neither loses anything.
    if (result.ok) this.stats.labRuns.set(this.email, (this.stats.labRuns.get(this.email) ?? 0) + 1);
    else if (result.reason === "busy" || result.reason === "rate-limited") this.stats.labBusy += 1;
    else this.stats.fail("lab", result.error ?? "not recorded");
  }
}
