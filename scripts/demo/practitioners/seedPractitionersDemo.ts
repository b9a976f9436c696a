import { generateDemoRegisters } from './demoRegisters';

/** Sends one GraphQL operation as an OFFICER (through the gateway, or to the subgraph directly) and returns `data`. */
export type OfficerCall = (query: string, variables: Record<string, unknown>) => Promise<any>;

const OPERATIONS = {
  register: 'mutation($i: RegisterPsychologistInput!) { registerPsychologist(input: $i) { psychologist { id } } }',
  certify: 'mutation($i: CertifyPsychologistInput!) { certifyPsychologist(input: $i) { psychologist { id } } }',
  grant: 'mutation($i: GrantSupervisorRightsInput!) { grantSupervisorRights(input: $i) { psychologist { id } } }',
  recognise: 'mutation($i: RecogniseForeignQualificationInput!) { recogniseForeignQualification(input: $i) { psychologist { id } } }',
  registerProvider: 'mutation($i: RegisterChildcareProviderInput!) { registerChildcareProvider(input: $i) { childcareProvider { id } } }',
  refuseProvider: 'mutation($i: RefuseChildcareProviderInput!) { refuseChildcareProvider(input: $i) { childcareProvider { id } } }',
  excludeProvider: 'mutation($i: ExcludeChildcareProviderInput!) { excludeChildcareProvider(input: $i) { childcareProvider { id } } }',
  issue: 'mutation($i: IssuePrivatePracticeCertificateInput!) { issuePrivatePracticeCertificate(input: $i) { certificate { id } } }',
  extend: 'mutation($i: ExtendPrivatePracticeCertificateInput!) { extendPrivatePracticeCertificate(input: $i) { certificate { id } } }',
  revoke: 'mutation($i: RevokePrivatePracticeCertificateInput!) { revokePrivatePracticeCertificate(input: $i) { certificate { id } } }',
};

/** Runs `work` over `items`, `concurrency` at a time: entries are independent, so order does not matter. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * Enters the demo registers through the API, so every entry also travels as an event. Idempotent:
 * when the first demo psychologist is already registered, nothing is entered.
 */
export async function seedPractitionersDemo(call: OfficerCall, today: string, concurrency = 8): Promise<{ created: number }> {
  const registers = generateDemoRegisters(today);
  const first = registers.psychologists[0]!;
  const existing = await call('query($n: String!) { psychologist(registrationNumber: $n) { id } }', { n: first.registrationNumber });
  if (existing.psychologist) return { created: 0 };

  await inParallel(registers.psychologists, concurrency, async ({ certificate, supervisorDecision, foreignQualification, ...entry }) => {
    // A recognised foreign qualification enters the person in the register by itself (MK 827).
    const { decision, ...newEntry } = entry;
    const id = foreignQualification
      ? (await call(OPERATIONS.recognise, { i: { newEntry, ...foreignQualification } })).recogniseForeignQualification.psychologist.id
      : (await call(OPERATIONS.register, { i: { ...newEntry, decision } })).registerPsychologist.psychologist.id;
    if (!certificate) return;
    await call(OPERATIONS.certify, { i: { psychologistId: id, ...certificate } });
    if (supervisorDecision)
      await call(OPERATIONS.grant, {
        i: { psychologistId: id, fieldOfPractice: certificate.fieldOfPractice, decision: supervisorDecision },
      });
  });
  await inParallel(
    registers.childMinders,
    concurrency,
    async ({ refusalReasonCode, exclusion, registrationNumber, homeAddressPublic, ...entry }) => {
      if (refusalReasonCode) {
        await call(OPERATIONS.refuseProvider, { i: { ...entry, applicationNumber: registrationNumber, reasonCode: refusalReasonCode } });
        return;
      }
      const id = (await call(OPERATIONS.registerProvider, { i: { ...entry, registrationNumber, homeAddressPublic } }))
        .registerChildcareProvider.childcareProvider.id;
      if (exclusion) await call(OPERATIONS.excludeProvider, { i: { id, ...exclusion } });
    },
  );
  await inParallel(registers.privatePractice, concurrency, async ({ extension, revocation, ...entry }) => {
    const id = (await call(OPERATIONS.issue, { i: entry })).issuePrivatePracticeCertificate.certificate.id;
    if (extension) await call(OPERATIONS.extend, { i: { id, ...extension } });
    if (revocation) await call(OPERATIONS.revoke, { i: { id, ...revocation } });
  });
  return { created: registers.psychologists.length + registers.childMinders.length + registers.privatePractice.length };
}
