import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ConflictError } from '../core/errors.js';
import type { AgencyContext } from '../core/context.js';
import { scoped } from '../core/db/scoped.js';
import { audit } from '../core/audit/audit.js';
import { agencies } from '../core/agencies/schema.js';
import { listUnits } from '../core/agencies/units.js';
import { buildOfficialDocx } from '../core/documents/docx.js';
import { renderDocumentToPdf } from '../core/documents/pdf.js';
import { storeFile } from '../core/files/index.js';
import { leafletDocument, type LeafletData } from './leaflet.js';
import { getService, listServices, type ServiceWithManual } from './queries.js';
import { eserviceManualRevisions } from './schema.js';

export const PublishLeafletInput = z.object({
  revision: z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : v),
    z.number('eservice.errors.editedMeanwhile').int().min(1),
  ),
});
export type PublishLeafletInput = z.input<typeof PublishLeafletInput>;

export interface LeafletSite {
  dataDir: string;
  /** The instance's public address, for the QR code (config baseUrl). */
  baseUrl: string;
}

/** What a leaflet needs besides the manual: the agency's name, its units, the form's address. */
async function leafletData(
  ctx: AgencyContext,
  site: LeafletSite,
  services: Pick<ServiceWithManual, 'code' | 'manual'>[],
) {
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, ctx.agencyId));
  const units = await listUnits(ctx.db, ctx.agencyId);
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.nameTh ?? agency!.nameTh;
  return services.map((s): LeafletData => ({
    manual: s.manual,
    agencyName: agency!.nameTh,
    unitName,
    requestUrl: s.manual.isOnline
      ? `${site.baseUrl.replace(/\/$/, '')}/a/${agency!.slug}/services/${s.code}/request`
      : null,
  }));
}

/**
 * Builds the current revision's leaflet (PDF and DOCX), stores the bytes and publishes them on
 * the revision, so the public link serves frozen files and no visitor ever starts Chromium.
 */
export async function publishLeaflet(
  ctx: AgencyContext,
  serviceId: string,
  raw: PublishLeafletInput,
  site: LeafletSite,
) {
  const input = PublishLeafletInput.parse(raw);
  const { service, current } = await getService(ctx.db, ctx.agencyId, serviceId);
  // The officer publishes the revision they saw: one saved meanwhile gets its own check first.
  if (input.revision !== current.revision)
    throw new ConflictError('eservice.errors.editedMeanwhile');
  const [data] = await leafletData(ctx, site, [{ code: service.code, manual: current.manual }]);
  const model = await leafletDocument([data!]);
  const [pdf, docx] = await Promise.all([renderDocumentToPdf(model), buildOfficialDocx(model)]);
  const [pdfFile, docxFile] = await Promise.all([
    storeFile(site.dataDir, pdf),
    storeFile(site.dataDir, docx),
  ]);
  await ctx.db.transaction(async (tx) => {
    await scoped(tx, ctx.agencyId).update(
      eserviceManualRevisions,
      {
        leafletPdfSha256: pdfFile.sha256,
        leafletDocxSha256: docxFile.sha256,
        updatedAt: ctx.now(),
      },
      and(
        eq(eserviceManualRevisions.serviceId, service.id),
        eq(eserviceManualRevisions.revision, current.revision),
      )!,
    );
    await audit(tx, ctx, ctx.agencyId, {
      action: 'eservice.leaflet.publish',
      entityType: 'eservice_service',
      entityId: service.id,
      after: { revision: current.revision, pdf: pdfFile.sha256, docx: docxFile.sha256 },
    });
  });
  return { pdf, docx };
}

/** Every service's leaflet in one PDF, for printing them all at once (staff only). */
export async function allLeafletsPdf(ctx: AgencyContext, site: LeafletSite): Promise<Buffer> {
  const services = await listServices(ctx.db, ctx.agencyId);
  return renderDocumentToPdf(await leafletDocument(await leafletData(ctx, site, services)));
}

/** Each service's leaflet PDF, for the `prongsai eservice leaflets` command. */
export async function buildAllLeafletPdfs(ctx: AgencyContext, site: Omit<LeafletSite, 'dataDir'>) {
  const services = await listServices(ctx.db, ctx.agencyId);
  const data = await leafletData(ctx, { ...site, dataDir: '' }, services);
  const out: { code: string; pdf: Buffer }[] = [];
  for (const [i, item] of data.entries()) {
    out.push({
      code: services[i]!.code,
      pdf: await renderDocumentToPdf(await leafletDocument([item])),
    });
  }
  return out;
}
