import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { KafkaMessage } from 'kafkajs';
import { registryInstitutionChangeSchema, type RegistryInstitutionState } from '@eq/subscriber-kit';
import { decodeData, decodeEnvelope, InvalidMessageError } from '../subscriber-kit/src/invalidMessage';
import { schoolRowFor } from '../subscriber-kit/examples/municipalitySchools';
import { registryInstitutionState } from './support/fixtures';

const message = (value: string | null) =>
  ({ key: null, value: value === null ? null : Buffer.from(value), offset: '0' }) as unknown as KafkaMessage;
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
    expect(kindOf(() => decodeEnvelope(message('{ nope')))).toBe('not-json');
    expect(kindOf(() => decodeEnvelope(message(null)))).toBe('not-json');
    expect(kindOf(() => decodeEnvelope(message(JSON.stringify({ ...event({}), specversion: '0.3' }))))).toBe('not-cloudevent');
    const envelope = decodeEnvelope(message(JSON.stringify(event({ state: { id: 'x' }, changedFields: [] }))));
    expect(kindOf(() => decodeData(envelope, registryInstitutionChangeSchema))).toBe('invalid-data');
  });

  it('reads tolerantly: a field the registry adds later is dropped, not a dead letter', () => {
    const state = { ...registryInstitutionState(), addedLater: 'x' };
    const decoded = decodeData(
      decodeEnvelope(message(JSON.stringify(event({ state, changedFields: ['name'] })))),
      registryInstitutionChangeSchema,
    );
    expect(decoded.data.state.name).toBe(state.name);
    expect('addedLater' in decoded.data.state).toBe(false);
  });
});

describe('example municipality subscriber: which institutions are its schools', () => {
  /** The shared fixture, typed as the kit's contract (its enums are plain strings in @eq/shared). */
  const ours = {
    ...(registryInstitutionState() as unknown as RegistryInstitutionState),
    founder: { kind: 'MUNICIPALITY' as const, name: 'Cēsu novada pašvaldība', municipality: 'Cēsu novads' },
  };

  it('lists registered and liquidated schools the municipality founds, and nothing else', () => {
    expect(schoolRowFor(ours, 'Cēsu novads')?.id).toBe(ours.id);
    expect(schoolRowFor({ ...ours, status: 'LIQUIDATED', liquidatedOn: '2024-09-30' }, 'Cēsu novads')?.liquidatedOn).toBe('2024-09-30');
    expect(schoolRowFor({ ...ours, status: 'PENDING' }, 'Cēsu novads')).toBe(null);
    expect(schoolRowFor({ ...ours, status: 'REFUSED' }, 'Cēsu novads')).toBe(null);
    expect(schoolRowFor(ours, 'Rīga')).toBe(null);
    expect(schoolRowFor({ ...ours, founder: { kind: 'STATE', name: 'IZM', municipality: null } }, 'Cēsu novads')).toBe(null);
  });
});
