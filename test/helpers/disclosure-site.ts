import { createApp } from '../../src/core/http/create-app.js';
import { agenciesModule } from '../../src/core/agencies/module.js';
import { defineModule, type ModuleManifest } from '../../src/core/module.js';
import type { Database } from '../../src/core/db/client.js';
import { testConfig } from './test-context.js';
import { createDisclosurePublicRoutes } from '../../src/disclosure/routes.public.js';
import {
  emptyPublicContent,
  type PublicNewsItem,
  type PublicOitEntry,
  type PublicSiteContent,
  type PublicTextPage,
} from '../../src/disclosure/public-content.js';

/** Published content per agency id, as the disclosure staff side would return it. */
export interface SiteFixture {
  news?: Record<string, PublicNewsItem[]>;
  oitEntries?: Record<string, PublicOitEntry[]>;
  pages?: Record<string, { duties?: PublicTextPage; laws?: PublicTextPage }>;
  feedCodes?: Record<number, Record<string, string[]>>;
}

/**
 * A content source over fixed published rows, standing in for the colleague's queries until
 * `src/disclosure/queries.ts` lands; like them it is scoped by agency id.
 */
export function fixtureContent(fixture: SiteFixture): PublicSiteContent {
  return {
    ...emptyPublicContent,
    listNews: (q, { limit }) =>
      Promise.resolve(
        [...(fixture.news?.[q.agencyId] ?? [])]
          .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
          .slice(0, limit),
      ),
    findNews: (q, id) =>
      Promise.resolve(fixture.news?.[q.agencyId]?.find((n) => n.id === id) ?? null),
    listOitEntries: (q, year) =>
      Promise.resolve(
        (fixture.oitEntries?.[q.agencyId] ?? []).filter((e) => e.fiscalYear === year),
      ),
    findPage: (q, key) => Promise.resolve(fixture.pages?.[q.agencyId]?.[key] ?? null),
    feedCodes: (year) => Promise.resolve(fixture.feedCodes?.[year] ?? {}),
  };
}

/** The app with core and the public site mounted at /a/:slug, plus any extra modules. */
export function buildSiteApp(
  database: Database,
  content: PublicSiteContent,
  extra: ModuleManifest[] = [],
) {
  const site = defineModule({
    name: 'disclosure',
    publicMount: '',
    routes: { public: createDisclosurePublicRoutes(content) },
  });
  return createApp({ database, config: testConfig(), modules: [agenciesModule, site, ...extra] })
    .app;
}
