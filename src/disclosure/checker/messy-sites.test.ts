import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkWebsite, type WebsiteCheckReport } from './check-website.js';
import { openThaiPdfMaker } from './fixtures/make-thai-pdf.js';
import {
  buildMessySites,
  MESSY_ITEMS,
  MESSY_YEARS,
  scoreReport,
  type MessySite,
} from './fixtures/messy-sites.js';
import {
  closedPort,
  REACH_LOOPBACK,
  serveSyntheticSite,
  type SyntheticSite,
} from './fixtures/serve-synthetic-site.js';

/** The report without its clock readings: what must be identical from run to run. */
function stable(report: WebsiteCheckReport, origin: string): string {
  const { startedAt: _s, finishedAt: _f, ...rest } = report;
  return JSON.stringify(rest).replaceAll(origin, 'ORIGIN');
}

/**
 * Issue 14 §3: the checker on three messy local-government sites with labelled truth. Aims:
 * present F1 ≥ 0.9, currency accuracy ≥ 0.85, identical output on repeated runs, and each
 * verdict with its evidence and the year it read.
 */
void describe('the website checker on messy local-government sites', () => {
  let sites: { spec: MessySite; server: SyntheticSite }[] = [];
  const reports = new Map<string, WebsiteCheckReport>();
  const key = (site: number, year: number) => `${site}/${year}`;

  before(async () => {
    const maker = await openThaiPdfMaker();
    try {
      const specs = await buildMessySites(maker.makePdf, await closedPort());
      sites = await Promise.all(
        specs.map(async (spec) => ({
          spec,
          server: await serveSyntheticSite(spec.routes, '127.0.0.1', 0, true),
        })),
      );
    } finally {
      await maker.close();
    }
    for (const [i, site] of sites.entries()) {
      for (const year of MESSY_YEARS) {
        reports.set(
          key(i, year),
          await checkWebsite({
            url: site.server.origin,
            fiscalYear: year,
            items: MESSY_ITEMS,
            network: REACH_LOOPBACK,
            limits: { timeLimitMs: 120_000, requestTimeoutMs: 5_000 },
          }),
        );
      }
    }
  });
  after(async () => {
    await Promise.all(sites.map((s) => s.server.close()));
  });

  void it('meets present F1 ≥ 0.9 and currency accuracy ≥ 0.85 against the labelled truth', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let right = 0;
    let judged = 0;
    const mistakes: string[] = [];
    for (const [i, site] of sites.entries()) {
      for (const year of MESSY_YEARS) {
        const report = reports.get(key(i, year))!;
        assert.equal(report.stoppedBy, null, `${site.spec.name}: the crawl finished`);
        const score = scoreReport(site.spec, year, report.items);
        tp += score.truePositives;
        fp += score.falsePositives;
        fn += score.falseNegatives;
        right += score.currencyRight;
        judged += score.currencyJudged;
        mistakes.push(...score.mistakes);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    const f1 = (2 * precision * recall) / (precision + recall);
    const accuracy = right / judged;
    // The figures docs/benchmarks.md quotes.
    console.log(
      `messy sites: present P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} ` +
        `(tp ${tp}, fp ${fp}, fn ${fn}); currency ${right}/${judged} = ${accuracy.toFixed(3)}` +
        (mistakes.length ? `\n  ${mistakes.join('\n  ')}` : ''),
    );
    assert.ok(judged >= 15, 'enough currency decisions to mean something');
    assert.ok(f1 >= 0.9, `present F1 ${f1.toFixed(3)}: ${mistakes.join('; ')}`);
    assert.ok(accuracy >= 0.85, `currency accuracy ${accuracy.toFixed(3)}: ${mistakes.join('; ')}`);
  });

  void it('respects robots.txt, survives loops and traps, and reports broken links', () => {
    const [nongbua, banmai, thasai] = sites;
    for (const site of [nongbua!, banmai!]) {
      assert.ok(
        !site.server.requests.some((r) => r.startsWith('/admin/') || r.startsWith('/private/')),
        `${site.spec.name}: nothing behind robots.txt was fetched`,
      );
    }
    const first = reports.get(key(0, 2566))!;
    assert.ok(first.blockedByRobots.some((u) => u.endsWith('/admin/risk')));
    assert.ok(first.brokenLinks.some((b) => b.url.endsWith('/files/a3.pdf') && b.status === 404));
    const second = reports.get(key(1, 2566))!;
    assert.ok(second.brokenLinks.some((b) => b.status === 'dns'));
    assert.ok(
      second.warnings.some((w) => w.includes('/calendar')),
      'the calendar trap was cut',
    );
    const third = reports.get(key(2, 2566))!;
    const statuses = third.brokenLinks.map((b) => b.status);
    assert.ok(statuses.includes(500) && statuses.includes('connection-refused'));
    assert.ok(
      third.brokenLinks.some((b) => b.redirectedFrom?.endsWith('/go?id=11')),
      'a redirect chain ending in 404 is traced back to its link',
    );
    void thasai;
  });

  void it('gives each verdict its evidence and the year it read, from where', () => {
    for (const report of reports.values()) {
      for (const item of report.items) {
        if (item.status !== 'found') continue;
        assert.ok(item.evidence.length > 0, item.code);
        assert.ok(item.reason.includes(item.evidence[0]!.url), item.reason);
        if (item.isCurrent !== null) {
          assert.ok(item.currency, `${item.code}: a currency verdict names what it read`);
          assert.ok(item.reason.includes(item.currency.read), item.reason);
        }
      }
    }
    // The 2561–2565 plan page whose sidebar shows a 2566 news date: read as the span, from
    // the page's own heading, not as "2566" from the sidebar.
    const plan = reports.get(key(1, 2566))!.items.find((i) => i.code === 'o9')!;
    assert.equal(plan.isCurrent, false);
    assert.ok(plan.currency?.url.endsWith('/plans/action'), plan.reason);
    assert.deepEqual([plan.currency?.read, plan.currency?.source], ['2561 – 2565', 'title']);
  });

  void it('answers identically on a second run, even with another concurrency', async () => {
    for (const [i, site] of sites.entries()) {
      const again = await checkWebsite({
        url: site.server.origin,
        fiscalYear: 2566,
        items: MESSY_ITEMS,
        network: REACH_LOOPBACK,
        limits: { timeLimitMs: 120_000, requestTimeoutMs: 5_000, concurrency: i === 0 ? 1 : 8 },
      });
      assert.equal(
        stable(again, site.server.origin),
        stable(reports.get(key(i, 2566))!, site.server.origin),
        site.spec.name,
      );
    }
    // Cut short by the page limit, the same pages are read whatever finishes first.
    const [first] = sites;
    const cut = (concurrency: number) =>
      checkWebsite({
        url: first!.server.origin,
        fiscalYear: 2566,
        items: MESSY_ITEMS,
        network: REACH_LOOPBACK,
        limits: { maxPages: 40, concurrency, requestTimeoutMs: 5_000 },
      });
    const [two, eight] = [await cut(2), await cut(8)];
    assert.equal(two.stoppedBy, 'max-pages');
    assert.equal(stable(two, first!.server.origin), stable(eight, first!.server.origin));
  });
});
