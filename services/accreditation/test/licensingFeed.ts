import { randomUUID } from 'node:crypto';
import { makeCloudEvent, Topics, type CloudEvent } from '@eq/shared';
import { Kafka, logLevel, type Producer } from 'kafkajs';

/**
 * Plays licensing's part in accreditation's integration tests: produces licence events to
 * `licensing.licence.v1` as licensing's outbox relay would (CloudEvent JSON, key = licence id),
 * with the state `licenceState` in services/licensing/src/events/out/licenceEvents.ts builds.
 */
export class LicensingFeed {
  private producer?: Producer;

  constructor(private readonly brokers: string[]) {}

  async start(): Promise<this> {
    this.producer = new Kafka({ clientId: 'test-licensing-feed', brokers: this.brokers, logLevel: logLevel.NOTHING }).producer();
    await this.producer.connect();
    return this;
  }

  /** An active general basic-education licence at one of the institution's places. */
  static licence(institutionId: string, place: { id: string; address: string }, overrides: Record<string, unknown> = {}) {
    return {
      id: randomUUID(),
      institutionId,
      programmeCode: '21011111',
      programmeName: 'Pamatizglītības programma',
      level: 'BASIC',
      kind: 'GENERAL',
      specialNeedsCategory: null,
      internationalProgramme: null,
      latvianStudiesPermit: null,
      accreditationProof: null,
      professionalOrientationField: null,
      derivedFromId: null,
      implementationPlace: place,
      implementationPlaces: [{ ...place, addedOn: '2020-08-01' }],
      status: 'ACTIVE',
      issuedOn: '2020-08-01',
      decisionNumber: 'IKVD-L-2020/55',
      lapsedOn: null,
      revokedOn: null,
      endedOn: null,
      continuesId: null,
      continuedById: null,
      ...overrides,
    };
  }

  static event(type: string, state: { id: string }, changedFields: string[]) {
    return makeCloudEvent({ source: '/licensing', type, subject: state.id, data: { state, changedFields } });
  }

  async send(event: CloudEvent): Promise<void> {
    await this.producer!.send({
      topic: Topics.licensingLicence,
      acks: -1,
      messages: [
        { key: event.subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' } },
      ],
    });
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }
}
