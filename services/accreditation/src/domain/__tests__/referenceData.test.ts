import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { QUALITY_CATEGORIES, QUALITY_LEVELS } from '../qualityScale';
import { ACCREDITATION_REGULATION } from '../regulation';
import { DEFAULT_TERM_POLICY } from '../termPolicy';

/** The source facts copied into the repository (docs/reference, with their sources). */
const reference = (file: string) => new URL(`../../../../../docs/reference/${file}`, import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(reference(file), 'utf8'));

describe('reference data copied into the service', () => {
  it('matches the quality scale of quality-assessment.json', () => {
    const facts = readJson('quality-assessment.json');
    expect(QUALITY_CATEGORIES.map(({ code, labelLv }) => ({ code, lv: labelLv }))).toStrictEqual(facts.categories);
    expect(QUALITY_LEVELS.map(({ code, labelLv, rank }) => ({ code, lv: labelLv, rank }))).toStrictEqual(facts.levels);
  });

  it('matches the accreditation figures of rules.json', () => {
    const facts = readJson('rules.json').accreditation;
    expect(ACCREDITATION_REGULATION.maximumTermYears).toBe(facts.maximumTermYears);
    expect(ACCREDITATION_REGULATION.applicationDueMonthsBeforeExpiry).toBe(facts.applicationDueMonthsBeforeExpiry);
    expect(ACCREDITATION_REGULATION.maximumExtensionYears).toBe(facts.extensionDuringReorganisationOrBuildingWorksMaxYears);
  });

  it('gives no default term longer than the regulation allows', () => {
    for (const years of Object.values(DEFAULT_TERM_POLICY.termYearsByLowestLevel)) {
      assert.ok(years === null || years <= ACCREDITATION_REGULATION.maximumTermYears);
    }
  });
});
