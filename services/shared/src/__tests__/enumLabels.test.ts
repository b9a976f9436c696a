import { describe, expect, it } from '@jest/globals';
import { enumLabelList, strayEnumLabels, unlabelledEnumValues } from '../enumLabels';

const sdl = /* GraphQL */ `
  enum Colour {
    RED
    GREEN
  }
  extend enum Colour {
    BLUE
  }
`;

describe('enum labels', () => {
  it('flattens a table into the list the label queries serve, with null for a missing English label', () => {
    expect(enumLabelList({ Colour: { RED: { lv: 'Sarkana', en: 'Red' }, GREEN: { lv: 'Zaļa' } } })).toEqual([
      { enum: 'Colour', value: 'RED', labelLv: 'Sarkana', labelEn: 'Red' },
      { enum: 'Colour', value: 'GREEN', labelLv: 'Zaļa', labelEn: null },
    ]);
  });

  it('finds enum values without a label, or with a blank one, extensions included', () => {
    expect(unlabelledEnumValues(sdl, { Colour: { RED: { lv: 'Sarkana' }, GREEN: { lv: '  ' } } })).toEqual(['Colour.GREEN', 'Colour.BLUE']);
  });

  it('finds labels for values the schema does not declare', () => {
    expect(strayEnumLabels(sdl, { Colour: { RED: { lv: 'Sarkana' } }, Shape: { ROUND: { lv: 'Apaļa' } } })).toEqual(['Shape.ROUND']);
  });
});
