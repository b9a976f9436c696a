import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Topics, DayClock } from '@eq/shared';
import { eventually } from '../../../test/support/eventually';
import { startGatewayHarness, type GatewayHarness } from '../../../test/support/gatewayHarness';
import { TopicRecorder } from '../../../test/support/topicRecorder';
import { createPractitioners } from '../src/index';
import { childMinderInput, hyphenated, OFFICER, personalCode, PROVIDER, surname } from './fixtures';

const PROVIDER_FIELDS = `id registrationNumber kind name personalCode companyNumber homeAddress homeAddressPublic serviceAddress municipality status
  decision { number date } refusalReasonCode refusalReasonLabelLv refusalReason exclusionDecision { number date }
  exclusionReasonCode exclusionReasonLabelLv exclusionReason amendments { number date }`;
const REGISTER = `mutation($input: RegisterChildcareProviderInput!) { registerChildcareProvider(input: $input) { childcareProvider { ${PROVIDER_FIELDS} } } }`;
const REFUSE = `mutation($input: RefuseChildcareProviderInput!) { refuseChildcareProvider(input: $input) { childcareProvider { ${PROVIDER_FIELDS} } } }`;
const AMEND = `mutation($input: AmendChildcareProviderInput!) { amendChildcareProvider(input: $input) { childcareProvider { ${PROVIDER_FIELDS} } } }`;
const EXCLUDE = `mutation($input: ExcludeChildcareProviderInput!) { excludeChildcareProvider(input: $input) { childcareProvider { ${PROVIDER_FIELDS} } } }`;
const PROVIDER_BY_NUMBER = `query($n: String!) { childcareProvider(registrationNumber: $n) { ${PROVIDER_FIELDS} } }`;

const CERTIFICATE_FIELDS = `id number teacherName personalCode programmeKind programmeName municipality validFrom validUntil isCurrent status
  decision { number date } extensions { validUntil decision { number date } } revocationDecision { number date } revocationReason`;
const ISSUE = `mutation($input: IssuePrivatePracticeCertificateInput!) { issuePrivatePracticeCertificate(input: $input) { certificate { ${CERTIFICATE_FIELDS} } } }`;
const EXTEND = `mutation($input: ExtendPrivatePracticeCertificateInput!) { extendPrivatePracticeCertificate(input: $input) { certificate { ${CERTIFICATE_FIELDS} } } }`;
const REVOKE = `mutation($input: RevokePrivatePracticeCertificateInput!) { revokePrivatePracticeCertificate(input: $input) { certificate { ${CERTIFICATE_FIELDS} } } }`;

const clock = new DayClock('2024-11-22');
const number = (prefix: string) => `${prefix}-${randomInt(1_000_000, 9_999_999)}`;
const companyNumber = () => `4000${randomInt(1_000_000, 9_999_999)}`;

function naturalPerson(overrides: Record<string, unknown> = {}): Record<string, any> {
  return childMinderInput({ registrationNumber: number('BU'), ...overrides });
}

describe('child-supervision service providers and private-practice certificates', () => {
  let harness: GatewayHarness;
  let recorder: TopicRecorder;
  const count = async (sql: string, params: unknown[] = []) => Number((await harness.service.db.query(sql, params))[0].count);
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const response = await harness.request(query, variables, OFFICER);
    expect(response.errors).toBe(undefined);
    return response.data;
  };

  beforeAll(async () => {
    harness = await startGatewayHarness(createPractitioners({ clock }));
    recorder = await new TopicRecorder(harness.infrastructure.kafkaBrokers).start([
      Topics.practitionersChildcareProvider,
      Topics.practitionersPrivatePractice,
    ]);
  });
  afterAll(async () => {
    await recorder?.stop();
    await harness?.close();
  });

  it('registers a child-minder; the public sees neither the personal code nor, without consent, the home address', async () => {
    const input = naturalPerson();
    const { childcareProvider: registered } = (await ok(REGISTER, { input })).registerChildcareProvider;
    expect(registered.personalCode).toBe(hyphenated(input.personalCode));
    expect(registered.homeAddress).toBe(input.homeAddress);
    for (const caller of [undefined, PROVIDER]) {
      const seen = (await harness.request(PROVIDER_BY_NUMBER, { n: input.registrationNumber }, caller)).data.childcareProvider;
      expect(seen.personalCode).toBe(null);
      expect(seen.homeAddress).toBe(null);
      expect(seen.homeAddressPublic).toBe(false);
      expect(seen.serviceAddress).toBe(input.serviceAddress);
    }
    const [event] = await eventually(
      async () => recorder.eventsFor(Topics.practitionersChildcareProvider, [registered.id]),
      (found) => found.length >= 1,
      {
        what: 'registered event',
      },
    );
    expect(event!.type).toBe('practitioners.childcare-provider.registered');
    expect(event!.data.state.homeAddress).toBe(null);
    const raw = JSON.stringify(event);
    assert.ok(!raw.includes(input.personalCode.slice(0, 6)) && !raw.includes(input.homeAddress), 'the event carries personal data');
  });

  it('shows the home address of a child-minder who consented, and a legal person’s address always', async () => {
    const consenting = naturalPerson({ homeAddressPublic: true });
    await ok(REGISTER, { input: consenting });
    const legal = naturalPerson({
      kind: 'LEGAL_PERSON',
      personalCode: null,
      companyNumber: companyNumber(),
      name: `SIA Bērnu prieks ${surname()}`,
      homeAddress: 'Brīvības iela 1, Rīga',
    });
    await ok(REGISTER, { input: legal });
    const seenConsenting = (await harness.request(PROVIDER_BY_NUMBER, { n: consenting.registrationNumber })).data.childcareProvider;
    expect(seenConsenting.homeAddress).toBe(consenting.homeAddress);
    const seenLegal = (await harness.request(PROVIDER_BY_NUMBER, { n: legal.registrationNumber })).data.childcareProvider;
    expect([seenLegal.homeAddress, seenLegal.companyNumber, seenLegal.personalCode]).toStrictEqual([
      legal.homeAddress,
      legal.companyNumber,
      null,
    ]);
  });

  it('amends and then excludes a provider with a coded reason and its Latvian label; a decision on the excluded provider is refused', async () => {
    const input = naturalPerson();
    const { id } = (await ok(REGISTER, { input })).registerChildcareProvider.childcareProvider;
    const amended = (
      await ok(AMEND, {
        input: { id, serviceAddress: 'Vaļņu iela 2, Cēsis', homeAddressPublic: true, decision: { number: 'BU-A/1', date: '2024-06-01' } },
      })
    ).amendChildcareProvider.childcareProvider;
    expect(amended.serviceAddress).toBe('Vaļņu iela 2, Cēsis');
    expect(amended.amendments).toStrictEqual([{ number: 'BU-A/1', date: '2024-06-01' }]);
    const excluded = (
      await ok(EXCLUDE, {
        input: {
          id,
          reasonCode: 'SERVICE_DISCONTINUED',
          reasonText: 'Iesniegums 2024-06-20',
          decision: { number: 'BU-X/1', date: '2024-07-01' },
        },
      })
    ).excludeChildcareProvider.childcareProvider;
    expect([
      excluded.status,
      excluded.exclusionReasonCode,
      excluded.exclusionReasonLabelLv,
      excluded.exclusionReason,
      excluded.exclusionDecision,
    ]).toStrictEqual([
      'EXCLUDED',
      'SERVICE_DISCONTINUED',
      'Pārtraukta pakalpojuma sniegšana',
      'Iesniegums 2024-06-20',
      { number: 'BU-X/1', date: '2024-07-01' },
    ]);
    const outboxBefore = await count('SELECT count(*) FROM outbox_event');
    const again = await harness.request(
      AMEND,
      { input: { id, name: 'Cits vārds', decision: { number: 'BU-A/2', date: '2024-08-01' } } },
      OFFICER,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count('SELECT count(*) FROM outbox_event')).toBe(outboxBefore);
    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersChildcareProvider, [id]),
      (found) => found.length >= 3,
      { what: 'three events' },
    );
    expect(events.map((e) => e.type.split('.').at(-1))).toStrictEqual(['registered', 'amended', 'excluded']);
    expect([events[2]!.data.state.exclusionReasonCode, events[2]!.data.state.exclusionReason]).toStrictEqual([
      'SERVICE_DISCONTINUED',
      'Iesniegums 2024-06-20',
    ]);
  });

  it('records a refusal with its coded reason for officers only; the public register does not list it', async () => {
    const { registrationNumber: _unused, ...applicant } = naturalPerson();
    const input: Record<string, any> = {
      ...applicant,
      applicationNumber: number('PIET'),
      reasonCode: 'INCOMPLETE_DOCUMENTS',
      reasonText: 'Nav iesniegta izziņa par sodāmību',
    };
    const withoutText = await harness.request(REFUSE, { input: { ...input, reasonCode: 'OTHER', reasonText: null } }, OFFICER);
    expect(withoutText.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reasonText' });
    const refusal = input;
    const { childcareProvider: refused } = (await ok(REFUSE, { input: refusal })).refuseChildcareProvider;
    expect([refused.status, refused.refusalReasonCode, refused.refusalReasonLabelLv, refused.refusalReason]).toStrictEqual([
      'REFUSED',
      'INCOMPLETE_DOCUMENTS',
      'Nav iesniegti visi nepieciešamie dokumenti',
      'Nav iesniegta izziņa par sodāmību',
    ]);
    expect((await harness.request(PROVIDER_BY_NUMBER, { n: input.applicationNumber })).data.childcareProvider).toBe(null);
    const listed = await harness.request('query($f: ChildcareProviderFilter) { childcareProviders(filter: $f) { totalCount } }', {
      f: { search: input.name },
    });
    expect(listed.data.childcareProviders.totalCount).toBe(0);
    const [event] = await eventually(
      async () => recorder.eventsFor(Topics.practitionersChildcareProvider, [refused.id]),
      (found) => found.length >= 1,
      { what: 'refusal' },
    );
    expect(event!.type).toBe('practitioners.childcare-provider.refused');
    assert.ok(!JSON.stringify(event).includes(input.name), 'a refused applicant is named on the topic');
  });

  it('refuses a malformed personal code, a duplicate registration number and a legal person without a company number, storing nothing', async () => {
    const good = naturalPerson();
    await ok(REGISTER, { input: good });
    const before = await count('SELECT count(*) FROM childcare_provider');
    const cases: Array<[Record<string, unknown>, string]> = [
      [naturalPerson({ personalCode: '320000-0000' }), 'VALIDATION_FAILED'],
      [naturalPerson({ personalCode: '311299-20000' }), 'VALIDATION_FAILED'],
      [naturalPerson({ registrationNumber: good.registrationNumber }), 'CONFLICT'],
      [naturalPerson({ kind: 'LEGAL_PERSON', personalCode: null }), 'VALIDATION_FAILED'],
    ];
    for (const [input, code] of cases) {
      const response = await harness.request(REGISTER, { input }, OFFICER);
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
    }
    expect(await count('SELECT count(*) FROM childcare_provider')).toBe(before);
  });

  it('filters providers by municipality ignoring case and diacritics', async () => {
    const town = `Ķeguma-${surname()}`;
    await ok(REGISTER, { input: naturalPerson({ municipality: `${town} novads` }) });
    const found = await harness.request(
      'query($f: ChildcareProviderFilter) { childcareProviders(filter: $f) { totalCount edges { node { municipality } } } }',
      {
        f: { municipality: town.toLowerCase().replace('ķ', 'k') },
      },
    );
    expect(found.data.childcareProviders.totalCount).toBe(1);
  });

  it('issues, extends and revokes a private-practice certificate with reasons, publishing each decision without the personal code', async () => {
    const code = personalCode();
    const input = {
      number: number('PP'),
      teacherName: `Jānis Skolotājs-${surname()}`,
      personalCode: code,
      programmeKind: 'INTEREST_EDUCATION',
      programmeName: 'Robotikas pulciņš',
      municipality: 'Valmieras novads',
      validUntil: '2026-02-28',
      decision: { number: 'PP-2024/3', date: '2024-03-01' },
    };
    const issued = (await ok(ISSUE, { input })).issuePrivatePracticeCertificate.certificate;
    expect([issued.validFrom, issued.validUntil, issued.isCurrent, issued.status, issued.personalCode]).toStrictEqual([
      '2024-03-01',
      '2026-02-28',
      true,
      'ISSUED',
      hyphenated(code),
    ]);
    const publicView = (
      await harness.request(`query($n: String!) { privatePracticeCertificate(number: $n) { personalCode teacherName } }`, {
        n: input.number,
      })
    ).data;
    expect(publicView.privatePracticeCertificate).toStrictEqual({ personalCode: null, teacherName: input.teacherName });

    const extended = (
      await ok(EXTEND, { input: { id: issued.id, validUntil: '2029-02-28', decision: { number: 'PP-E/1', date: '2024-10-01' } } })
    ).extendPrivatePracticeCertificate.certificate;
    expect(extended.extensions).toStrictEqual([{ validUntil: '2029-02-28', decision: { number: 'PP-E/1', date: '2024-10-01' } }]);
    const shorter = await harness.request(
      EXTEND,
      { input: { id: issued.id, validUntil: '2028-01-01', decision: { number: 'PP-E/2', date: '2024-10-02' } } },
      OFFICER,
    );
    expect(shorter.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');

    const revoked = (
      await ok(REVOKE, {
        input: { id: issued.id, reason: 'Nepietiekamas valsts valodas zināšanas', decision: { number: 'PP-R/1', date: '2024-11-01' } },
      })
    ).revokePrivatePracticeCertificate.certificate;
    expect([revoked.status, revoked.isCurrent, revoked.revocationReason]).toStrictEqual([
      'REVOKED',
      false,
      'Nepietiekamas valsts valodas zināšanas',
    ]);
    const twice = await harness.request(
      REVOKE,
      { input: { id: issued.id, reason: 'Atkārtoti', decision: { number: 'PP-R/2', date: '2024-11-02' } } },
      OFFICER,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const events = await eventually(
      async () => recorder.eventsFor(Topics.practitionersPrivatePractice, [issued.id]),
      (found) => found.length >= 3,
      { what: 'three events' },
    );
    expect(events.map((e) => e.type)).toStrictEqual([
      'practitioners.private-practice.issued',
      'practitioners.private-practice.extended',
      'practitioners.private-practice.revoked',
    ]);
    assert.ok(events.every((e) => !JSON.stringify(e).includes(code.slice(0, 6))));
  });

  it('refuses a private-practice certificate ending before it starts, a duplicate number and a malformed personal code, storing nothing', async () => {
    const base = {
      number: number('PP'),
      teacherName: 'Ilze Ozola',
      personalCode: personalCode(),
      programmeKind: 'NON_FORMAL_EDUCATION',
      programmeName: 'Keramika pieaugušajiem',
      municipality: 'Rīga',
      validFrom: '2024-06-01',
      validUntil: '2029-05-31',
      decision: { number: 'PP-2024/9', date: '2024-05-20' },
    };
    await ok(ISSUE, { input: base });
    const before = await count('SELECT count(*) FROM private_practice_certificate');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...base, number: number('PP'), validUntil: '2024-05-31' }, 'VALIDATION_FAILED', 'validUntil'],
      [{ ...base }, 'CONFLICT', ''],
      [{ ...base, number: number('PP'), personalCode: '123' }, 'VALIDATION_FAILED', 'personalCode'],
    ];
    for (const [input, code, field] of cases) {
      const response = await harness.request(ISSUE, { input }, OFFICER);
      expect(response.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await count('SELECT count(*) FROM private_practice_certificate')).toBe(before);
  });
});
