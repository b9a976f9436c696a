/**
 * Semesters of the measure, as a documented policy (the sources name no dates): a school year
 * begins on 1 September; its first (autumn) semester runs to 31 December and its second
 * (spring) semester from 1 January to 31 August. Labels look like `2025/2026-1`.
 */
export interface Semester {
  label: string;
  /** The school year the semester belongs to, as the registry writes it: `2025/2026`. */
  schoolYear: string;
}

/** The semester a Latvian calendar date (YYYY-MM-DD) falls in. */
export function semesterOf(isoDate: string): Semester {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const startYear = month >= 9 ? year : year - 1;
  const schoolYear = `${startYear}/${startYear + 1}`;
  return { schoolYear, label: `${schoolYear}-${month >= 9 ? 1 : 2}` };
}

/** A semester label as the API accepts it, or null. */
export function parseSemesterLabel(value: string): Semester | null {
  const match = /^(\d{4})\/(\d{4})-([12])$/.exec(value.trim());
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return null;
  return { label: value.trim(), schoolYear: `${match[1]}/${match[2]}` };
}
