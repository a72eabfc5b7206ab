/**
 * National-scale ITA scoring on PostgreSQL: N agencies × (60 IIT respondents × 30 questions +
 * 120 EIT respondents × 15 questions) raw answers (8,000 agencies ≈ 29 M rows), generated with
 * INSERT … SELECT generate_series. Scores every agency: per-question sums and counts of the
 * answer scores are aggregated in SQL (exact integers), then the engine (`scoreFramework`)
 * scores each agency from its question means. Compared with a bare GROUP BY aggregate over
 * the same table in the same run.
 *
 * Run: BENCH_DATABASE_URL=postgres://… node --import tsx bench/assessment-scoring.bench.ts [--agencies 8000] [--keep]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { getFramework } from '../src/assessment/frameworks/load-frameworks.js';
import { scoreFramework } from '../src/assessment/score-framework.js';

const { values } = parseArgs({
  options: { agencies: { type: 'string', default: '8000' }, keep: { type: 'boolean' } },
});
const AGENCIES = Number(values.agencies);
const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL (PostgreSQL) is required');
const client = new pg.Client({ connectionString: url });
await client.connect();
const framework = getFramework(2566);
const IIT = framework.iitQuestions.length; // 30
const EIT = framework.eitQuestions.length; // 15

const ms = (start: number) => performance.now() - start;
const time = async <T>(label: string, fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await fn();
  const took = ms(start);
  console.log(`${label}: ${(took / 1000).toFixed(2)} s`);
  return [result, took];
};

const hasTable = (await client.query("select to_regclass('bench_ita_answers') as t")).rows[0].t;
const existing = hasTable
  ? ((await client.query('select max(agency_id)::int as n from bench_ita_answers')).rows[0]
      .n as number)
  : 0;
if (existing !== AGENCIES) {
  await client.query('drop table if exists bench_ita_answers');
  // tool 0 = IIT, 1 = EIT; answer = option index 0–4 (scale of 5, scores 0/25/50/75/100).
  await client.query(`create unlogged table bench_ita_answers (
    agency_id int not null, tool smallint not null, respondent smallint not null,
    question smallint not null, answer smallint not null)`);
  await time(`generate ${AGENCIES} agencies`, async () => {
    const chunk = 500;
    for (let from = 1; from <= AGENCIES; from += chunk) {
      const to = Math.min(AGENCIES, from + chunk - 1);
      await client.query(
        `insert into bench_ita_answers
         select a, 0, r, q, case when (a * 7 + r * 13 + q * 3) % 17 = 0 then 3 else 4 end
           from generate_series($1::int, $2::int) a, generate_series(1, 60) r, generate_series(1, ${IIT}) q
         union all
         select a, 1, r, q, case when (a * 11 + r * 5 + q) % 23 = 0 then 2 else 4 end
           from generate_series($1::int, $2::int) a, generate_series(1, 120) r, generate_series(1, ${EIT}) q`,
        [from, to],
      );
    }
    await client.query('vacuum analyze bench_ita_answers');
  });
}
const [{ rows: count }] = [
  await client.query<{ n: string }>('select count(*) as n from bench_ita_answers'),
];
console.log(`rows: ${Number(count[0]!.n).toLocaleString('en')} (${AGENCIES} agencies)`);

// Warm the cache once so neither measurement pays for the first read from disk.
await client.query('select count(*) from bench_ita_answers');

const bare = async () =>
  client.query(
    'select agency_id, tool, question, sum(answer), count(*) from bench_ita_answers group by 1, 2, 3',
  );

const iitCodes = framework.iitQuestions.map((q) => q.code);
const eitCodes = framework.eitQuestions.map((q) => q.code);
let engineMs = 0;

type SumRow = { a: number; t: number; q: number; s: string; c: string };
// Answer → score (0/25/50/75/100) as an integer, so the sums are exact; the mean and the
// official rounding are the engine's.
const sums = () =>
  client.query<SumRow>(
    `select agency_id as a, tool as t, question as q, sum(answer * 25) as s, count(*) as c
       from bench_ita_answers group by 1, 2, 3 order by 1`,
  );

function scoreRows(rows: SumRow[], results: { agencyId: number; total: number; level: string }[]) {
  const start = performance.now();
  let i = 0;
  while (i < rows.length) {
    const agencyId = rows[i]!.a;
    const questionScores: Record<string, number> = {};
    for (; i < rows.length && rows[i]!.a === agencyId; i++) {
      const r = rows[i]!;
      const code = (r.t === 0 ? iitCodes : eitCodes)[r.q - 1]!;
      questionScores[code] = Math.round((Number(r.s) / Number(r.c)) * 100) / 100;
    }
    const result = scoreFramework(framework, {
      fiscalYear: 2566,
      questionScores,
      indicatorScores: { '9': 100, '10': 100 },
    });
    results.push({ agencyId, total: result.total, level: result.level.code });
  }
  engineMs += performance.now() - start;
}

/**
 * Scores every agency: one GROUP BY over the whole table (PostgreSQL runs it in parallel),
 * then the engine per agency. Measured alternative: agency-id ranges on two connections, so
 * the engine overlaps the next range's SQL, was 2.2× slower (a BRIN range scan loses the
 * parallel full scan).
 */
const score = async () => {
  const results: { agencyId: number; total: number; level: string }[] = [];
  const { rows } = await sums();
  scoreRows(rows, results);
  return results;
};

const runs = 3;
const bareTimes: number[] = [];
const scoreTimes: number[] = [];
let scored: Awaited<ReturnType<typeof score>> = [];
for (let run = 1; run <= runs; run++) {
  bareTimes.push((await time(`run ${run} bare GROUP BY`, bare))[1]);
  engineMs = 0;
  const [r, took] = await time(`run ${run} score every agency (SQL + engine)`, score);
  console.log(`  of which engine (Node): ${(engineMs / 1000).toFixed(2)} s`);
  scoreTimes.push(took);
  scored = r;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (scored.length !== AGENCIES) throw new Error(`scored ${scored.length} agencies`);
console.log(`sample: agency 1 total ${scored[0]!.total} (${scored[0]!.level})`);
console.log(
  `median of ${runs}: bare GROUP BY ${(median(bareTimes) / 1000).toFixed(2)} s, scoring ${(median(scoreTimes) / 1000).toFixed(2)} s, ratio ${(median(scoreTimes) / median(bareTimes)).toFixed(2)}×`,
);
if (!values.keep) await client.query('drop table bench_ita_answers');
await client.end();
