import { describe, expect, it } from '@jest/globals';
import { strayEnumLabels, unlabelledEnumValues } from '@eq/shared/enumLabels';
import { readSubgraphSdl } from '@eq/shared/subgraphSdl';
import { CATALOGUE_ENUM_LABELS } from '../enumLabels';

describe('catalogue enum labels', () => {
  const sdl = readSubgraphSdl('catalogue');

  it('gives every enum value of the catalogue schema a non-empty Latvian label', () => {
    expect(unlabelledEnumValues(sdl, CATALOGUE_ENUM_LABELS)).toEqual([]);
  });

  it('labels no enum value the catalogue schema does not declare', () => {
    expect(strayEnumLabels(sdl, CATALOGUE_ENUM_LABELS)).toEqual([]);
  });
});
