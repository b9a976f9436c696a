import { describe, expect, it } from '@jest/globals';
import { strayEnumLabels, unlabelledEnumValues } from '@eq/shared/enumLabels';
import { readSubgraphSdl } from '@eq/shared/subgraphSdl';
import { PRACTITIONERS_ENUM_LABELS } from '../enumLabels';

describe('practitioners enum labels', () => {
  const sdl = readSubgraphSdl('practitioners');

  it('gives every enum value of the practitioners schema a non-empty Latvian label', () => {
    expect(unlabelledEnumValues(sdl, PRACTITIONERS_ENUM_LABELS)).toEqual([]);
  });

  it('labels no enum value the practitioners schema does not declare', () => {
    expect(strayEnumLabels(sdl, PRACTITIONERS_ENUM_LABELS)).toEqual([]);
  });
});
