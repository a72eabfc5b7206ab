import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { MinimumSampleRule } from './frameworks/framework-schema.js';
import { FrameworkDataError, loadFrameworksFrom } from './frameworks/load-frameworks.js';
import {
  applyMinimumSampleRule,
  describeMinimumSampleRule,
  minimumSample,
} from './minimum-sample.js';

/** The EIT variant of the 2566 data: 10 %, at least 30, all if fewer than 30, 400 above 4,000. */
const EIT_LIKE: MinimumSampleRule = {
  fraction: 0.1,
  floor: 30,
  allIfFewerThan: 30,
  cap: { abovePopulation: 4000, sample: 400 },
  source: 'test',
  confidence: 'unconfirmed',
};
const sampleOf = (rule: MinimumSampleRule, population: number) =>
  applyMinimumSampleRule(rule, population);

void describe('applyMinimumSampleRule', () => {
  void it('asks everyone when there are fewer people than the threshold', () => {
    assert.deepEqual(sampleOf(EIT_LIKE, 0), { sample: 0, basis: 'everyone' });
    assert.deepEqual(sampleOf(EIT_LIKE, 1), { sample: 1, basis: 'everyone' });
    assert.deepEqual(sampleOf(EIT_LIKE, 29), { sample: 29, basis: 'everyone' });
  });

  void it('asks for the floor from the threshold until the share exceeds it', () => {
    assert.deepEqual(sampleOf(EIT_LIKE, 30), { sample: 30, basis: 'floor' });
    assert.deepEqual(sampleOf(EIT_LIKE, 299), { sample: 30, basis: 'floor' });
    assert.deepEqual(sampleOf(EIT_LIKE, 300), { sample: 30, basis: 'floor' });
  });

  void it('rounds the share up to a whole person, exactly', () => {
    assert.deepEqual(sampleOf(EIT_LIKE, 301), { sample: 31, basis: 'fraction' });
    assert.deepEqual(sampleOf(EIT_LIKE, 310), { sample: 31, basis: 'fraction' });
    assert.deepEqual(sampleOf(EIT_LIKE, 1234), { sample: 124, basis: 'fraction' });
    // 0.07 · 100 is 7.000000000000001 in floats; Math.ceil would ask for 8.
    const sevenPercent = { ...EIT_LIKE, fraction: 0.07, floor: 0, allIfFewerThan: 0, cap: null };
    assert.deepEqual(sampleOf(sevenPercent, 100), { sample: 7, basis: 'fraction' });
    assert.equal(sampleOf(sevenPercent, 15).sample, 2, '1.05 people is 2');
    assert.equal(sampleOf({ ...sevenPercent, fraction: 0.1 }, 30).sample, 3);
  });

  void it('applies the cap only above its headcount', () => {
    assert.deepEqual(sampleOf(EIT_LIKE, 4000), { sample: 400, basis: 'fraction' });
    assert.deepEqual(sampleOf(EIT_LIKE, 4001), { sample: 400, basis: 'cap' });
    assert.deepEqual(sampleOf(EIT_LIKE, 10_000_000), { sample: 400, basis: 'cap' });
  });

  void it('never asks for more people than there are', () => {
    const lowThreshold = { ...EIT_LIKE, allIfFewerThan: 10 };
    assert.deepEqual(sampleOf(lowThreshold, 9), { sample: 9, basis: 'everyone' });
    assert.deepEqual(sampleOf(lowThreshold, 25), { sample: 25, basis: 'everyone' });
    assert.deepEqual(sampleOf(lowThreshold, 30), { sample: 30, basis: 'floor' });
  });

  void it('uses only the floor when the rule has no share (the IIT variant)', () => {
    const iit = { ...EIT_LIKE, fraction: 0, floor: 25, allIfFewerThan: 25, cap: null };
    assert.deepEqual(sampleOf(iit, 24), { sample: 24, basis: 'everyone' });
    assert.deepEqual(sampleOf(iit, 25), { sample: 25, basis: 'floor' });
    assert.deepEqual(sampleOf(iit, 50_000), { sample: 25, basis: 'floor' });
  });

  void it('refuses a headcount that is not a non-negative integer', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) {
      assert.throws(() => sampleOf(EIT_LIKE, bad), RangeError, String(bad));
    }
  });
});

void describe('minimumSample (framework data)', () => {
  void it('computes each year from that year’s rule, marked unconfirmed with its source', () => {
    for (const year of [2566, 2567, 2568]) {
      const eit = minimumSample(year, 'EIT', 1234);
      assert.equal(eit.sample, 124);
      assert.equal(eit.basis, 'fraction');
      assert.equal(eit.confidence, 'unconfirmed');
      assert.equal(eit.source.url, 'https://spvc.ac.th/MU-ITA2021/files/basic-html/page46.html');
      assert.match(eit.rule.note ?? '', /another agency type/);
      const iit = minimumSample(year, 'IIT', 80);
      assert.equal(iit.sample, 25);
      assert.equal(iit.confidence, 'unconfirmed');
      assert.equal(iit.source.url, 'https://sites.google.com/pracharath.ac.th/itaonlinesakon2/iit');
      assert.match(iit.rule.note ?? '', /another agency type/);
    }
  });

  void it('falls back to the floor, labelled, when no headcount was entered', () => {
    const eit = minimumSample(2566, 'EIT', null);
    assert.deepEqual([eit.sample, eit.basis, eit.population], [30, 'no-population', null]);
    assert.equal(minimumSample(2566, 'IIT', null).sample, 25);
  });

  void it('describes the rule in Thai from its parameters', () => {
    assert.equal(
      describeMinimumSampleRule(EIT_LIKE),
      'ร้อยละ 10 ของจำนวนทั้งหมด (ปัดขึ้นเป็นจำนวนเต็ม) แต่ไม่น้อยกว่า 30 คน; ' +
        'ถ้ามีน้อยกว่า 30 คน ให้ตอบทุกคน; ถ้ามีเกิน 4,000 คน ใช้ 400 คน',
    );
    assert.equal(
      describeMinimumSampleRule(minimumSample(2566, 'IIT', null).rule),
      'ไม่น้อยกว่า 25 คน; ถ้ามีน้อยกว่า 25 คน ให้ตอบทุกคน',
    );
  });
});

void describe('minimumSample rules in framework files', () => {
  const fy2566 = readFileSync(join(import.meta.dirname, 'frameworks', 'fy2566.json'), 'utf8');
  const pathsOfIssues = (mutate: (f: Record<string, any>) => void): string[] => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-'));
    const data = JSON.parse(fy2566);
    mutate(data);
    writeFileSync(join(dir, 'fy2566.json'), JSON.stringify(data));
    try {
      loadFrameworksFrom(dir);
    } catch (error) {
      assert.ok(error instanceof FrameworkDataError);
      return error.issues.map((i) => i.path);
    }
    return [];
  };
  const tool = (f: Record<string, any>, code: string) =>
    f.tools.find((t: { code: string }) => t.code === code);

  void it('loads the shipped rule unchanged', () => {
    assert.deepEqual(
      pathsOfIssues(() => {}),
      [],
    );
  });

  void it('requires a rule for IIT and EIT and refuses one for OIT', () => {
    const paths = pathsOfIssues((f) => {
      delete tool(f, 'IIT').minimumSample;
      tool(f, 'OIT').minimumSample = tool(f, 'EIT').minimumSample;
    });
    assert.deepEqual(paths.sort(), ['tools.0.minimumSample', 'tools.2.minimumSample']);
  });

  void it('refuses an unknown source, a share above 1, a cap below the floor', () => {
    assert.deepEqual(
      pathsOfIssues((f) => (tool(f, 'EIT').minimumSample.source = 'nowhere')),
      ['tools.1.minimumSample.source'],
    );
    assert.deepEqual(
      pathsOfIssues((f) => (tool(f, 'EIT').minimumSample.fraction = 1.5)),
      ['tools.1.minimumSample.fraction'],
    );
    assert.deepEqual(
      pathsOfIssues((f) => (tool(f, 'EIT').minimumSample.cap.sample = 20)),
      ['tools.1.minimumSample.cap.sample'],
    );
  });
});
