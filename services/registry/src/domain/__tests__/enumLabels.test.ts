import { describe, expect, it } from '@jest/globals';
import { strayEnumLabels, unlabelledEnumValues } from '@eq/shared/enumLabels';
import { readSubgraphSdl } from '@eq/shared/subgraphSdl';
import { REGISTRY_ENUM_LABELS } from '../enumLabels';

describe('registry enum labels', () => {
  const sdl = readSubgraphSdl('registry');

  it('gives every enum value of the registry schema a non-empty Latvian label', () => {
    expect(unlabelledEnumValues(sdl, REGISTRY_ENUM_LABELS)).toEqual([]);
  });

  it('labels no enum value the registry schema does not declare', () => {
    expect(strayEnumLabels(sdl, REGISTRY_ENUM_LABELS)).toEqual([]);
  });
});
