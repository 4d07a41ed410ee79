import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { enquiryNotes, users } from '@/lib/db/schema';
import { formatReceived } from '@/lib/format';

/** One note of an enquiry's thread: who wrote it (null for a note older than authors), when, and what. */
export type Note = { id: number; enquiryId: string; at: Date; authorName: string | null; text: string };

/** The notes of the given enquiries, each enquiry's in the order they were written. */
export async function notesOf(db: Database, ids: readonly string[]): Promise<Map<string, Note[]>> {
  const notes = new Map<string, Note[]>();
  if (ids.length === 0) return notes;
  const rows = await db
    .select({
      id: enquiryNotes.id,
      enquiryId: enquiryNotes.enquiryId,
      at: enquiryNotes.at,
      authorName: users.name,
      text: enquiryNotes.text,
    })
    .from(enquiryNotes)
    .leftJoin(users, eq(users.id, enquiryNotes.authorId))
    .where(inArray(enquiryNotes.enquiryId, [...ids]))
    .orderBy(asc(enquiryNotes.at), asc(enquiryNotes.id));
  for (const row of rows) notes.set(row.enquiryId, [...(notes.get(row.enquiryId) ?? []), row]);
  return notes;
}

/** Who wrote a note, in words. */
export const noteAuthor = (note: Pick<Note, 'authorName'>) => note.authorName ?? 'an earlier note';

/** A thread as one block of text (the CSV's one cell): each note on its own line, after its date and author. */
export function threadText(notes: readonly Note[]): string {
  return notes.map((note) => `${formatReceived(note.at)}, ${noteAuthor(note)}: ${note.text}`).join('\n');
}
