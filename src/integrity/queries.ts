import { eq } from 'drizzle-orm';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { can } from '../core/auth/permissions.js';
import { findOfficialDocument, type OfficialDocumentRow } from '../core/official/index.js';
import { officialDocuments } from '../core/official/schema.js';
import type { DocumentActions } from './views/document-pages.js';

/** One document with what it replaces, what replaced it, and what this person may do now. */
export async function loadDocumentView(ctx: AgencyContext, id: string) {
  const doc = await findOfficialDocument(ctx.db, ctx.agencyId, id);
  const q = scoped(ctx.db, ctx.agencyId);
  const replaces = doc.replacesId
    ? await q.find(officialDocuments, eq(officialDocuments.id, doc.replacesId))
    : null;
  const replacedBy = await q.find(officialDocuments, eq(officialDocuments.replacesId, doc.id));
  const open = doc.status === 'draft' || doc.status === 'review';
  const actions: DocumentActions = {
    edit: open && can(ctx.actor, 'integrity.draft'),
    submit: doc.status === 'draft' && can(ctx.actor, 'integrity.draft'),
    sign: open && can(ctx.actor, 'integrity.sign'),
    publish: doc.status === 'signed' && can(ctx.actor, 'integrity.publish'),
    replace: !open && replacedBy === null && can(ctx.actor, 'integrity.draft'),
  };
  return { doc, replaces, replacedBy, actions } satisfies {
    doc: OfficialDocumentRow;
    replaces: OfficialDocumentRow | null;
    replacedBy: OfficialDocumentRow | null;
    actions: DocumentActions;
  };
}
