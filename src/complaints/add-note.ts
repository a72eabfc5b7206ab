import { z } from 'zod';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { requiredText } from '../core/validation/text.js';
import { complaintNotes } from './schema.js';
import { getComplaint } from './queries.js';

export const NoteInput = z.object({ body: requiredText(5000) });

/** An internal note: staff only, never shown to the complainant. */
export async function addNote(
  ctx: AgencyContext,
  complaintId: string,
  input: z.infer<typeof NoteInput>,
) {
  await ctx.db.transaction(async (tx) => {
    await getComplaint(tx, ctx.agencyId, ctx.actor, complaintId);
    const [note] = await scoped(tx, ctx.agencyId).insert(complaintNotes, {
      complaintId,
      authorUserId: ctx.actor.userId,
      body: input.body,
    });
    await audit(tx, ctx, ctx.agencyId, {
      action: 'complaints.note.add',
      entityType: 'complaint',
      entityId: complaintId,
      after: { noteId: note!.id },
    });
  });
}
