import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import { validateActivityDraft, type ActivityDraftInput } from '../activityDraft';

const draft = (overrides: Partial<ActivityDraftInput> = {}): ActivityDraftInput => ({
  title: '  Ķīmija   virtuvē ',
  description: 'Eksperimenti ar ikdienas vielām.\n\nLīdzi nekas nav jāņem.',
  fields: ['CHEMISTRY', 'BIOLOGY'],
  gradeBands: ['GRADES_7_9', 'GRADES_4_6'],
  format: 'AT_PROVIDER',
  durationMinutes: 90,
  language: 'LV',
  municipality: ' Cēsis ',
  planningRegion: 'VIDZEME',
  maxGroupSize: 30,
  ...overrides,
});

const failsOn = (field: string) => (error: unknown) =>
  error instanceof DomainError && error.code === ErrorCode.VALIDATION_FAILED && error.details.field === field;

describe('validateActivityDraft', () => {
  it('normalises text, language and the order of fields and grade bands', () => {
    const valid = validateActivityDraft(draft());
    expect(valid.title).toBe('Ķīmija virtuvē');
    expect(valid.description).toBe('Eksperimenti ar ikdienas vielām.\n\nLīdzi nekas nav jāņem.');
    expect(valid.fields).toStrictEqual(['CHEMISTRY', 'BIOLOGY']);
    expect(valid.gradeBands).toStrictEqual(['GRADES_4_6', 'GRADES_7_9']);
    expect(valid.language).toBe('lv');
    expect(valid.municipality).toBe('Cēsis');
    expect(valid.curriculumLink).toBe(null);
    expect(valid.accessibility).toBe(null);
  });

  it('drops repeated fields', () => {
    expect(validateActivityDraft(draft({ fields: ['PHYSICS', 'PHYSICS'] })).fields).toStrictEqual(['PHYSICS']);
  });

  it('refuses an activity with no field or no grade band', () => {
    assert.throws(() => validateActivityDraft(draft({ fields: [] })), failsOn('fields'));
    assert.throws(() => validateActivityDraft(draft({ gradeBands: [] })), failsOn('gradeBands'));
  });

  it('refuses an unknown field or grade band', () => {
    assert.throws(() => validateActivityDraft(draft({ fields: ['ASTROLOGY'] })), failsOn('fields'));
    assert.throws(() => validateActivityDraft(draft({ gradeBands: ['GRADES_13_14'] })), failsOn('gradeBands'));
  });

  it('refuses a zero, negative or oversized group and a duration out of bounds', () => {
    for (const maxGroupSize of [0, -5, 1001, 2.5])
      assert.throws(() => validateActivityDraft(draft({ maxGroupSize })), failsOn('maxGroupSize'));
    for (const durationMinutes of [0, 14, 721])
      assert.throws(() => validateActivityDraft(draft({ durationMinutes })), failsOn('durationMinutes'));
  });

  it('refuses a blank or too short title and a blank description', () => {
    assert.throws(() => validateActivityDraft(draft({ title: '  ' })), failsOn('title'));
    assert.throws(() => validateActivityDraft(draft({ title: 'ab' })), failsOn('title'));
    assert.throws(() => validateActivityDraft(draft({ description: ' ' })), failsOn('description'));
  });

  it('needs an ISO 639-1 language code', () => {
    assert.throws(() => validateActivityDraft(draft({ language: 'latvian' })), failsOn('language'));
  });

  it('needs a municipality and region for an activity held in person, not for an online one', () => {
    assert.throws(() => validateActivityDraft(draft({ municipality: null })), failsOn('municipality'));
    assert.throws(() => validateActivityDraft(draft({ format: 'AT_SCHOOL', planningRegion: null })), failsOn('planningRegion'));
    const online = validateActivityDraft(draft({ format: 'ONLINE', municipality: '', planningRegion: null }));
    expect(online.municipality).toBe(null);
    expect(online.planningRegion).toBe(null);
  });
});
