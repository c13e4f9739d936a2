import Link from "next/link";
import { dueInWords } from "@/lib/review/due-words";
import { isLeech } from "@/lib/review/schedule";
import { kindOf, type QueueCard } from "@/lib/review/queue";
import { InlineText } from "@/components/ui/inline-text";

export type ListedCard = QueueCard & {
  lapses: number;
  reps: number;
  prompt: string;
  lesson: string;
  href: string;
};

/** Every card with when it is due, in words: "due now", "in 3 days", "new". */
export function CardList({ cards, now }: { cards: ListedCard[]; now: Date }) {
  return (
    <ul className="space-y-2" data-testid="review-cards">
      {cards.map((card) => {
        const kind = kindOf(card);
        const when =
          kind === "new" ? "new" : card.due <= now ? "due now" : `due ${dueInWords(card.due, now)}`;
        return (
          <li key={card.id} className="rounded-lg border border-border p-3" data-testid="review-card-row">
            <p className="text-sm text-fg-muted">
              <Link href={card.href} className="underline">
                {card.lesson}
              </Link>{" "}
              ·{" "}
              <strong
                className={card.due <= now || kind === "new" ? "text-fg" : "font-normal"}
                data-testid="card-due"
              >
                {when}
              </strong>
              {isLeech(card) ? " · keeps slipping: reread the section" : ""}
            </p>
            <p className="mt-1 [overflow-wrap:anywhere]">
              <InlineText text={card.prompt} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
