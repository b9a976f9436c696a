import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
    assert.equal(first.specversion, '1.0');
    assert.equal(first.datacontenttype, 'application/json');
    assert.equal(first.time, '2024-09-30T10:00:00.000Z');
    assert.match(first.id, /^[0-9a-f-]{36}$/);
    assert.notEqual(event().id, first.id);
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
    assert.deepEqual(cloudEventSchema.parse(JSON.parse(JSON.stringify(made))), made);
  });

  it('accepts event types with hyphens and times with an offset', () => {
    assert.equal(cloudEventSchema.safeParse({ ...event(), type: 'registry.learner-counts.reported' }).success, true);
    assert.equal(cloudEventSchema.safeParse({ ...event(), time: '2024-09-30T12:00:00+02:00' }).success, true);
  });

  it('refuses event types not of the form <service>.<aggregate>.<verb>', () => {
    for (const type of ['registry.institution', 'Registry.Institution.Liquidated', 'registry.institution.v1.liquidated', 'registry.institution.liquidated2', '']) {
      assert.equal(cloudEventSchema.safeParse({ ...event(), type }).success, false, type);
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
    for (const candidate of invalid) assert.equal(cloudEventSchema.safeParse(candidate).success, false, JSON.stringify(candidate));
  });

  it('leaves data as it is, whatever its shape', () => {
    for (const data of [null, 42, 'text', [1, 2], { nested: { deep: true } }]) {
      assert.deepEqual(cloudEventSchema.parse({ ...event(), data }).data, data);
    }
  });
});
