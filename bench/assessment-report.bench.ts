/**
 * One agency's annual ITA analysis report: DOCX and PDF generation time for the demo agency
 * (seed 2566 results + analysis, 7 issue areas, 7 measures, 3 charts), browser warm, on PGlite.
 * Aims: DOCX < 1 s, PDF < 5 s.
 * Run: node --import tsx bench/assessment-report.bench.ts [--runs 5]
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/core/db/client.js';
import { migrateDatabase } from '../src/core/db/migrate.js';
import { seedDemoAgency } from '../src/core/agencies/seed-demo.js';
import { SYSTEM_ACTOR } from '../src/core/context.js';
import { closeBrowser } from '../src/core/documents/chromium.js';
import { buildOfficialDocx } from '../src/core/documents/docx.js';
import { clearSvgPngCache } from '../src/core/documents/render-svg-to-png.js';
import { modules } from '../src/modules.js';
import {
  buildItaAnalysisReport,
  renderItaAnalysisReport,
} from '../src/assessment/documents/ita-analysis-report.js';
import { gatherReportData } from '../src/assessment/gather-report-data.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const database = await openDatabase({ dataDir: 'memory://' });
await migrateDatabase(database);
await seedDemoAgency(
  {
    db: database.db,
    actor: { ...SYSTEM_ACTOR, label: 'bench' },
    locale: 'th',
    now: () => new Date(),
  },
  modules,
);
const [{ id }] = (await database.query<{ id: string }>(
  "select id from core_agencies where slug = 'phothong'",
)) as [{ id: string }];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function measure(label: string, fn: () => Promise<Buffer>) {
  const first = performance.now();
  const size = (await fn()).length; // cold: starts Chromium
  const cold = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  console.log(
    `${label}: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}, ${runs} warm runs; cold ${cold.toFixed(0)} ms), ${(size / 1024).toFixed(0)} KB`,
  );
}

// Charts' PNG fallbacks are cached by SVG hash: first every run draws them (as after a score change),
// then the cache is left warm (the same report downloaded again).
await measure('DOCX, chart PNG cache cleared each run', () => {
  clearSvgPngCache();
  return renderItaAnalysisReport(database.db, id, 2566, 'docx');
});
await measure('DOCX, chart PNG cache warm', () =>
  renderItaAnalysisReport(database.db, id, 2566, 'docx'),
);
await measure('PDF', () => renderItaAnalysisReport(database.db, id, 2566, 'pdf'));
// Where the DOCX time goes: the same model without charts (the PNG fallbacks are rasterised).
const model = buildItaAnalysisReport(await gatherReportData(database.db, id, 2566));
const noCharts = { ...model, sections: model.sections.filter((s) => s.kind !== 'image') };
await measure('DOCX without charts', () => buildOfficialDocx(noCharts));
await measure('DOCX model only, charts drawn (cache cleared each run)', () => {
  clearSvgPngCache();
  return buildOfficialDocx(model);
});
await closeBrowser();
await database.close();
