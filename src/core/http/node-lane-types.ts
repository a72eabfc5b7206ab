import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { AgencyRow } from './env.js';

// Part of the module contract (core/module.ts names these types): it imports types only,
// and nothing that imports the contract back, so the manifest never drags HTTP internals
// (middleware, sessions) into every module that declares itself.

/**
 * A request that the Node server answers itself, before Hono: one route's hottest case (the
 * closing-day survey submit), when the Request/Response pair and the middleware chain around
 * it cost more CPU than the work itself (docs/benchmarks.md). A lane takes only the plain
 * case and hands everything else to Hono unchanged (`fallback`), so Hono's route stays the
 * one definition of the behaviour and the lane never has to answer an error.
 */
export interface NodeLane {
  /** A cheap look at the request line and headers; the body is not read yet. */
  accepts(req: IncomingMessage): boolean;
  /**
   * Answers the request, or calls `fallback()` once, before writing anything, to let Hono
   * answer it as if there were no lane (the body already read goes along). Never rejects.
   */
  serve(req: IncomingMessage, res: ServerResponse, fallback: () => void): Promise<void>;
}

/** What a module's lanes may use: the app's database and configuration, and its agency lookup. */
export interface NodeLaneContext {
  database: Database;
  config: Config;
  /** The public agency of a URL slug, as Hono's `/a/:slug` middleware finds it (cached). */
  agencyOfSlug: (slug: string) => Promise<AgencyRow | undefined>;
}
