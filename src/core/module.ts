// The contract between the kernel and a module. Like the files it names (cli/command.ts,
// http/env.ts, http/node-lane-types.ts, jobs/types.ts), it imports types only, and none of
// them imports anything that leads back here: declaring a module loads no HTTP internals, and
// test/architecture.test.ts fails on any import loop, type-only ones included.
import type { Hono } from 'hono';
import type { CliCommand } from './cli/command.js';
import type { AgencyContext } from './context.js';
import type { StaffRole } from './agencies/schema.js';
import type { AppEnv, NavItem } from './http/env.js';
import type { NodeLane, NodeLaneContext } from './http/node-lane-types.js';
import type { Translation } from './i18n/i18n.js';
import type { JobDefinition } from './jobs/types.js';

// The two slots the kernel leaves for the module list, filled here (as Hono's own
// ContextVariableMap is): their files cannot name ModuleManifest without a loop.
declare module './http/env.js' {
  interface AppVariables {
    /** Every mounted module, for pages that gather what modules publish (the OIT site). */
    modules: readonly ModuleManifest[];
  }
}
declare module './cli/command.js' {
  interface CommandDeps {
    /** Every module, for commands that read what modules publish (jobs, the OIT search). */
    modules?: readonly ModuleManifest[];
  }
}

type Catalog = { [key: string]: string | Catalog };

/**
 * A module's manifest: what app.ts mounts, the CLI lists, the seeder runs and the
 * isolation test enumerates. app.ts knows modules only through this shape.
 */
export interface ModuleManifest<C extends Catalog = Catalog> {
  name: string;
  routes?: {
    /** Citizen pages, mounted at /a/:slug/<publicMount ?? name>; no JavaScript required. */
    public?: Hono<AppEnv>;
    /** Back office, mounted at /staff/<staffMount ?? name>; login and an agency required. */
    staff?: Hono<AppEnv>;
    /** Instance administration, mounted at /admin/<name>; instance administrators only. */
    admin?: Hono<AppEnv>;
  };
  publicMount?: string;
  staffMount?: string;
  /**
   * Hot requests the Node server answers before Hono (core/http/node-lane.ts), each the
   * plain case of one of this module's routes, handing anything else to that route.
   */
  nodeLanes?: (context: NodeLaneContext) => NodeLane[];
  /**
   * Stricter multipart body limits than the 25 MB default, by full path prefix
   * (`/staff/assessment/import/` → 3 MB): checked before the body is read or parsed.
   */
  uploadLimits?: Record<string, number>;
  permissions?: Record<string, readonly StaffRole[]>;
  nav?: NavItem[];
  commands?: CliCommand[];
  catalog?: { th: C; en: Translation<C> };
  /**
   * Runs when the app is built, e.g. to load instance-wide data into memory. It is not
   * awaited and must not throw: a failure is logged and the app serves without it.
   */
  start?: (db: AgencyContext['db']) => Promise<void>;
  /**
   * Demo data for the demo agency; must be idempotent. `dataDir` (the file store) is given when
   * the server seeds, so the demo can publish frozen documents; tests needing rows omit it.
   */
  seed?: (ctx: AgencyContext, options?: { dataDir?: string }) => Promise<void>;
  /**
   * For the cross-agency isolation test: creates records in the given agency and returns
   * a value for every route parameter this module's staff routes use (`:id`, `:unitId`, …).
   * Each value may also carry a marker text that must not appear in another agency's pages.
   */
  isolationFixture?: (ctx: AgencyContext) => Promise<IsolationFixture>;
  /**
   * What this module publishes on the agency's public OIT site for a fiscal year (the annual
   * ITA analysis, the measures plan and its progress, later e-Service statistics…). The
   * disclosure module maps each `feed` to that year's OIT item codes (data, per year), so a
   * module never hard-codes an item number that the NACC renumbers every year.
   */
  disclosures?: (query: DisclosureQuery) => Promise<DisclosedContent[]>;
  /** Scheduled work (reminder e-mails…) that `serve` runs itself, once per slot (core/jobs). */
  jobs?: JobDefinition<ModuleManifest>[];
  /**
   * What waits in this module for the signed-in staff member (items to approve, steps due…),
   * listed with counts on their home page. Decide from `ctx.actor`; [] when nothing waits.
   */
  waiting?: (ctx: AgencyContext) => Promise<WaitingItem[]>;
}

/** One line of "what waits for you" on a staff member's home page. */
export interface WaitingItem {
  /** i18n key of the line; `{count}` and `params` are filled in. */
  label: string;
  count: number;
  href: string;
  params?: Record<string, string | number>;
}

export interface DisclosureQuery {
  db: AgencyContext['db'];
  agencyId: string;
  agencySlug: string;
  /** Buddhist-era fiscal year, e.g. 2566. */
  fiscalYear: number;
}

export interface DisclosedContent {
  /** Stable key, e.g. 'assessment.analysis-report', 'measures.plan', 'measures.progress-report'. */
  feed: string;
  title: string;
  summary?: string;
  /** Public links (served by the module's public routes), e.g. the report as PDF and DOCX. */
  links: { label: string; href: string; type?: 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' }[];
  fiscalYear: number;
  updatedAt: Date;
}

export function defineModule<C extends Catalog>(manifest: ModuleManifest<C>): ModuleManifest<C> {
  return manifest;
}

export interface IsolationFixture {
  /** Values for route parameters, by name (`id`). */
  params: Record<string, string>;
  /** Overrides for one route, keyed by its full path pattern (`/staff/agency/staff/:id`). */
  byRoute?: Record<string, Record<string, string>>;
  /** Texts stored in the other agency that must never appear in this agency's pages. */
  markers: string[];
}
