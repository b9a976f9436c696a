import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { QUALITY_CATEGORIES, QUALITY_LEVELS } from '../qualityScale';
import { ACCREDITATION_REGULATION } from '../regulation';
import { DEFAULT_TERM_POLICY } from '../termPolicy';

/** The shared reference folder sits beside the repository; when it is absent these checks skip. */
const reference = (file: string) => new URL(`../../../../../../shared/reference/${file}`, import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(reference(file), 'utf8'));

describe('reference data copied into the service', () => {
  it('matches the quality scale of quality-assessment.json', { skip: !existsSync(reference('quality-assessment.json')) }, () => {
    const facts = readJson('quality-assessment.json');
    assert.deepEqual(QUALITY_CATEGORIES.map(({ code, labelLv }) => ({ code, lv: labelLv })), facts.categories);
    assert.deepEqual(QUALITY_LEVELS.map(({ code, labelLv, rank }) => ({ code, lv: labelLv, rank })), facts.levels);
  });

  it('matches the accreditation figures of rules.json', { skip: !existsSync(reference('rules.json')) }, () => {
    const facts = readJson('rules.json').accreditation;
    assert.equal(ACCREDITATION_REGULATION.maximumTermYears, facts.maximumTermYears);
    assert.equal(ACCREDITATION_REGULATION.applicationDueMonthsBeforeExpiry, facts.applicationDueMonthsBeforeExpiry);
    assert.equal(ACCREDITATION_REGULATION.maximumExtensionYears, facts.extensionDuringReorganisationOrBuildingWorksMaxYears);
  });

  it('gives no default term longer than the regulation allows', () => {
    for (const years of Object.values(DEFAULT_TERM_POLICY.termYearsByLowestLevel)) {
      assert.ok(years === null || years <= ACCREDITATION_REGULATION.maximumTermYears);
    }
  });
});
