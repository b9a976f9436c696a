import { describe, expect, it } from '@jest/globals';
import { strayEnumLabels, unlabelledEnumValues } from '@eq/shared/enumLabels';
import { readSubgraphSdl } from '@eq/shared/subgraphSdl';
import { ACCREDITATION_ENUM_LABELS } from '../enumLabels';

describe('accreditation enum labels', () => {
  const sdl = readSubgraphSdl('accreditation');

  it('gives every enum value of the accreditation schema a non-empty Latvian label', () => {
    expect(unlabelledEnumValues(sdl, ACCREDITATION_ENUM_LABELS)).toEqual([]);
  });

  it('labels no enum value the accreditation schema does not declare', () => {
    expect(strayEnumLabels(sdl, ACCREDITATION_ENUM_LABELS)).toEqual([]);
  });
});
