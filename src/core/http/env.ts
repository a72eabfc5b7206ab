import type { Hono } from 'hono';
import type { AgencyContext, Locale } from '../context.js';
import type { Database } from '../db/client.js';
import type { TranslateFn } from '../i18n/i18n.js';
import type { agencies, StaffRole } from '../agencies/schema.js';
import type { users } from '../auth/schema.js';
import type { Config } from '../config/config.js';

export type AgencyRow = typeof agencies.$inferSelect;
export type UserRow = typeof users.$inferSelect;

export interface NavItem {
  audience: 'staff' | 'public';
  /** For staff: a path under /staff; for public: a path under /a/<slug>. */
  href: string;
  /** i18n key. */
  label: string;
  /** Shown only to holders of this permission. */
  permission?: string;
  order?: number;
}

/** What every request carries (c.var). */
export interface AppVariables {
  requestId: string;
  locale: Locale;
  t: TranslateFn;
  csrfToken: string;
  database: Database;
  config: Config;
  /** The logged-in user, if any. */
  user: UserRow | null;
  sessionToken: string | null;
  /** The agency the session works in (staff pages), with the user's roles there. */
  agency: AgencyRow | null;
  roles: readonly StaffRole[];
  /** Set on /staff/* routes: the use-case context for the session's agency. */
  ctx: AgencyContext;
  /** Set on /a/:slug/* routes: the agency whose public pages are shown. */
  publicAgency: AgencyRow;
  nav: NavItem[];
  // `modules` (every mounted module) is declared by core/module.ts, which augments this
  // interface: the manifest names AppEnv, so naming the manifest here would loop the files.
  /** Title for the layout's <title>. */
  title?: string;
}

export type AppEnv = { Variables: AppVariables };
export type AppHono = Hono<AppEnv>;
