import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { cloudEventSchema, makeCloudEvent } from '../cloudEvent';

const event = () =>
  makeCloudEvent({
    source: '/services/registry',
    type: 'registry.institution.liquidated',
    subject: '8d0f1c2e-3b4a-4c5d-9e6f-7a8b9c0d1e2f',
    data: { state: { status: 'LIQUIDATED' }, changedFields: ['status'] },
    time: new Date('2024-09-30T10:00:00Z'),
  });

describe('makeCloudEvent', () => {
  it('makes a CloudEvents 1.0 JSON envelope with a fresh id', () => {
    const first = event();
    expect(first.specversion).toBe('1.0');
    expect(first.datacontenttype).toBe('application/json');
    expect(first.time).toBe('2024-09-30T10:00:00.000Z');
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event().id).not.toBe(first.id);
  });

  it('stamps the current time when none is given', () => {
    const before = Date.now();
    const made = makeCloudEvent({ source: 's', type: 'a.b.c', subject: 'x', data: null });
    assert.ok(Date.parse(made.time) >= before && Date.parse(made.time) <= Date.now());
  });
});

describe('cloudEventSchema', () => {
  it('accepts what makeCloudEvent makes, also after a JSON round trip', () => {
    const made = event();
    expect(cloudEventSchema.parse(JSON.parse(JSON.stringify(made)))).toStrictEqual(made);
  });

  it('accepts event types with hyphens and times with an offset', () => {
    expect(cloudEventSchema.safeParse({ ...event(), type: 'registry.learner-counts.reported' }).success).toBe(true);
    expect(cloudEventSchema.safeParse({ ...event(), time: '2024-09-30T12:00:00+02:00' }).success).toBe(true);
  });

  it('refuses event types not of the form <service>.<aggregate>.<verb>', () => {
    for (const type of [
      'registry.institution',
      'Registry.Institution.Liquidated',
      'registry.institution.v1.liquidated',
      'registry.institution.liquidated2',
      '',
    ]) {
      expect(cloudEventSchema.safeParse({ ...event(), type }).success).toBe(false);
    }
  });

  it('refuses other spec versions, content types and missing or empty fields', () => {
    const valid = event();
    const invalid: unknown[] = [
      { ...valid, specversion: '0.3' },
      { ...valid, datacontenttype: 'application/xml' },
      { ...valid, id: '' },
      { ...valid, id: 'x'.repeat(201) },
      { ...valid, subject: '' },
      { ...valid, source: '' },
      { ...valid, time: '2024-09-30' },
      { ...valid, time: 'yesterday' },
      (({ subject: _subject, ...rest }) => rest)(valid),
      null,
      'not an object',
    ];
    for (const candidate of invalid) expect(cloudEventSchema.safeParse(candidate).success).toBe(false);
  });

  it('leaves data as it is, whatever its shape', () => {
    for (const data of [null, 42, 'text', [1, 2], { nested: { deep: true } }]) {
      expect(cloudEventSchema.parse({ ...event(), data }).data).toStrictEqual(data);
    }
  });
});
