import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@eq/shared';
import { loadCatalogueOptions } from '../catalogueOptions';

describe('loadCatalogueOptions', () => {
  it("keeps sessions' availability cacheable for 5 s by default, as configured otherwise, and never when 0", () => {
    expect(loadCatalogueOptions({}).availabilityMaxAgeSeconds).toBe(5);
    expect(loadCatalogueOptions({ CATALOGUE_AVAILABILITY_MAX_AGE: '30' }).availabilityMaxAgeSeconds).toBe(30);
    expect(loadCatalogueOptions({ CATALOGUE_AVAILABILITY_MAX_AGE: '0' }).availabilityMaxAgeSeconds).toBe(0);
  });

  it('refuses an availability max-age that is negative, fractional or over five minutes', () => {
    for (const value of ['-1', '2.5', '301', 'soon']) {
      expect(() => loadCatalogueOptions({ CATALOGUE_AVAILABILITY_MAX_AGE: value })).toThrow(ConfigError);
    }
  });
});
