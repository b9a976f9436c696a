import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@eq/shared';
import { STEM_SHARE_MINIMUMS } from '../domain/stemSubsidyShare';
import { loadLicensingOptions } from '../licensingOptions';

describe('licensing options from the environment', () => {
  it('defaults to the sources’ minimums: 20% from 2026/27 on', () => {
    expect(loadLicensingOptions({}).stemMinimums).toStrictEqual(STEM_SHARE_MINIMUMS);
  });

  it('reads LICENSING_STEM_MINIMUMS per school year, and an empty value as no minimum', () => {
    expect(loadLicensingOptions({ LICENSING_STEM_MINIMUMS: '2026/2027=20,2028/2029=25' }).stemMinimums).toStrictEqual([
      { schoolYear: '2026/2027', minimumPercent: 20 },
      { schoolYear: '2028/2029', minimumPercent: 25 },
    ]);
    expect(loadLicensingOptions({ LICENSING_STEM_MINIMUMS: '' }).stemMinimums).toStrictEqual([]);
  });

  it('refuses a bad value at start, naming the variable', () => {
    assert.throws(
      () => loadLicensingOptions({ LICENSING_STEM_MINIMUMS: '2026/2027=0.2x' }),
      (error: unknown) => error instanceof ConfigError && /LICENSING_STEM_MINIMUMS: "2026\/2027=0.2x"/.test(error.message),
    );
  });
});
