import { z } from "zod";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, type Actor } from "@/lib/access";

/** A bank is for quick reuse; past this many entries it stops helping, so adding asks to prune first. */
export const COMMENT_BANK_LIMIT = 200;

export const CommentTextSchema = z
  .string({ message: "Write the comment to save." })
  // Spaces and tabs collapse so "Good  point" and "Good point" are one entry; line breaks are kept.
  .transform((text) =>
    text
      .replace(/[^\S\n]+/g, " ")
      .replace(/ *\n */g, "\n")
      .trim(),
  )
  .pipe(
    z
      .string()
      .min(1, "Write the comment to save.")
      .max(500, "A saved comment can be at most 500 characters; shorten it first."),
  );

export type CommentBankEntry = { id: string; text: string; uses: number };

export class CommentBankError extends Error {
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = "CommentBankError";
  }
}

function requireInstructor(actor: Actor) {
  if (actor.role !== "instructor") throw new ForbiddenError("Only instructors have a comment bank.");
}

const entrySelect = { id: true, text: true, uses: true } as const;

/** The instructor's own comments, most used first (then newest). */
export async function listComments(db: Db, actor: Actor): Promise<CommentBankEntry[]> {
  requireInstructor(actor);
  return db.commentBankEntry.findMany({
    where: { instructorId: actor.id },
    select: entrySelect,
    orderBy: [{ uses: "desc" }, { createdAt: "desc" }, { id: "asc" }],
  });
}

/**
 * Saves a comment to the instructor's bank. A comment already there (ignoring case and spacing) is
 * returned as it is rather than saved twice.
 */
export async function addComment(db: Db, actor: Actor, rawText: string): Promise<CommentBankEntry> {
  requireInstructor(actor);
  const parsed = CommentTextSchema.safeParse(rawText);
  if (!parsed.success) throw new CommentBankError(parsed.error.issues[0]?.message ?? "Check the comment.");
  const text = parsed.data;
  const existing = await db.commentBankEntry.findMany({
    where: { instructorId: actor.id },
    select: entrySelect,
  });
  const same = existing.find((entry) => entry.text.toLocaleLowerCase() === text.toLocaleLowerCase());
  if (same) return same;
  if (existing.length >= COMMENT_BANK_LIMIT)
    throw new CommentBankError(
      `Your comment bank is full (${COMMENT_BANK_LIMIT} comments). Remove some you no longer use first.`,
    );
  // upsert: two quick clicks on "save" must not fail on the (instructorId, text) unique index.
  return db.commentBankEntry.upsert({
    where: { instructorId_text: { instructorId: actor.id, text } },
    create: { instructorId: actor.id, text },
    update: {},
    select: entrySelect,
  });
}

/** The entry's owner check; null when the entry does not exist. */
async function ownEntry(db: Db, actor: Actor, entryId: string): Promise<{ id: string } | null> {
  requireInstructor(actor);
  const entry = await db.commentBankEntry.findUnique({
    where: { id: entryId },
    select: { id: true, instructorId: true },
  });
  if (entry && entry.instructorId !== actor.id)
    throw new ForbiddenError("That comment belongs to another instructor.");
  return entry;
}

/** Removing twice (two tabs, a double click) is harmless: the comment is gone either way. */
export async function removeComment(db: Db, actor: Actor, entryId: string): Promise<void> {
  if (!(await ownEntry(db, actor, entryId))) return;
  await db.commentBankEntry.deleteMany({ where: { id: entryId, instructorId: actor.id } });
}

/** Counts one use (the comment was inserted into a grade), which moves it up the list. */
export async function recordCommentUse(db: Db, actor: Actor, entryId: string): Promise<CommentBankEntry> {
  if (!(await ownEntry(db, actor, entryId)))
    throw new NotFoundError("That saved comment no longer exists; reload the page.");
  return db.commentBankEntry.update({
    where: { id: entryId },
    data: { uses: { increment: 1 } },
    select: entrySelect,
  });
}
