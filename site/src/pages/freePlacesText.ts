/** "brīvas 12 vietas", in Latvian number agreement (1, 21, 31… take the singular; 11 does not). */
export function freePlacesText(freePlaces: number): string {
  if (freePlaces <= 0) return 'vietu nav';
  const singular = freePlaces % 10 === 1 && freePlaces % 100 !== 11;
  return singular ? `brīva ${freePlaces} vieta` : `brīvas ${freePlaces} vietas`;
}
