import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CLASSIFIER_ENTRIES, INTEREST_AREAS, RETIRED_CLASSIFIER_VALID_TO } from '../interestClassifier';
import { INTERNATIONAL_PROGRAMMES, SPECIAL_NEEDS_CATEGORIES } from '../licenceKinds';
import { STEM_SHARE_MINIMUMS } from '../stemSubsidyShare';

/** The shared reference folder sits beside the repository; when it is absent these checks skip. */
const reference = (file: string) => new URL(`../../../../../../shared/reference/${file}`, import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(reference(file), 'utf8'));

describe('reference data copied into the service', () => {
  it('matches the areas and sub-areas of interest-education-classifier.json', { skip: !existsSync(reference('interest-education-classifier.json')) }, () => {
    const facts = readJson('interest-education-classifier.json');
    assert.deepEqual(INTEREST_AREAS.map(({ code, labelLv, labelEn }) => ({ code, lv: labelLv, en: labelEn })), facts.areas);
    const current = CLASSIFIER_ENTRIES.filter((entry) => entry.validTo === null);
    assert.deepEqual(current.map(({ area, labelLv, labelEn, validFrom }) => ({ area, lv: labelLv, en: labelEn, validFrom })), facts.subAreas);
    assert.equal(RETIRED_CLASSIFIER_VALID_TO, facts.retired.validTo);
    assert.ok(CLASSIFIER_ENTRIES.filter((entry) => entry.validTo !== null).every((entry) => entry.validTo === facts.retired.validTo));
  });

  it('matches the STEM minimums of state-significance-centres.json', { skip: !existsSync(reference('state-significance-centres.json')) }, () => {
    assert.deepEqual(STEM_SHARE_MINIMUMS, readJson('state-significance-centres.json').stemShareOfTargetedSubsidy);
  });

  it('matches the special-needs categories and IB programmes of registers-2024.json', { skip: !existsSync(reference('registers-2024.json')) }, () => {
    const facts = readJson('registers-2024.json').licensing2024;
    assert.deepEqual(SPECIAL_NEEDS_CATEGORIES.map((category) => category.en), facts.specialNeedsProgrammeCategories);
    assert.deepEqual(INTERNATIONAL_PROGRAMMES.map((programme) => programme.en), facts.internationalProgrammes);
  });
});
