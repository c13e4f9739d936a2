import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeLabState } from "@/components/labs/lab-state";
import { LabWorkbench } from "@/components/labs/lab-workbench";
import { toPublicLab } from "@/components/labs/public-lab";
import { scenarioInWords } from "@/components/labs/scenario-words";
import { listLessons } from "@/lib/content/lessons";
import { getLab } from "@/lib/labs/catalog";
import { describeCheck } from "@/lib/labs/check-labels";
import { isCodeLab, isTextLab } from "@/lib/labs/schema";
import { TEXT_LAB_VERBS } from "@/components/labs/text-lab-words";

type Props = { params: Promise<{ lab: string }>; searchParams: Promise<{ state?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lab = getLab((await params).lab);
  return lab ? { title: `Lab: ${lab.title}`, description: lab.summary } : { title: "Lab not found" };
}

export default async function LabPage({ params, searchParams }: Props) {
  const [{ lab: slug }, query] = await Promise.all([params, searchParams]);
  const lab = getLab(slug);
  if (!lab) notFound();
  const lesson = (await listLessons()).find((item) => item.slug === lab.lesson);
  const initial = decodeLabState(typeof query.state === "string" ? query.state : null);

  return (
    <div className="max-w-4xl">
      <p className="text-sm text-fg-muted">
        <Link href="/labs" className="underline">
          Labs
        </Link>{" "}
        · {isTextLab(lab) ? TEXT_LAB_VERBS[lab.kind].replace(/^./, (c) => c.toUpperCase()) : isCodeLab(lab) ? "Write code" : "Pick settings"}
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{lab.title}</h1>
      <p className="mt-3 text-lg">{lab.goal}</p>
      <p className="mt-2 text-sm">
        From the lesson{" "}
        <Link href={`/learn/${lab.lesson}#${lab.lessonSection}`} className="underline">
          {lesson?.title ?? lab.lesson}
        </Link>
      </p>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section
          aria-labelledby="scenario-heading"
          className="rounded-xl border border-border bg-bg-subtle p-4"
        >
          <h2 id="scenario-heading" className="font-semibold">
            The scenario
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {scenarioInWords(lab).map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        </section>
        <section
          aria-labelledby="checks-heading"
          className="rounded-xl border border-border bg-bg-subtle p-4"
        >
          <h2 id="checks-heading" className="font-semibold">
            To pass
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {lab.checks.map((check) => (
              <li key={describeCheck(check)}>{describeCheck(check)}</li>
            ))}
          </ul>
        </section>
      </div>

      <LabWorkbench lab={toPublicLab(lab)} initial={initial} />
    </div>
  );
}
