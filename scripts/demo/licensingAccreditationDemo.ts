import { municipalityAuthorityName } from '@eq/registry';
import { Role, type Caller } from '@eq/shared';
import { inParallel } from './inParallel';

/**
 * Demo licences, interest-education programmes and accreditations, sized from the 2024 figures of
 * docs/reference/registers-2024.json (copied below, so the demo needs nothing outside the
 * repository). Everything else is generated and clearly fictitious: institution names end in
 * "(fictitious demo)", addresses in "(demo)", decision numbers start with DEMO-, registration
 * numbers come from the 91… range, subsidy amounts and quality levels follow fixed patterns.
 * Every record goes in through the gateway's mutations, so every event is published and the
 * reactions run as they would for real data.
 */
export const LICENSING_ACCREDITATION_2024 = {
  /** licensing2024: general programmes licensed (85) by level and kind. */
  preschool: { total: 55, special: 46 },
  basic: { total: 28, special: 20, international: 2, distanceLearning: 1 },
  secondary: { total: 2, internationalBaccalaureate: 1 },
  amendmentsToGeneralProgrammes: 284,
  /** licensing2024.vocational: the itemised new programmes (46 of the 52 reported; the other 6 are not itemised, so not seeded). */
  vocational: { initial: 17, continuing: 6, professionalDevelopment: 4, professionalOrientation: 19 },
  derivedRegistrations: 30,
  rightsRestored: 16,
  newImplementationPlace: 46,
  /** accreditation2024 */
  accreditation: { general: 86, vocational: 48, withNeedsImprovement: 23 },
  heads: { general: 92, vocational: 59, preschool: 95, withNeedsImprovement: 55 },
  /**
   * schoolSystem.stemShareOfTargetedSubsidyEnd2024 (source 001): STEM's share of the targeted
   * subsidy at the end of 2024, which the demo's programmes give STEM at each centre. Not the
   * 18.7 % of stemShareOfPupils, which is the share of pupils in STEM interest education.
   */
  stemShareOfTargetedSubsidy: 0.12,
} as const;

export interface DemoApi {
  /** One gateway call as `caller`; throws on a GraphQL error. */
  call(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** Retries `attempt` while a service has not yet learnt of a record from Kafka. */
  whenKnown<T>(attempt: () => Promise<T>): Promise<T>;
}

const OFFICER: Caller = { role: Role.OFFICER, subject: 'demo-seed' };
const MARK = '(fictitious demo)';
const CATEGORIES = ['FITNESS_FOR_PURPOSE', 'QUALITY_TEACHING', 'INCLUSIVE_ENVIRONMENT', 'GOOD_GOVERNANCE'] as const;
const LEVELS = ['GOOD', 'VERY_GOOD', 'EXCELLENT'] as const;
const SPECIAL_CATEGORIES = [
  'LANGUAGE_DISORDERS',
  'LEARNING_DISORDERS',
  'MENTAL_HEALTH_DISORDERS',
  'INTELLECTUAL_DEVELOPMENT_DISORDERS',
  'SEVERE_OR_SEVERAL_DEVELOPMENTAL_DISORDERS',
  'MIXED_DEVELOPMENTAL_DISORDERS',
];
const ORIENTATION = [
  ['MUSIC', 'PROFESSIONAL_ORIENTATION_MUSIC'],
  ['ART', 'PROFESSIONAL_ORIENTATION_ART'],
  ['DANCE', 'PROFESSIONAL_ORIENTATION_DANCE'],
  ['SPORT', 'PROFESSIONAL_ORIENTATION_SPORT'],
] as const;
const PLACES: Array<[municipality: string, planningRegion: string]> = [
  ['Rīga', 'RIGA'],
  ['Daugavpils', 'LATGALE'],
  ['Liepāja', 'KURZEME'],
  ['Jelgava', 'ZEMGALE'],
  ['Valmieras novads', 'VIDZEME'],
  ['Jūrmala', 'RIGA'],
  ['Rēzekne', 'LATGALE'],
  ['Ventspils', 'KURZEME'],
  ['Bauskas novads', 'ZEMGALE'],
  ['Cēsu novads', 'VIDZEME'],
];
/** Interest-education programmes per centre: three STEM (area AT) and seven others, the STEM ones sized to the 2024 share. */
const INTEREST = {
  stem: ['AT_MECHATRONICS', 'AT_COMPUTING', 'AT_NATURAL_SCIENCE'],
  other: ['AK_MUSIC', 'AK_DANCE', 'AK_VISUAL_ARTS', 'AS_TEAM_GAMES', 'AS_INDIVIDUAL_SPORTS', 'AP_MEDIA', 'AM_MINORITY_LANGUAGE'],
  annualSubsidyPerCentreCents: 100_000_00,
};

type Kind =
  | 'GENERAL'
  | 'SPECIAL'
  | 'INTERNATIONAL'
  | 'DISTANCE_LEARNING'
  | 'VOCATIONAL_INITIAL'
  | 'VOCATIONAL_CONTINUING'
  | 'PROFESSIONAL_DEVELOPMENT'
  | 'PROFESSIONAL_ORIENTATION';

interface PlannedLicence {
  programmeCode: string;
  programmeName: string;
  level: 'PRESCHOOL' | 'BASIC' | 'SECONDARY' | 'VOCATIONAL';
  kind: Kind;
  extra: Record<string, unknown>;
  /** Derived registrations of this (initial vocational) licence. */
  derived: number;
}

interface PlannedInstitution {
  serial: number;
  type: string;
  headCategory: 'PRESCHOOL' | 'GENERAL' | 'VOCATIONAL';
  municipality: string;
  planningRegion: string;
  twoPlaces: boolean;
  licence: PlannedLicence | null;
  headEvaluations: number;
}

const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const dayOf2024 = (n: number) => new Date(Date.UTC(2024, 0, 8) + (n % 330) * 86_400_000).toISOString().slice(0, 10);

/** The institutions, their one new licence each and the heads evaluated, by the 2024 figures (pure). */
export function planDemoInstitutions(): PlannedInstitution[] {
  const f = LICENSING_ACCREDITATION_2024;
  const licences: Array<[type: string, head: PlannedInstitution['headCategory'], licence: PlannedLicence | null]> = [];
  const general = (level: PlannedLicence['level'], kind: Kind, code: string, extra: Record<string, unknown> = {}): PlannedLicence => ({
    programmeCode: code,
    programmeName: `${kind === 'SPECIAL' ? 'Speciālā' : 'Vispārējā'} ${level.toLowerCase()} programma (demo)`,
    level,
    kind,
    extra,
    derived: 0,
  });
  for (let i = 0; i < f.preschool.total; i++) {
    const special = i < f.preschool.special;
    licences.push([
      'PRESCHOOL',
      'PRESCHOOL',
      special
        ? general('PRESCHOOL', 'SPECIAL', '01015611', { specialNeedsCategory: SPECIAL_CATEGORIES[i % 6] })
        : general('PRESCHOOL', 'GENERAL', '01011111'),
    ]);
  }
  const permit = {
    latvianStudiesPermit: { number: 'DEMO-LM-1', issuedOn: '2024-01-05' },
    accreditationProof: { number: 'DEMO-IBO-1', issuedOn: '2023-11-20' },
  };
  for (let i = 0; i < f.basic.total; i++) {
    const licence =
      i < f.basic.special
        ? general('BASIC', 'SPECIAL', '21015611', { specialNeedsCategory: SPECIAL_CATEGORIES[i % 6] })
        : i < f.basic.special + f.basic.international
          ? general('BASIC', 'INTERNATIONAL', '21011121', { internationalProgramme: i % 2 ? 'IB_MYP' : 'IB_PYP', ...permit })
          : i < f.basic.special + f.basic.international + f.basic.distanceLearning
            ? general('BASIC', 'DISTANCE_LEARNING', '21011114')
            : general('BASIC', 'GENERAL', '21011111');
    licences.push([licence.kind === 'INTERNATIONAL' ? 'INTERNATIONAL_SCHOOL' : 'BASIC_SCHOOL', 'GENERAL', licence]);
  }
  licences.push([
    'SECONDARY_SCHOOL',
    'GENERAL',
    general('SECONDARY', 'INTERNATIONAL', '31011021', { internationalProgramme: 'IB_DP', ...permit }),
  ]);
  licences.push(['SECONDARY_SCHOOL', 'GENERAL', general('SECONDARY', 'GENERAL', '31011011')]);
  // 86 general institutions were accredited (schools: pre-schools are not accredited, source 004);
  // their 30 licensed basic and secondary programmes are among them.
  while (licences.length < f.preschool.total + f.accreditation.general) licences.push(['SECONDARY_SCHOOL', 'GENERAL', null]);

  const vocational = (kind: Kind, code: string, name: string, extra: Record<string, unknown> = {}, derived = 0): PlannedLicence => ({
    programmeCode: code,
    programmeName: `${name} (demo)`,
    level: 'VOCATIONAL',
    kind,
    extra,
    derived,
  });
  for (let i = 0; i < f.vocational.initial; i++) {
    // 30 derived registrations over the 17 initial programmes: 13 have two, 4 have one.
    const derived = i < f.derivedRegistrations - f.vocational.initial ? 2 : 1;
    licences.push([
      'VOCATIONAL_SCHOOL',
      'VOCATIONAL',
      vocational('VOCATIONAL_INITIAL', '33481011', 'Programmēšanas tehniķis', {}, derived),
    ]);
  }
  for (let i = 0; i < f.vocational.continuing; i++)
    licences.push(['VOCATIONAL_SCHOOL', 'VOCATIONAL', vocational('VOCATIONAL_CONTINUING', '43481011', 'Datorsistēmu tehniķis')]);
  for (let i = 0; i < f.vocational.professionalDevelopment; i++)
    licences.push(['VOCATIONAL_SCHOOL', 'VOCATIONAL', vocational('PROFESSIONAL_DEVELOPMENT', '30481011', 'Profesionālā pilnveide')]);
  for (let i = 0; i < f.vocational.professionalOrientation; i++) {
    const [field, type] = ORIENTATION[i % 4]!;
    licences.push([
      type,
      'VOCATIONAL',
      vocational('PROFESSIONAL_ORIENTATION', '20212011', `Profesionālās ievirzes ${field.toLowerCase()} programma`, {
        professionalOrientationField: field,
      }),
    ]);
  }
  while (licences.length < f.preschool.total + f.accreditation.general + f.accreditation.vocational)
    licences.push(['VOCATIONAL_SCHOOL', 'VOCATIONAL', null]);

  // Heads evaluated per category, spread over that category's institutions (some had two heads evaluated).
  const heads = { PRESCHOOL: f.heads.preschool, GENERAL: f.heads.general, VOCATIONAL: f.heads.vocational };
  const byCategory = (category: PlannedInstitution['headCategory']) => licences.filter(([, head]) => head === category).length;
  const seen = { PRESCHOOL: 0, GENERAL: 0, VOCATIONAL: 0 };
  return licences.map(([type, headCategory, licence], serial) => {
    const count = byCategory(headCategory);
    const index = seen[headCategory]++;
    const [municipality, planningRegion] = PLACES[serial % PLACES.length]!;
    return {
      serial,
      type,
      headCategory,
      municipality,
      planningRegion,
      twoPlaces: licence !== null && serial < f.newImplementationPlace,
      licence,
      headEvaluations: Math.floor(heads[headCategory] / count) + (index < heads[headCategory] % count ? 1 : 0),
    };
  });
}

/** Levels GOOD to EXCELLENT by a fixed pattern; a weak result has one category needing improvement (a two-year term). */
function resultsFor(serial: number, needsImprovement: boolean) {
  return CATEGORIES.map((category, position) => ({
    category,
    level: needsImprovement && position === serial % 4 ? 'NEEDS_IMPROVEMENT' : LEVELS[(serial + position) % LEVELS.length],
  }));
}

/** Concurrent writers per kind of record: the services run in one process on a small machine. */
const WRITERS = 6;

/**
 * Several mutations of one field in one request, as aliases (at most the gateway's 10): the
 * gateway runs them one after another, as it runs any mutation's fields, and the request's
 * parse, plan and round trip are paid once. Only for records the services already know, since a
 * failed batch is not retried (its first mutations would be applied twice).
 */
async function inBatches(
  officer: Officer,
  field: string,
  inputType: string,
  inputs: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  for (let start = 0; start < inputs.length; start += 10) {
    const chunk = inputs.slice(start, start + 10);
    const variables = chunk.map((_, i) => `$i${i}: ${inputType}!`).join(', ');
    const fields = chunk.map((_, i) => `m${i}: ${field}(input: $i${i}) { __typename }`).join(' ');
    await officer(`mutation(${variables}) { ${fields} }`, Object.fromEntries(chunk.map((input, i) => [`i${i}`, input])), true);
  }
}

const REGISTER = `mutation($input: RegisterInstitutionInput!) { registerInstitution(input: $input) { institution { id implementationPlaces { id } } } }`;
const ISSUE = `mutation($input: IssueLicenceInput!) { issueLicence(input: $input) { licence { id } } }`;
const ADD_PLACE = `mutation($input: LicensedPlaceInput!) { addLicensedPlace(input: $input) { licence { id } } }`;
const SUSPEND = `mutation($input: LicenceDecisionInput!) { suspendLicence(input: $input) { licence { id } } }`;
const RESTORE = `mutation($input: LicenceDecisionInput!) { restoreLicenceRights(input: $input) { licence { id } } }`;
const ACCREDIT = `mutation($input: AccreditInstitutionInput!) { accreditInstitution(input: $input) { accreditation { id } } }`;
const EVALUATE_HEAD = `mutation($input: EvaluateHeadInput!) { evaluateHead(input: $input) { headEvaluation { id } } }`;
const APPLY = `mutation($input: ApplyForAccreditationInput!) { applyForAccreditation(input: $input) { application { id } } }`;
const EVALUATE = `mutation($input: RecordAccreditationEvaluationInput!) { recordAccreditationEvaluation(input: $input) { application { id } } }`;
const DECIDE = `mutation($input: DecideAccreditationInput!) { decideAccreditation(input: $input) { accreditation { id } } }`;
const REGISTER_PROGRAMME = `mutation($input: RegisterInterestProgrammeInput!) { registerInterestProgramme(input: $input) { programme { id } } }`;

export interface DemoCounts {
  institutions: number;
  licences: number;
  accreditations: number;
  headEvaluations: number;
  interestProgrammes: number;
}

/**
 * Seeds once: when an institution marked "(fictitious demo)" exists, it does nothing. Decisions
 * are dated in 2024, as the figures are. The institutions are registered first, so licensing and
 * accreditation have learnt of them from Kafka by the time the rest goes in (no waiting); then
 * licences, institutions' accreditations with their heads, and interest-education programmes go
 * in side by side, and programme accreditations last, once accreditation knows the licences.
 */
export async function seedLicensingAccreditationDemo(api: DemoApi): Promise<DemoCounts> {
  const counts: DemoCounts = { institutions: 0, licences: 0, accreditations: 0, headEvaluations: 0, interestProgrammes: 0 };
  const existing = await api.call(OFFICER, 'query($s: String) { institutions(filter: { search: $s }, first: 1) { totalCount } }', {
    s: 'fictitious demo',
  });
  if (existing.institutions.totalCount > 0) return counts;
  const plan = planDemoInstitutions();
  const officer: Officer = (query, input, asVariables = false) => api.call(OFFICER, query, asVariables ? input : { input });
  const known: Officer = (query, input) => api.whenKnown(() => officer(query, input));

  const institutionIds = new Map<number, string>();
  const placeIds = new Map<number, string[]>();
  await inParallel(plan, WRITERS, async (institution) => {
    const { serial } = institution;
    const place = (n: number) => ({
      address: `Demo iela ${serial + 1}-${n}, ${institution.municipality} (demo)`,
      municipality: institution.municipality,
      planningRegion: institution.planningRegion,
    });
    const registered = (
      await officer(REGISTER, {
        registrationNumber: String(9_100_000_000 + serial),
        name: `Demo ${institution.type.toLowerCase().replace(/_/g, ' ')} Nr. ${serial + 1} ${MARK}`,
        type: institution.type,
        founder: {
          kind: 'MUNICIPALITY',
          name: municipalityAuthorityName(institution.municipality),
          municipality: institution.municipality,
        },
        planningRegion: institution.planningRegion,
        implementationPlaces: institution.twoPlaces ? [place(1), place(2)] : [place(1)],
        decision: { number: `DEMO-R-${pad(serial)}`, date: '2023-08-01' },
      })
    ).registerInstitution.institution as { id: string; implementationPlaces: Array<{ id: string }> };
    institutionIds.set(serial, registered.id);
    placeIds.set(
      serial,
      registered.implementationPlaces.map((p) => p.id),
    );
    counts.institutions++;
  });

  const licenceIds = new Map<number, string>();
  await Promise.all([
    seedLicences(plan, institutionIds, placeIds, known, officer, (serial, id, issued) => {
      licenceIds.set(serial, id);
      counts.licences += issued;
    }),
    seedInstitutionAccreditations(plan, institutionIds, known, officer, (accreditations, heads) => {
      counts.accreditations += accreditations;
      counts.headEvaluations += heads;
    }),
    seedInterestProgrammes(api).then((n) => {
      counts.interestProgrammes = n;
    }),
  ]);

  // Initial vocational programmes are also accredited as programmes, through the application process.
  const programmes = plan.filter((p) => p.licence?.kind === 'VOCATIONAL_INITIAL');
  await inParallel(programmes, WRITERS, async ({ serial }) => {
    const applied = await known(APPLY, {
      institutionId: institutionIds.get(serial),
      licenceId: licenceIds.get(serial),
      submittedOn: dayOf2024(serial + 5),
    });
    const applicationId = applied.applyForAccreditation.application.id;
    await officer(EVALUATE, {
      applicationId,
      evaluatedOn: dayOf2024(serial + 40),
      results: resultsFor(serial + 1, false),
      evaluatorsNotes: 'Demo notes',
    });
    await officer(DECIDE, { applicationId, decisionNumber: `DEMO-AP-${pad(serial)}`, decisionDate: dayOf2024(serial + 60) });
    counts.accreditations++;
  });
  return counts;
}

/** An OFFICER's call with `input` as the mutation's input, or (`asVariables`) as its whole variables. */
type Officer = (query: string, input: Record<string, unknown>, asVariables?: boolean) => Promise<any>;

/** Each planned licence with its derived registrations, second place, amendments and suspension-then-restoration. */
async function seedLicences(
  plan: PlannedInstitution[],
  institutionIds: Map<number, string>,
  placeIds: Map<number, string[]>,
  known: Officer,
  officer: Officer,
  issued: (serial: number, licenceId: string, licences: number) => void,
): Promise<void> {
  const f = LICENSING_ACCREDITATION_2024;
  const generalLicences = plan.filter((p) => p.licence && p.licence.level !== 'VOCATIONAL').length;
  // The first 16 special-needs licences in plan order are suspended and restored.
  const restored = new Set(
    plan
      .filter((p) => p.licence?.kind === 'SPECIAL')
      .slice(0, f.rightsRestored)
      .map((p) => p.serial),
  );
  await inParallel(
    plan.filter((p) => p.licence),
    WRITERS,
    async ({ serial, licence }) => {
      const institutionId = institutionIds.get(serial);
      const [first, second] = placeIds.get(serial)!;
      const decision = (code: string, days: number) => ({ number: `DEMO-L-${code}-${pad(serial)}`, date: dayOf2024(serial + days) });
      const licenceId = (
        await known(ISSUE, {
          institutionId,
          implementationPlaceId: first,
          programmeCode: licence!.programmeCode,
          programmeName: licence!.programmeName,
          level: licence!.level,
          kind: licence!.kind,
          ...licence!.extra,
          decisionNumber: `DEMO-L-${pad(serial)}`,
          issuedOn: dayOf2024(serial),
        })
      ).issueLicence.licence.id as string;
      for (let d = 0; d < licence!.derived; d++) {
        await officer(ISSUE, {
          institutionId,
          implementationPlaceId: first,
          programmeCode: `3348102${d}`,
          programmeName: `Atvasināta programma ${d + 1} (demo)`,
          level: 'VOCATIONAL',
          kind: 'DERIVED',
          derivedFromLicenceId: licenceId,
          decisionNumber: `DEMO-LD-${pad(serial)}-${d}`,
          issuedOn: dayOf2024(serial + 20 + d),
        });
      }
      if (second) await officer(ADD_PLACE, { licenceId, implementationPlaceId: second, decision: decision('P', 10) });
      if (licence!.level !== 'VOCATIONAL') {
        // 284 amendments over the 85 general licences, the first in plan order taking the remainder.
        const amendments =
          Math.floor(f.amendmentsToGeneralProgrammes / generalLicences) +
          (serial < f.amendmentsToGeneralProgrammes % generalLicences ? 1 : 0);
        await inBatches(
          officer,
          'amendLicence',
          'AmendLicenceInput',
          Array.from({ length: amendments }, (_, n) => n + 1).map((a) => ({
            licenceId,
            decision: decision(`A${a}`, 30 + a),
            programmeName: `${licence!.programmeName}, ${a}. grozījums`,
            reason: 'Demo amendment',
          })),
        );
      }
      if (restored.has(serial)) {
        await officer(SUSPEND, { licenceId, decision: decision('S', 60), reason: 'Demo: no qualified teacher' });
        await officer(RESTORE, { licenceId, decision: decision('RR', 90), reason: 'Demo: teacher employed' });
      }
      issued(serial, licenceId, 1 + licence!.derived);
    },
  );
}

/**
 * Every planned school accredited in 2024 (23 with a category needing improvement; pre-schools
 * are not accredited), and every institution's heads evaluated (55 below good).
 */
async function seedInstitutionAccreditations(
  plan: PlannedInstitution[],
  institutionIds: Map<number, string>,
  known: Officer,
  officer: Officer,
  done: (accreditations: number, heads: number) => void,
): Promise<void> {
  const f = LICENSING_ACCREDITATION_2024;
  const accredited = plan.filter((p) => p.type !== 'PRESCHOOL');
  const weakInstitutions = new Set(
    accredited
      .filter((p) => p.serial % 5 === 4)
      .slice(0, f.accreditation.withNeedsImprovement)
      .map((p) => p.serial),
  );
  await inParallel(accredited, WRITERS, async ({ serial }) => {
    await known(ACCREDIT, {
      institutionId: institutionIds.get(serial),
      decisionNumber: `DEMO-A-${pad(serial)}`,
      decisionDate: dayOf2024(serial * 2),
      results: resultsFor(serial, weakInstitutions.has(serial)),
    });
    done(1, 0);
  });
  let headSerial = 0;
  const evaluations = plan.flatMap((institution) =>
    Array.from({ length: institution.headEvaluations }, (_, n) => ({ institution, n, serial: headSerial++ })),
  );
  const weakHeads = new Set(
    evaluations
      .filter((e) => e.serial % 4 === 1)
      .slice(0, f.heads.withNeedsImprovement)
      .map((e) => e.serial),
  );
  const evaluation = ({ institution, n, serial }: (typeof evaluations)[number]) => ({
    institutionId: institutionIds.get(institution.serial),
    headName: `Vadītājs ${serial + 1} (demo)`,
    institutionCategory: institution.headCategory,
    decisionNumber: `DEMO-H-${pad(serial)}`,
    decisionDate: dayOf2024(serial + n * 7),
    results: resultsFor(serial, weakHeads.has(serial)),
  });
  // Each pre-school's first evaluation waits until accreditation knows the pre-school (nothing
  // accredited it); the schools were accredited above, so accreditation knows them by now.
  const [firstOfPreschool, rest] = [
    evaluations.filter((e) => e.institution.type === 'PRESCHOOL' && e.n === 0),
    evaluations.filter((e) => e.institution.type !== 'PRESCHOOL' || e.n > 0),
  ];
  await inParallel(firstOfPreschool, WRITERS, async (e) => {
    await known(EVALUATE_HEAD, evaluation(e));
    done(0, 1);
  });
  // Ten evaluations a request.
  const batches = Array.from({ length: Math.ceil(rest.length / 10) }, (_, b) => rest.slice(b * 10, b * 10 + 10));
  await inParallel(batches, WRITERS, async (batch) => {
    await inBatches(officer, 'evaluateHead', 'EvaluateHeadInput', batch.map(evaluation));
    done(0, batch.length);
  });
}

/** Ten programmes at each state-significance centre, registered by its municipality, STEM getting its end-2024 share of the subsidy (about 12 %). */
async function seedInterestProgrammes(api: DemoApi): Promise<number> {
  const centres = await api.call(
    OFFICER,
    '{ institutions(filter: { stateSignificance: true }, first: 50) { edges { node { id founder { municipality } } } } }',
  );
  const total = INTEREST.annualSubsidyPerCentreCents;
  const stemEach = Math.round((total * LICENSING_ACCREDITATION_2024.stemShareOfTargetedSubsidy) / INTEREST.stem.length);
  const otherEach = Math.floor((total - stemEach * INTEREST.stem.length) / INTEREST.other.length);
  const work = centres.institutions.edges.flatMap((edge: any) =>
    [...INTEREST.stem.map((code) => [code, stemEach] as const), ...INTEREST.other.map((code) => [code, otherEach] as const)].map(
      ([code, cents]) => ({
        caller: { role: Role.MUNICIPALITY, subject: 'demo-seed', municipality: edge.node.founder.municipality } as Caller,
        input: {
          institutionId: edge.node.id,
          name: `${code.slice(3).toLowerCase().replace(/_/g, ' ')} pulciņš (demo)`,
          classifierCode: code,
          startsOn: '2024-09-01',
          annualTargetedSubsidyCents: cents,
        },
      }),
    ),
  );
  let registered = 0;
  await inParallel(work, WRITERS, async ({ caller, input }: { caller: Caller; input: Record<string, unknown> }) => {
    await api.whenKnown(() => api.call(caller, REGISTER_PROGRAMME, { input }));
    registered++;
  });
  return registered;
}
