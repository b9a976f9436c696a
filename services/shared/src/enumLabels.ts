import { type DirectiveNode, Kind, parse } from 'graphql';

/** The Latvian label of one enum value (and, where we have one, the English). */
export interface EnumLabelText {
  readonly lv: string;
  readonly en?: string;
}

/** One subgraph's labels: for each of its enums, every value's label. */
export type EnumLabelTable = Readonly<Record<string, Readonly<Record<string, EnumLabelText>>>>;

/** The `EnumLabel` value type every subgraph serves (`schema/<name>.enumLabels.graphql`). */
export interface EnumLabel {
  enum: string;
  value: string;
  labelLv: string;
  labelEn: string | null;
}

/** Labels given as Latvian text only (the existing `CODE: 'label'` constants), as label texts. */
export function latvianOnly<K extends string>(labels: Readonly<Record<K, string>>): Record<K, EnumLabelText> {
  return Object.fromEntries(Object.entries<string>(labels).map(([code, lv]) => [code, { lv }])) as Record<K, EnumLabelText>;
}

/** A label table as the flat list a `<subgraph>EnumLabels` query returns, in table order. */
export function enumLabelList(table: EnumLabelTable): EnumLabel[] {
  return Object.entries(table).flatMap(([enumName, values]) =>
    Object.entries(values).map(([value, { lv, en }]) => ({ enum: enumName, value, labelLv: lv, labelEn: en ?? null })),
  );
}

const INACCESSIBLE = new Set(['inaccessible', 'federation__inaccessible']);
const isPublic = (node: { directives?: readonly DirectiveNode[] }) => !node.directives?.some(({ name }) => INACCESSIBLE.has(name.value));

/**
 * Every value of every enum an SDL declares that reaches the public API, as `Enum.VALUE`:
 * `@inaccessible` enums and values (e.g. the `CacheControlScope` of our cache hints) are left out.
 */
export function enumValuesOfSdl(sdl: string): string[] {
  return parse(sdl).definitions.flatMap((definition) =>
    (definition.kind === Kind.ENUM_TYPE_DEFINITION || definition.kind === Kind.ENUM_TYPE_EXTENSION) && isPublic(definition)
      ? (definition.values ?? []).filter(isPublic).map(({ name }) => `${definition.name.value}.${name.value}`)
      : [],
  );
}

/**
 * The enum values of an SDL that a label table leaves without a non-empty Latvian label, as
 * `Enum.VALUE`: each service's unit test asserts there are none, so a value added to the schema
 * without its label fails the test suite.
 */
export function unlabelledEnumValues(sdl: string, table: EnumLabelTable): string[] {
  const labelled = new Set(
    enumLabelList(table)
      .filter(({ labelLv }) => labelLv.trim() !== '')
      .map((label) => `${label.enum}.${label.value}`),
  );
  return enumValuesOfSdl(sdl).filter((key) => !labelled.has(key));
}

/** The labels of a table for enum values the SDL does not declare (stale after a schema change). */
export function strayEnumLabels(sdl: string, table: EnumLabelTable): string[] {
  const declared = new Set(enumValuesOfSdl(sdl));
  return enumLabelList(table)
    .map((label) => `${label.enum}.${label.value}`)
    .filter((key) => !declared.has(key));
}

/**
 * Latvia's five planning regions (plānošanas reģioni, Reģionālās attīstības likums), an enum
 * both the registry and the catalogue declare: one table, so both serve the same labels.
 */
export const PLANNING_REGION_LABELS = Object.freeze({
  RIGA: { lv: 'Rīgas plānošanas reģions', en: 'Riga planning region' },
  VIDZEME: { lv: 'Vidzemes plānošanas reģions', en: 'Vidzeme planning region' },
  KURZEME: { lv: 'Kurzemes plānošanas reģions', en: 'Kurzeme planning region' },
  ZEMGALE: { lv: 'Zemgales plānošanas reģions', en: 'Zemgale planning region' },
  LATGALE: { lv: 'Latgales plānošanas reģions', en: 'Latgale planning region' },
} satisfies Record<string, EnumLabelText>);
