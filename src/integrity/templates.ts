import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { OFFICIAL_KINDS, type OfficialDocumentDraft } from '../core/official/index.js';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'templates', 'official-templates.json');

const TemplateField = z.object({
  name: z.string().regex(/^[a-z][a-zA-Z]*$/),
  label: z.string().min(1),
  default: z.string().default(''),
  multiline: z.boolean().default(false),
});

/** One template of an announcement or order: text with {placeholders}, as data. */
export const OfficialTemplate = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(OFFICIAL_KINDS),
  /** OIT feed the published document fills (mapped to items per year in disclosure data). */
  feed: z
    .string()
    .regex(/^integrity\.[a-z0-9-]+$/)
    .nullable(),
  /** Which page lists it: the HR criteria or the integrity documents. */
  group: z.enum(['personnel', 'integrity']),
  title: z.string().min(1),
  subject: z.string().min(1),
  preamble: z.string(),
  clauses: z.array(z.string().min(1)),
  closing: z.string(),
  fields: z.array(TemplateField),
});
export type OfficialTemplate = z.infer<typeof OfficialTemplate>;

let cache: OfficialTemplate[] | null = null;

/** Every template, validated once (a broken data file fails at first use, naming the field). */
export function listTemplates(): OfficialTemplate[] {
  cache ??= z
    .object({ templates: z.array(OfficialTemplate) })
    .parse(JSON.parse(readFileSync(FILE, 'utf8'))).templates;
  return cache;
}

/** The template with this key, or undefined. */
export function findTemplate(key: string): OfficialTemplate | undefined {
  return listTemplates().find((t) => t.key === key);
}

/**
 * The draft a template gives with its placeholders filled: {agency}, {fiscalYear} and the
 * template's own fields (already checked by the caller). Unknown placeholders stay visible so
 * an officer sees what is left to write.
 */
export function fillTemplate(
  template: OfficialTemplate,
  values: Record<string, string> & { agency: string; fiscalYear: string },
  common: {
    fiscalYear: number;
    signerName: string;
    signerPosition: string;
    digits: 'thai' | 'arabic';
  },
): OfficialDocumentDraft {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  return {
    kind: template.kind,
    fiscalYear: common.fiscalYear,
    subject: fill(template.subject),
    preamble: fill(template.preamble),
    clauses: template.clauses.map(fill),
    closing: fill(template.closing),
    digits: common.digits,
    signerName: common.signerName,
    signerPosition: common.signerPosition,
    templateKey: template.key,
    feed: template.feed,
  };
}
