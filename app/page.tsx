import Link from "next/link";
import { listLessons } from "@/lib/content/lessons";

const TOPICS = [
  "Health checks",
  "Logging",
  "Resource limits",
  "Secrets",
  "Monitoring",
  "High availability",
  "Graceful shutdown",
  "Persistence",
  "Security",
  "Zero-downtime deploys",
];

export default async function HomePage() {
  const [first] = await listLessons();
  return (
    <div className="py-6 sm:py-12">
      <section className="max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-wider text-accent">
          One chapter, done properly
        </p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight sm:text-5xl">
          Production containers, learned by doing.
        </h1>
        <p className="mt-4 text-lg text-fg-muted">
          Read exact, sourced lessons; run health checks and shutdowns on a simulated clock with your own
          handler code; test yourself with questions graded on the server.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href={first ? `/learn/${first.slug}` : "/learn"}
            className="inline-flex items-center rounded-lg bg-accent px-5 py-2.5 font-semibold text-accent-fg no-underline hover:opacity-90"
          >
            Start the first lesson
          </Link>
          <Link
            href="/sign-up"
            className="inline-flex items-center rounded-lg border border-border px-5 py-2.5 font-semibold text-fg no-underline hover:bg-bg-muted"
          >
            Create an account
          </Link>
        </div>
      </section>
      <section aria-labelledby="topics-heading" className="mt-14">
        <h2 id="topics-heading" className="text-xl font-semibold">
          What the chapter covers
        </h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {TOPICS.map((topic) => (
            <li key={topic} className="rounded-lg border border-border bg-bg-subtle px-4 py-3 font-medium">
              {topic}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
