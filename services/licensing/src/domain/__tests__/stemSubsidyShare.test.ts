import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { parseStemMinimums, reportYears, schoolYearBounds, schoolYearOf, stemShare, termsForYear } from '../stemSubsidyShare';

const programme = (areaCode: string | null, annualTargetedSubsidyCents: number, startsOn = '2024-09-01', endsOn: string | null = null) => ({
  startsOn,
  endsOn,
  versions: [{ validFrom: startsOn, validTo: endsOn, areaCode, annualTargetedSubsidyCents }],
});
const noLearners = { learners: 0, stemLearners: 0, stemLearnerPercent: null, programmesWithoutLearners: 0 };

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
      ...noLearners,
      programmesWithoutLearners: 2,
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
      ...noLearners,
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

  it('takes the minimums from configuration: one per year, each holding until the next', () => {
    const minimums = parseStemMinimums(' 2027/2028=25, 2025/2026=12.5 ');
    expect(minimums).toStrictEqual([
      { schoolYear: '2025/2026', minimumPercent: 12.5 },
      { schoolYear: '2027/2028', minimumPercent: 25 },
    ]);
    const share = (year: string) => stemShare([programme('AT', 1)], year, { minimums }).minimumPercent;
    expect([share('2024/2025'), share('2026/2027'), share('2027/2028'), share('2031/2032')]).toStrictEqual([null, 12.5, 25, 25]);
    expect(reportYears([], '2026/2027', minimums)).toStrictEqual(['2025/2026', '2026/2027']);
    expect(reportYears([], '2026/2027', parseStemMinimums(''))).toStrictEqual([]);
    for (const bad of ['2026/2028=20', '2026/2027=120', '2026/2027=', '2026/2027=x', '2026/2027=20,2026/2027=25'])
      assert.throws(() => parseStemMinimums(bad), Error, bad);
  });

  it('shows the default 20% minimum for 2027/28', () => {
    expect(stemShare([programme('AK', 100_00)], '2027/2028')).toMatchObject({ minimumPercent: 20, meetsMinimum: false });
  });

  it('counts a programme with the terms in force on 1 September: reclassified to STEM from then on, not before', () => {
    const reclassified = {
      startsOn: '2023-09-01',
      endsOn: null,
      versions: [
        { validFrom: '2023-09-01', validTo: '2025-08-31', areaCode: 'AK', annualTargetedSubsidyCents: 300_00 },
        { validFrom: '2025-09-01', validTo: '2026-01-31', areaCode: 'AT', annualTargetedSubsidyCents: 300_00 },
        { validFrom: '2026-02-01', validTo: null, areaCode: 'AT', annualTargetedSubsidyCents: 500_00 },
      ],
    };
    const others = [programme('AS', 700_00, '2023-09-01')];
    expect(stemShare([reclassified, ...others], '2024/2025')).toMatchObject({ stemCents: 0, stemPercent: 0 });
    expect(stemShare([reclassified, ...others], '2025/2026')).toMatchObject({ totalCents: 1000_00, stemCents: 300_00, stemPercent: 30 });
    // The amendment of February 2026 counts from the next school year.
    expect(stemShare([reclassified, ...others], '2026/2027')).toMatchObject({ totalCents: 1200_00, stemCents: 500_00 });
  });

  it('takes the first day of a programme that starts after 1 September', () => {
    const late = {
      startsOn: '2025-01-10',
      endsOn: null,
      versions: [
        { validFrom: '2025-01-10', validTo: '2025-03-31', areaCode: 'AK', annualTargetedSubsidyCents: 100_00 },
        { validFrom: '2025-04-01', validTo: null, areaCode: 'AT', annualTargetedSubsidyCents: 100_00 },
      ],
    };
    expect(termsForYear(late, '2024/2025')?.areaCode).toBe('AK');
    expect(termsForYear(late, '2025/2026')?.areaCode).toBe('AT');
    expect(termsForYear(late, '2023/2024')).toBe(null);
  });

  it("reports STEM's share of the learners beside the subsidy share, without weighting the subsidy by them", () => {
    const stem = { ...programme('AT', 100_00), learners: { '2024/2025': 30 } };
    const music = { ...programme('AK', 900_00), learners: { '2024/2025': 70 } };
    const unreported = programme('AS', 0);
    expect(stemShare([stem, music, unreported], '2024/2025')).toMatchObject({
      stemPercent: 10,
      learners: 100,
      stemLearners: 30,
      stemLearnerPercent: 30,
      programmesWithoutLearners: 1,
    });
    expect(stemShare([stem, music], '2025/2026')).toMatchObject({ learners: 0, stemLearnerPercent: null, programmesWithoutLearners: 2 });
  });
});
