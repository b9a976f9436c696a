import { describe, expect, it } from '@jest/globals';
import { strayEnumLabels, unlabelledEnumValues } from '@eq/shared/enumLabels';
import { readSubgraphSdl } from '@eq/shared/subgraphSdl';
import { LICENSING_ENUM_LABELS } from '../enumLabels';

describe('licensing enum labels', () => {
  const sdl = readSubgraphSdl('licensing');

  it('gives every enum value of the licensing schema a non-empty Latvian label', () => {
    expect(unlabelledEnumValues(sdl, LICENSING_ENUM_LABELS)).toEqual([]);
  });

  it('labels no enum value the licensing schema does not declare', () => {
    expect(strayEnumLabels(sdl, LICENSING_ENUM_LABELS)).toEqual([]);
  });
});
