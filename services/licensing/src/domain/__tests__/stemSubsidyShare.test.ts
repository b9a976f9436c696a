import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reportYears, schoolYearBounds, schoolYearOf, stemShare } from '../stemSubsidyShare';

const programme = (areaCode: string | null, annualTargetedSubsidyCents: number, startsOn = '2024-09-01', endsOn: string | null = null) => ({ areaCode, annualTargetedSubsidyCents, startsOn, endsOn });

describe('STEM share of the targeted subsidy', () => {
  it('reads school years from 1 September to 31 August', () => {
    assert.deepEqual(schoolYearBounds('2024/2025'), { from: '2024-09-01', to: '2025-08-31' });
    assert.equal(schoolYearOf('2025-08-31'), '2024/2025');
    assert.equal(schoolYearOf('2025-09-01'), '2025/2026');
    assert.throws(() => schoolYearBounds('2024/2026'), (error: any) => error.code === 'VALIDATION_FAILED');
  });

  it('meets the 10% minimum of 2024/25 with exactly 10% STEM, and misses 15% in 2025/26', () => {
    const programmes = [programme('AT', 100_00), programme('AK', 900_00)];
    assert.deepEqual(stemShare(programmes, '2024/2025'), { schoolYear: '2024/2025', totalCents: 1000_00, stemCents: 100_00, stemPercent: 10, minimumPercent: 10, meetsMinimum: true });
    const next = stemShare(programmes, '2025/2026');
    assert.equal(next.minimumPercent, 15);
    assert.equal(next.meetsMinimum, false);
    assert.equal(stemShare(programmes, '2026/2027').minimumPercent, 20);
  });

  it('misses the minimum by a fraction of a percent even when the rounded share looks equal', () => {
    const share = stemShare([programme('AT', 9_999), programme('AS', 90_001)], '2024/2025');
    assert.equal(share.stemPercent, 10);
    assert.equal(share.meetsMinimum, false);
  });

  it('counts only programmes running during the year, and has no verdict without subsidy', () => {
    const programmes = [programme('AT', 500_00, '2024-09-01', '2025-05-31'), programme('AP', 500_00, '2025-09-01')];
    assert.equal(stemShare(programmes, '2024/2025').stemPercent, 100);
    assert.equal(stemShare(programmes, '2025/2026').stemPercent, 0);
    assert.deepEqual(stemShare([], '2024/2025'), { schoolYear: '2024/2025', totalCents: 0, stemCents: 0, stemPercent: null, minimumPercent: 10, meetsMinimum: null });
  });

  it('reports every year with a minimum and every year a programme runs in', () => {
    assert.deepEqual(reportYears([programme('AK', 1, '2023-09-01', '2024-05-31')], '2025/2026'), ['2023/2024', '2024/2025', '2025/2026', '2026/2027']);
  });
});
