// The disclosure module's public API: the only import path for other modules and the site.
export * from './queries.js';
export { collectFedContent, type FedContentByItem } from './feed-sources.js';
export {
  listOitYears,
  listOitItems,
  getOitItem,
  groupOitItems,
  diffOitItems,
  type OitItem,
  type OitItemGroup,
} from './oit-items.js';
export {
  findDisclosureYearData,
  itemCodesForFeed,
  type DisclosureYearData,
} from './load-year-data.js';
export type {
  EntryLink,
  EntryStatus,
  EntryTable,
  NewsKind,
  ExecutiveBranch,
  PublishedContent,
} from './schema.js';
export {
  estimateReadiness,
  type Readiness,
  type ItemReadiness,
  type ReadinessStatus,
} from './estimate-readiness.js';
export {
  buildLinkSheet,
  linkSheetCsv,
  linkSheetXlsx,
  type LinkSheetRow,
} from './export-link-sheet.js';
export { documentRoutes } from './serve-document.js';
export { sanitizeRichText } from './sanitize-rich-text.js';
