import Link from "next/link";
import { getLesson } from "@/lib/content/lessons";
import { getLab } from "@/lib/labs/catalog";
import { describeCheck } from "@/lib/labs/check-labels";
import { isCodeLab, isTextLab } from "@/lib/labs/schema";
import { TEXT_LAB_VERBS } from "@/components/labs/text-lab-words";
import { Heading } from "./heading";
import { LabEmbedLoader } from "./lab-embed-loader";
import { toPublicLab } from "./public-lab";

/**
 * `<Lab slug="…" />` in a lesson: the lab's goal and pass criteria, rendered statically with the
 * lesson, and a workbench that loads only when the learner reaches it or asks for it. Its heading
 * sits one level below the lesson section it belongs to, so the outline stays in order. An
 * unknown slug fails the lesson's build.
 */
export async function LabEmbed({ slug }: { slug: string }) {
  const lab = getLab(slug);
  if (!lab) throw new Error(`<Lab slug="${slug}" />: there is no lab with that slug in content/labs.`);
  const lesson = await getLesson(lab.lesson);
  const sectionDepth = lesson?.toc.find((entry) => entry.id === lab.lessonSection)?.depth ?? 2;
  const level = sectionDepth + 1;
  const headingId = `lab-${lab.slug}`;

  return (
    <section
      aria-labelledby={headingId}
      className="lab-embed no-print my-8 rounded-xl border border-border bg-bg-subtle p-4 text-base"
      data-testid={`lab-embed-${lab.slug}`}
    >
      <p className="text-sm font-semibold uppercase tracking-wide text-fg-muted">
        Lab · {isTextLab(lab) ? TEXT_LAB_VERBS[lab.kind] : isCodeLab(lab) ? "write code" : "pick settings"}
      </p>
      <Heading level={level} id={headingId} className="!mt-1 text-xl font-semibold">
        {lab.title}
      </Heading>
      <p className="mt-2">{lab.goal}</p>
      <p className="mt-2 text-sm font-semibold">To pass:</p>
      <ul className="mt-1 text-sm">
        {lab.checks.map((check) => (
          <li key={describeCheck(check)}>{describeCheck(check)}</li>
        ))}
      </ul>
      <LabEmbedLoader lab={toPublicLab(lab)} headingLevel={level + 1} />
      <p className="mt-4 text-sm">
        <Link href={`/labs/${lab.slug}`}>Open “{lab.title}” full screen</Link>
      </p>
    </section>
  );
}
