import { describe, expect, it } from '@jest/globals';
import { municipalityOverview } from '../learnerCountOverview';

const institution = (id: string, name: string, type = 'BASIC_SCHOOL', status = 'ACTIVE') => ({ id, name, type, status });

describe("a founder's overview of its institutions' learner counts", () => {
  const institutions = [
    institution('1', 'Ziemeļu pamatskola'),
    institution('2', 'Ābeļu sākumskola', 'PRIMARY_SCHOOL'),
    institution('3', 'Centra pirmsskola', 'PRESCHOOL'),
    institution('4', 'Mūzikas skola', 'PROFESSIONAL_ORIENTATION_MUSIC'),
    institution('5', 'Bērnu un jauniešu centrs', 'INTEREST_EDUCATION'),
    institution('6', 'Slēgtā skola', 'BASIC_SCHOOL', 'LIQUIDATED'),
  ];
  const reports = [
    { institutionId: '1', status: 'APPROVED' as const, total: 200 },
    { institutionId: '2', status: 'DRAFT' as const, total: 50 },
    { institutionId: '5', status: 'LOCKED' as const, total: 10 },
  ];

  it('lists every active reporting institution (MISSING without a report) and any that filed one, in Latvian name order', () => {
    const overview = municipalityOverview(institutions, reports);
    expect(overview.lines.map((line) => [line.institution.name, line.status])).toStrictEqual([
      ['Ābeļu sākumskola', 'DRAFT'],
      ['Bērnu un jauniešu centrs', 'LOCKED'],
      ['Centra pirmsskola', 'MISSING'],
      ['Ziemeļu pamatskola', 'APPROVED'],
    ]);
    expect(overview.lines.find((line) => line.status === 'MISSING')?.report).toBeNull();
  });

  it('counts institutions per status and adds up learners, approved ones apart', () => {
    const overview = municipalityOverview(institutions, reports);
    expect(overview.countsByStatus).toStrictEqual({ MISSING: 1, DRAFT: 1, CONFIRMED: 0, APPROVED: 1, LOCKED: 1 });
    expect(overview.reportedTotal).toBe(260);
    expect(overview.approvedTotal).toBe(210);
  });

  it('is empty for a municipality that founded nothing', () => {
    expect(municipalityOverview([], [])).toStrictEqual({
      lines: [],
      countsByStatus: { MISSING: 0, DRAFT: 0, CONFIRMED: 0, APPROVED: 0, LOCKED: 0 },
      reportedTotal: 0,
      approvedTotal: 0,
    });
  });
});
