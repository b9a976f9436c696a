import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { reportYears, schoolYearBounds, schoolYearOf, stemShare } from '../stemSubsidyShare';

const programme = (areaCode: string | null, annualTargetedSubsidyCents: number, startsOn = '2024-09-01', endsOn: string | null = null) => ({
  areaCode,
  annualTargetedSubsidyCents,
  startsOn,
  endsOn,
});

describe('STEM share of the targeted subsidy', () => {
  it('reads school years from 1 September to 31 August', () => {
    expect(schoolYearBounds('2024/2025')).toStrictEqual({ from: '2024-09-01', to: '2025-08-31' });
    expect(schoolYearOf('2025-08-31')).toBe('2024/2025');
    expect(schoolYearOf('2025-09-01')).toBe('2025/2026');
    assert.throws(
      () => schoolYearBounds('2024/2026'),
      (error: any) => error.code === 'VALIDATION_FAILED',
    );
  });

  it('meets the 10% minimum of 2024/25 with exactly 10% STEM, and misses 15% in 2025/26', () => {
    const programmes = [programme('AT', 100_00), programme('AK', 900_00)];
    expect(stemShare(programmes, '2024/2025')).toStrictEqual({
      schoolYear: '2024/2025',
      totalCents: 1000_00,
      stemCents: 100_00,
      stemPercent: 10,
      minimumPercent: 10,
      meetsMinimum: true,
    });
    const next = stemShare(programmes, '2025/2026');
    expect(next.minimumPercent).toBe(15);
    expect(next.meetsMinimum).toBe(false);
    expect(stemShare(programmes, '2026/2027').minimumPercent).toBe(20);
  });

  it('keeps the 20% minimum from 2026/27 on (source 000: "no 2026./2027. mācību gada"), and has none before 2024/25', () => {
    for (const year of ['2027/2028', '2030/2031']) expect(stemShare([programme('AT', 1)], year).minimumPercent).toBe(20);
    expect(stemShare([programme('AT', 1, '2020-09-01')], '2023/2024').minimumPercent).toBe(null);
  });

  it('misses the minimum by a fraction of a percent even when the rounded share looks equal', () => {
    const share = stemShare([programme('AT', 9_999), programme('AS', 90_001)], '2024/2025');
    expect(share.stemPercent).toBe(10);
    expect(share.meetsMinimum).toBe(false);
  });

  it('counts only programmes running during the year, and has no verdict without subsidy', () => {
    const programmes = [programme('AT', 500_00, '2024-09-01', '2025-05-31'), programme('AP', 500_00, '2025-09-01')];
    expect(stemShare(programmes, '2024/2025').stemPercent).toBe(100);
    expect(stemShare(programmes, '2025/2026').stemPercent).toBe(0);
    expect(stemShare([], '2024/2025')).toStrictEqual({
      schoolYear: '2024/2025',
      totalCents: 0,
      stemCents: 0,
      stemPercent: null,
      minimumPercent: 10,
      meetsMinimum: null,
    });
  });

  it('reports every year with a minimum and every year a programme runs in', () => {
    expect(reportYears([programme('AK', 1, '2023-09-01', '2024-05-31')], '2025/2026')).toStrictEqual([
      '2023/2024',
      '2024/2025',
      '2025/2026',
    ]);
    expect(reportYears([], '2027/2028')).toStrictEqual(['2024/2025', '2025/2026', '2026/2027', '2027/2028']);
  });
});
