import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "@/lib/access";
import { createTestDatabase, insertUser, testProviders, type TestDatabase } from "@/lib/testing/test-db";
import { addComment, CommentBankError, listComments, recordCommentUse, removeComment } from "./comment-bank";

describe.each(testProviders())("instructor comment bank (%s)", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(async () => {
    await database.drop();
  });

  async function instructor() {
    const user = await insertUser(database.db, "instructor");
    return { id: user.id, role: "instructor" as const };
  }

  it("adds trimmed comments and merges duplicates that differ only in case or spacing", async () => {
    const { db } = database;
    const teacher = await instructor();
    const first = await addComment(db, teacher, "  Name the   probe type. ");
    expect(first).toMatchObject({ text: "Name the probe type.", uses: 0 });
    const again = await addComment(db, teacher, "name the probe TYPE.");
    expect(again.id).toBe(first.id);
    expect(await listComments(db, teacher)).toEqual([first]);
    // Line breaks are kept: they are part of how a longer comment reads.
    const multiLine = await addComment(db, teacher, "Two parts:\n  first,\nsecond.");
    expect(multiLine.text).toBe("Two parts:\nfirst,\nsecond.");
  });

  it("refuses empty and over-long comments with a message to act on", async () => {
    const { db } = database;
    const teacher = await instructor();
    await expect(addComment(db, teacher, "   ")).rejects.toThrow("Write the comment to save.");
    await expect(addComment(db, teacher, "x".repeat(501))).rejects.toThrow(/at most 500 characters/);
    await expect(addComment(db, teacher, "x".repeat(500))).resolves.toMatchObject({ text: "x".repeat(500) });
    await expect(addComment(db, teacher, "   ")).rejects.toBeInstanceOf(CommentBankError);
  });

  it("counts uses and lists the most used first; removing twice is harmless", async () => {
    const { db } = database;
    const teacher = await instructor();
    const rare = await addComment(db, teacher, "Rarely used.");
    const common = await addComment(db, teacher, "Often used.");
    const never = await addComment(db, teacher, "Never used.");
    await recordCommentUse(db, teacher, common.id);
    await recordCommentUse(db, teacher, common.id);
    const used = await recordCommentUse(db, teacher, rare.id);
    expect(used.uses).toBe(1);
    expect((await listComments(db, teacher)).map((entry) => [entry.text, entry.uses])).toEqual([
      ["Often used.", 2],
      ["Rarely used.", 1],
      ["Never used.", 0],
    ]);
    await removeComment(db, teacher, never.id);
    await removeComment(db, teacher, never.id);
    expect((await listComments(db, teacher)).map((entry) => entry.id)).toEqual([common.id, rare.id]);
    await expect(recordCommentUse(db, teacher, never.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("keeps each instructor's bank private: others and learners are refused", async () => {
    const { db } = database;
    const owner = await instructor();
    const other = await instructor();
    const learnerRow = await insertUser(db, "learner");
    const learner = { id: learnerRow.id, role: "learner" as const };
    const entry = await addComment(db, owner, "Mine.");

    expect(await listComments(db, other)).toEqual([]);
    await expect(removeComment(db, other, entry.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordCommentUse(db, other, entry.id)).rejects.toBeInstanceOf(ForbiddenError);
    // The same text in another bank is a separate entry, not a merge into someone else's.
    const othersCopy = await addComment(db, other, "Mine.");
    expect(othersCopy.id).not.toBe(entry.id);

    await expect(listComments(db, learner)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(db, learner, "Hi")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(removeComment(db, learner, entry.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordCommentUse(db, learner, entry.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listComments(db, owner)).toEqual([{ id: entry.id, text: "Mine.", uses: 0 }]);
  });
});
