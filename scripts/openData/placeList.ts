/**
 * Implementation places in one CSV cell: `address|municipality|PLANNING_REGION` per place,
 * places joined by `;`. Addresses carry commas (the CSV quoting handles those) and may carry
 * anything else, so a `\`, `|` or `;` inside a value is escaped with a backslash. A reader that
 * ignores escapes still gets every ordinary address right.
 */

export interface PlaceCell {
  address: string;
  municipality: string;
  planningRegion: string;
}

const escape = (value: string) => value.replace(/[\\|;]/g, (char) => `\\${char}`);

export function formatPlaceList(places: readonly PlaceCell[]): string {
  return places.map((place) => [place.address, place.municipality, place.planningRegion].map(escape).join('|')).join(';');
}

/** The places in a cell, each as its unescaped parts (validation of the parts is the caller's). */
export function parsePlaceList(cell: string): string[][] {
  const places: string[][] = [];
  if (cell.trim() === '') return places;
  let parts: string[] = [];
  let part = '';
  for (let i = 0; i < cell.length; i += 1) {
    const char = cell[i]!;
    if (char === '\\' && i + 1 < cell.length) {
      part += cell[i + 1];
      i += 1;
    } else if (char === '|') {
      parts.push(part);
      part = '';
    } else if (char === ';') {
      parts.push(part);
      places.push(parts);
      parts = [];
      part = '';
    } else {
      part += char;
    }
  }
  parts.push(part);
  places.push(parts);
  return places;
}
