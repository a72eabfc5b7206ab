import { existsSync, readFileSync } from 'node:fs';
import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import { describeFieldMessage } from '../validation/field-messages.js';

/**
 * Prongsai's whole configuration. Environment variables win over the optional TOML file
 * (`prongsai.toml` in the working directory, or the path in PRONGSAI_CONFIG), because
 * container and systemd deployments set env while a municipality's IT officer edits a file.
 */
export const ConfigSchema = z
  .object({
    port: z.coerce.number().int().min(1).max(65535).default(3000),
    host: z.string().min(1).default('0.0.0.0'),
    /** Unset → embedded PGlite in dataDir. */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
    /**
     * PostgreSQL connections the web server may hold, shared out among its worker processes
     * (each gets at least 2; ignored for PGlite, which has one). A submit on the closing-day
     * surge waits for a free connection, not for the server, once dozens of respondents post
     * at once; 20 keeps that queue short and stays well under PostgreSQL's default
     * max_connections of 100.
     */
    databasePoolSize: z.coerce.number().int().min(2).max(500).default(20),
    /**
     * Processes serving HTTP. `auto`: one per core but one (left to PostgreSQL) with
     * PostgreSQL; PGlite is one process's database, so it always runs one. The connection
     * pool above is shared out among them.
     */
    workers: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default('auto'),
    /**
     * Reverse proxies in front of Prongsai (nginx, Caddy, a load balancer) whose
     * X-Forwarded-For to believe. 0: none, the client is the socket's peer. Set it to the
     * number of proxies, or every respondent behind one nginx shares one rate limit, and
     * with 0 behind a proxy a forged header is ignored rather than believed.
     */
    trustProxy: z.coerce.number().int().min(0).max(10).default(0),
    dataDir: z.string().min(1).default('./data'),
    /** Public base URL, used in QR codes, feeds and link sheets. */
    baseUrl: z.url().optional(),
    /** Load the demo agency (เทศบาลตำบลโพธิ์ทอง) on first start when no agency exists. */
    seedDemo: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
      .transform((v) => v === true || v === 'true' || v === '1')
      .default(true),
    /**
     * The cookies' `Secure` flag. `auto`: set when the request came over HTTPS (TLS, or
     * X-Forwarded-Proto from a trusted proxy, see trustProxy), so http://localhost works and
     * a site served over HTTPS never sends its session in clear; true/false force it.
     */
    secureCookies: z
      .union([z.boolean(), z.enum(['auto', 'true', 'false', '1', '0'])])
      .transform((v) => (v === 'auto' ? 'auto' : v === true || v === 'true' || v === '1'))
      .default('auto'),
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    smtpUrl: z.string().optional(),
    mailFrom: z.string().default('prongsai@localhost'),
    /**
     * Whether `serve` runs the scheduled jobs (reminder e-mails…). Every server may: a slot is
     * run once for the installation whatever the number of servers (core/jobs). Off on a
     * server that should only answer requests.
     */
    runJobs: z
      .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
      .transform((v) => v === true || v === 'true' || v === '1')
      .default(true),
    /**
     * Per job (prongsai jobs list shows the names), in prongsai.toml:
     * `[jobs.measures-reminders]` with `schedule = "0 8 * * *"` (cron, Bangkok time),
     * `enabled = false`, `max_attempts = 5`. Unset keys keep the job's defaults.
     */
    jobs: z
      .record(
        z.string(),
        z
          .object({
            schedule: z.string().min(1).optional(),
            enabled: z.boolean().optional(),
            max_attempts: z.number().int().min(1).max(20).optional(),
          })
          .strict(),
      )
      .transform((jobs) =>
        Object.fromEntries(
          Object.entries(jobs).map(([name, j]) => [
            name,
            { schedule: j.schedule, isEnabled: j.enabled, maxAttempts: j.max_attempts },
          ]),
        ),
      )
      .default({}),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

const ENV_KEYS: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  DATA_DIR: 'dataDir',
  PRONGSAI_PORT: 'port',
  PRONGSAI_HOST: 'host',
  PRONGSAI_DATABASE_URL: 'databaseUrl',
  PRONGSAI_DATABASE_POOL_SIZE: 'databasePoolSize',
  PRONGSAI_DATA_DIR: 'dataDir',
  PRONGSAI_WORKERS: 'workers',
  PRONGSAI_TRUST_PROXY: 'trustProxy',
  PRONGSAI_BASE_URL: 'baseUrl',
  PRONGSAI_SEED_DEMO: 'seedDemo',
  PRONGSAI_SECURE_COOKIES: 'secureCookies',
  PRONGSAI_LOG_LEVEL: 'logLevel',
  PRONGSAI_SMTP_URL: 'smtpUrl',
  PRONGSAI_MAIL_FROM: 'mailFrom',
  PRONGSAI_RUN_JOBS: 'runJobs',
};

const FILE_KEYS: Record<string, keyof Config> = {
  port: 'port',
  host: 'host',
  database_url: 'databaseUrl',
  database_pool_size: 'databasePoolSize',
  data_dir: 'dataDir',
  workers: 'workers',
  trust_proxy: 'trustProxy',
  base_url: 'baseUrl',
  seed_demo: 'seedDemo',
  secure_cookies: 'secureCookies',
  log_level: 'logLevel',
  smtp_url: 'smtpUrl',
  mail_from: 'mailFrom',
  run_jobs: 'runJobs',
  jobs: 'jobs',
};

/** A configuration problem, reported in Thai and English with the key that caused it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Builds the typed config from env and file. The only place in Prongsai that reads process.env
 * for settings; unknown PRONGSAI_* variables and unknown file keys stop start-up, since a typo
 * that silently falls back to a default (say, an ignored DATABASE_URL) loses data.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const file = env.PRONGSAI_CONFIG ?? (existsSync('prongsai.toml') ? 'prongsai.toml' : undefined);
  if (file) {
    let parsed: Record<string, unknown>;
    try {
      parsed = parseToml(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(
        `อ่านไฟล์ตั้งค่า ${file} ไม่ได้ / cannot read config file ${file}: ${(error as Error).message}`,
      );
    }
    for (const [key, value] of Object.entries(parsed)) {
      const target = FILE_KEYS[key];
      if (!target) {
        throw new ConfigError(`ไม่รู้จักค่าตั้ง "${key}" ในไฟล์ ${file} / unknown key "${key}" in ${file}`);
      }
      raw[target] = value;
      origin[target] = `${file}: ${key}`;
    }
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const target = ENV_KEYS[name];
    if (target) {
      raw[target] = value;
      origin[target] = name;
    } else if (name.startsWith('PRONGSAI_') && name !== 'PRONGSAI_CONFIG') {
      throw new ConfigError(`ไม่รู้จักตัวแปร ${name} / unknown environment variable ${name}`);
    }
  }
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `ค่าตั้ง ${origin[key] ?? key} ไม่ถูกต้อง: ${describeFieldMessage(issue.message, 'th')} / invalid setting ${origin[key] ?? key}: ${describeFieldMessage(issue.message, 'en')}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return result.data;
}
