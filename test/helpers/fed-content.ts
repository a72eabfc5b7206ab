import { collectFedContent } from '../../src/disclosure/feed-sources.js';
import { modules } from '../../src/modules.js';

/**
 * What every module feeds to the OIT items of one agency and year, as the public site files
 * it. Tests of a feeding module use it to check their item mapping without reaching into the
 * disclosure module from src/ (which has no index: no module reads it).
 */
export const fedContent = (query: Parameters<typeof collectFedContent>[1]) =>
  collectFedContent(modules, query);
