import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { KafkaMessage } from 'kafkajs';
import { registryInstitutionChangeSchema, type RegistryInstitutionState } from '@eq/subscriber-kit';
import { decodeData, decodeEnvelope, InvalidMessageError } from '../subscriber-kit/src/invalidMessage';
import { schoolRowFor } from '../subscriber-kit/examples/municipalitySchools';
import { registryInstitutionState } from './support/fixtures';

const message = (value: string | null) => ({ key: null, value: value === null ? null : Buffer.from(value), offset: '0' }) as unknown as KafkaMessage;
const event = (data: unknown) => ({
  specversion: '1.0',
  id: randomUUID(),
  source: '/registry',
  type: 'registry.institution.amended',
  subject: randomUUID(),
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  data,
});
const kindOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof InvalidMessageError ? error.kind : `unexpected ${String(error)}`;
  }
  return 'accepted';
};

describe('subscriber kit: telling valid events from dead letters', () => {
  it('names why a message is invalid: not JSON, not a CloudEvent, or data that breaks its schema', () => {
    assert.equal(kindOf(() => decodeEnvelope(message('{ nope'))), 'not-json');
    assert.equal(kindOf(() => decodeEnvelope(message(null))), 'not-json');
    assert.equal(kindOf(() => decodeEnvelope(message(JSON.stringify({ ...event({}), specversion: '0.3' })))), 'not-cloudevent');
    const envelope = decodeEnvelope(message(JSON.stringify(event({ state: { id: 'x' }, changedFields: [] }))));
    assert.equal(kindOf(() => decodeData(envelope, registryInstitutionChangeSchema)), 'invalid-data');
  });

  it('reads tolerantly: a field the registry adds later is dropped, not a dead letter', () => {
    const state = { ...registryInstitutionState(), addedLater: 'x' };
    const decoded = decodeData(decodeEnvelope(message(JSON.stringify(event({ state, changedFields: ['name'] })))), registryInstitutionChangeSchema);
    assert.equal(decoded.data.state.name, state.name);
    assert.equal('addedLater' in decoded.data.state, false);
  });
});

describe('example municipality subscriber: which institutions are its schools', () => {
  /** The shared fixture, typed as the kit's contract (its enums are plain strings in @eq/shared). */
  const ours = { ...(registryInstitutionState() as unknown as RegistryInstitutionState), founder: { kind: 'MUNICIPALITY' as const, name: 'Cēsu novada pašvaldība', municipality: 'Cēsu novads' } };

  it('lists registered and liquidated schools the municipality founds, and nothing else', () => {
    assert.equal(schoolRowFor(ours, 'Cēsu novads')?.id, ours.id);
    assert.equal(schoolRowFor({ ...ours, status: 'LIQUIDATED', liquidatedOn: '2024-09-30' }, 'Cēsu novads')?.liquidatedOn, '2024-09-30');
    assert.equal(schoolRowFor({ ...ours, status: 'PENDING' }, 'Cēsu novads'), null, 'an application is not a school yet');
    assert.equal(schoolRowFor({ ...ours, status: 'REFUSED' }, 'Cēsu novads'), null);
    assert.equal(schoolRowFor(ours, 'Rīga'), null, 'another municipality\'s school');
    assert.equal(schoolRowFor({ ...ours, founder: { kind: 'STATE', name: 'IZM', municipality: null } }, 'Cēsu novads'), null, 'a state school');
  });
});
