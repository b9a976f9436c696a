import { describe, expect, it } from '@jest/globals';
import { activityFilter, catalogueSearchParams, isFiltered, parseCatalogueQuery } from '../catalogue/catalogueQuery';

const parse = (query: string) => parseCatalogueQuery(new URLSearchParams(query));

describe('the catalogue query in the URL', () => {
  it('reads search, facets, filters, order and cursor, and writes them back to the same URL', () => {
    const url =
      'q=robot&joma=COMPUTING&joma=PHYSICS&klases=GRADES_7_9&regions=KURZEME&novads=Liep%C4%81ja&formats=AT_SCHOOL&no=2027-02-01&lidz=2027-02-28&vietas=10&kartot=NEXT_SESSION&pec=abc';
    const { query, ignored } = parse(url);
    expect(ignored).toEqual([]);
    expect(query).toEqual({
      search: 'robot',
      fields: ['COMPUTING', 'PHYSICS'],
      gradeBands: ['GRADES_7_9'],
      region: 'KURZEME',
      municipality: 'Liepāja',
      format: 'AT_SCHOOL',
      from: '2027-02-01',
      to: '2027-02-28',
      minFreePlaces: 10,
      sort: 'NEXT_SESSION',
      after: 'abc',
    });
    expect(catalogueSearchParams(query).toString()).toBe(url);
  });

  it('gives the gateway whole Riga days, in winter and in summer time', () => {
    const { query } = parse('no=2027-02-01&lidz=2027-06-30&vietas=5');
    expect(activityFilter(query)).toEqual({
      sessionsFrom: '2027-02-01T00:00:00+02:00',
      sessionsTo: '2027-06-30T23:59:59.999+03:00',
      minFreePlaces: 5,
    });
  });

  it('leaves out what it cannot read and says so in Latvian, keeping the rest', () => {
    const { query, ignored } = parse('joma=ASTROLOGY&joma=BIOLOGY&regions=MARS&no=31.12.2027&vietas=-3&kartot=RANDOM');
    expect(query.fields).toEqual(['BIOLOGY']);
    expect(query.region).toBeUndefined();
    expect(query.from).toBeUndefined();
    expect(query.minFreePlaces).toBeUndefined();
    expect(query.sort).toBe('TITLE');
    expect(ignored).toEqual([
      'brīvo vietu skaitam jābūt veselam skaitlim no 1 līdz 2000',
      'nezināma joma',
      'nezināms plānošanas reģions',
      'sākuma datums nav datums',
      'nezināms kārtojums',
    ]);
  });

  it('a page with nothing chosen is the whole catalogue, and the next page only adds the cursor', () => {
    const { query } = parse('');
    expect(isFiltered(query)).toBe(false);
    expect(activityFilter(query)).toEqual({});
    expect(catalogueSearchParams(query, { after: 'c1' }).toString()).toBe('pec=c1');
    expect(isFiltered(parse('q=%C4%B7%C4%ABmija').query)).toBe(true);
  });

  it('shortens an overlong search instead of refusing the page', () => {
    const { query, ignored } = parse(`q=${'a'.repeat(250)}`);
    expect(query.search).toHaveLength(200);
    expect(ignored).toEqual(['meklējamais teksts saīsināts līdz 200 zīmēm']);
  });
});
