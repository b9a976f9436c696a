import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CLASSIFIER_ENTRIES, INTEREST_AREAS, RETIRED_CLASSIFIER_VALID_TO } from '../interestClassifier';
import { INTERNATIONAL_PROGRAMMES, SPECIAL_NEEDS_CATEGORIES_2024 } from '../licenceKinds';
import { STEM_SHARE_MINIMUMS } from '../stemSubsidyShare';

/** The source facts copied into the repository (docs/reference, with their sources). */
const reference = (file: string) => new URL(`../../../../../docs/reference/${file}`, import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(reference(file), 'utf8'));

describe('reference data copied into the service', () => {
  it('matches the areas and sub-areas of interest-education-classifier.json', () => {
    const facts = readJson('interest-education-classifier.json');
    expect(INTEREST_AREAS.map(({ code, labelLv, labelEn }) => ({ code, lv: labelLv, en: labelEn }))).toStrictEqual(facts.areas);
    const current = CLASSIFIER_ENTRIES.filter((entry) => entry.validTo === null);
    expect(current.map(({ area, labelLv, labelEn, validFrom }) => ({ area, lv: labelLv, en: labelEn, validFrom }))).toStrictEqual(
      facts.subAreas,
    );
    expect(RETIRED_CLASSIFIER_VALID_TO).toBe(facts.retired.validTo);
    assert.ok(CLASSIFIER_ENTRIES.filter((entry) => entry.validTo !== null).every((entry) => entry.validTo === facts.retired.validTo));
  });

  it('matches the STEM minimums of state-significance-centres.json', () => {
    expect(STEM_SHARE_MINIMUMS).toStrictEqual(readJson('state-significance-centres.json').stemShareOfTargetedSubsidy);
  });

  it('matches the special-needs categories and IB programmes of registers-2024.json', () => {
    const facts = readJson('registers-2024.json').licensing2024;
    expect(SPECIAL_NEEDS_CATEGORIES_2024.map((category) => category.en)).toStrictEqual(facts.specialNeedsProgrammeCategories);
    expect(INTERNATIONAL_PROGRAMMES.map((programme) => programme.en)).toStrictEqual(facts.internationalProgrammes);
  });
});
