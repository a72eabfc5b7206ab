import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getFramework } from '../frameworks/load-frameworks.js';
import { scoreFramework } from '../score-framework.js';
import { ItaAnalysis, RecommendationLibrary } from './analysis-schema.js';

const read = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8'));
const analysis = ItaAnalysis.parse(read('fy2566-phothong-analysis.json'));
const library = RecommendationLibrary.parse(read('recommendations.json'));
const framework = getFramework(2566);

void describe('seed analysis and recommendation library', () => {
  void it("hold the seed's 7 issue areas, 14 citations and 7 measure rows", () => {
    assert.equal(analysis.issueAreas.length, 7);
    assert.equal(analysis.measures.length, 7);
    assert.equal(analysis.issueAreas.flatMap((a) => a.citations).length, 14);
    assert.equal(analysis.forewordTh.length, 3);
    assert.match(analysis.limitationsTh, /การพัฒนาเว็บไซต์เพื่อการเปิดเผยข้อมูลสาธารณะ/);
  });

  void it('normalises OCR codes and keeps the original text', () => {
    const citations = analysis.issueAreas.flatMap((a) => a.citations);
    const byOriginal = Object.fromEntries(citations.map((c) => [c.originalCode, c.code]));
    assert.equal(byOriginal['1๒'], 'i2');
    assert.equal(byOriginal['1๒๐'], 'i20');
    assert.equal(byOriginal['๕๕'], 'e5');
    assert.equal(byOriginal['E๑๕'], 'e15');
    assert.equal(byOriginal['In'], null);
  });

  void it('agrees with the framework: area codes exist and cited questions map to their area', () => {
    for (const area of analysis.issueAreas) {
      const frameworkArea = framework.issueAreas.find((a) => a.code === area.issueAreaCode);
      assert.ok(frameworkArea, area.issueAreaCode);
      assert.equal(frameworkArea.nameTh, area.nameTh);
      for (const c of area.citations) {
        if (c.code)
          assert.ok(
            frameworkArea.questions.some((q) => q.code === c.code),
            c.code,
          );
      }
    }
  });

  void it("reproduces the seed's stated total from its own indicator table", () => {
    const result = scoreFramework(framework, {
      fiscalYear: 2566,
      indicatorScores: Object.fromEntries(
        analysis.indicatorScores.map((i) => [String(i.no), i.score]),
      ),
    });
    assert.equal(result.total, analysis.statedTotal);
  });

  void it('has agency-neutral templates', () => {
    const text = JSON.stringify(library.issueAreas);
    assert.doesNotMatch(text, /โพธิ์ทอง|phothong/);
    assert.match(text, /\{\{agencyName\}\}/);
    assert.equal(library.questions.length, 13);
  });
});
