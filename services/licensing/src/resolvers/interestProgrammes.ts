import { randomUUID } from 'node:crypto';
import { assertUuid, findRegistryInstitution, forbidden, isIsoDate, requireRole, Role, validationFailed } from '@eq/shared';
import { assertInterestProgramme, mayRegisterFor } from '../domain/interestProgrammeRules';
import { classifierAsOf, classifierEntry, interestArea } from '../domain/interestClassifier';
import { assertInstitutionActive } from '../domain/licenceRules';
import { nextSchoolYear, reportYears, schoolYearOf, stemShare } from '../domain/stemSubsidyShare';
import { InterestProgrammeEntity } from '../entities/interestProgramme';
import { recordInterestProgrammeEvent } from '../events/out/interestProgrammeEvents';
import { insertProgrammeVersion, loadSubsidisedProgrammes, recordProgrammeDecision } from '../store/interestProgrammeStore';
import type {
  InterestClassifierEntryResolvers,
  InterestProgrammeResolvers,
  InterestProgrammeVersionResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers';

const assertDate = (value: string, field: string) => {
  if (!isIsoDate(value)) throw validationFailed(`${field} must be YYYY-MM-DD`, field);
  return value;
};

export const interestQueries: Pick<
  QueryResolvers,
  'interestEducationClassifier' | 'interestProgramme' | 'interestProgrammes' | 'stemSubsidyShares'
> = {
  interestEducationClassifier: (_parent, { asOf }, { clock }) => classifierAsOf(asOf ? assertDate(asOf, 'asOf') : clock.today()),
  interestProgramme: (_parent, { id }, { db }) => db.getRepository(InterestProgrammeEntity).findOneBy({ id: assertUuid(id, 'id') }),
  interestProgrammes: async (_parent, { municipality, asOf }, { db }) => {
    const query = db
      .getRepository(InterestProgrammeEntity)
      .createQueryBuilder('p')
      .where('p.municipality = :municipality', { municipality: municipality.trim() });
    if (asOf) query.andWhere('p.starts_on <= :asOf AND (p.ends_on IS NULL OR p.ends_on >= :asOf)', { asOf: assertDate(asOf, 'asOf') });
    return query.orderBy('p.starts_on', 'DESC').addOrderBy('p.name', 'ASC').getMany();
  },
  stemSubsidyShares: async (_parent, { municipality }, { db, clock, stemMinimums }) => {
    const name = municipality.trim();
    const programmes = await loadSubsidisedProgrammes(db.manager, name);
    // Through the coming school year: municipalities plan its subsidy before it starts.
    return reportYears(programmes, nextSchoolYear(schoolYearOf(clock.today())), stemMinimums).map((schoolYear) => {
      const share = stemShare(programmes, schoolYear, { minimums: stemMinimums });
      return {
        municipality: name,
        schoolYear,
        totalSubsidyCents: share.totalCents,
        stemSubsidyCents: share.stemCents,
        stemSharePercent: share.stemPercent,
        minimumPercent: share.minimumPercent,
        meetsMinimum: share.meetsMinimum,
        learners: share.learners,
        stemLearners: share.stemLearners,
        stemLearnerSharePercent: share.stemLearnerPercent,
        programmesWithoutLearnerCount: share.programmesWithoutLearners,
      };
    });
  },
};

export const registerInterestProgramme: MutationResolvers['registerInterestProgramme'] = async (
  _parent,
  { input },
  { db, caller, clock },
) => {
  requireRole(caller, Role.MUNICIPALITY);
  if (!caller.municipality) throw forbidden('A MUNICIPALITY caller must name its municipality');
  const institutionId = assertUuid(input.institutionId, 'institutionId');
  const valid = assertInterestProgramme(input);
  const programme = await db.transaction(async (manager) => {
    const institution = await findRegistryInstitution(manager, institutionId, { lock: 'pessimistic_read' });
    assertInstitutionActive(institution, institutionId);
    if (!mayRegisterFor(caller.municipality!, institution))
      throw forbidden(`${caller.municipality} may register programmes only for institutions it founded or that teach in its territory`);
    const record = {
      id: randomUUID(),
      institutionId,
      municipality: caller.municipality!,
      name: valid.name,
      classifierCode: valid.entry.code,
      areaCode: valid.entry.area,
      startsOn: valid.startsOn,
      endsOn: valid.endsOn,
      annualTargetedSubsidyCents: valid.annualTargetedSubsidyCents,
      registeredBy: caller.subject ?? null,
    };
    const programmes = manager.getRepository(InterestProgrammeEntity);
    await programmes.insert(record);
    const seq = await recordProgrammeDecision(manager, record.id, {
      kind: 'REGISTERED',
      number: null,
      date: clock.today(),
      effectiveFrom: record.startsOn,
      changedFields: [],
      recordedBy: record.registeredBy,
    });
    await insertProgrammeVersion(
      manager,
      record.id,
      {
        validFrom: record.startsOn,
        validTo: record.endsOn,
        name: record.name,
        classifierCode: record.classifierCode,
        areaCode: record.areaCode,
        annualTargetedSubsidyCents: record.annualTargetedSubsidyCents,
      },
      seq,
    );
    await recordInterestProgrammeEvent(manager, 'licensing.interest-programme.registered', record.id, [
      ...Object.keys(record).filter((key) => key !== 'registeredBy'),
      'versions',
    ]);
    return programmes.findOneByOrFail({ id: record.id });
  });
  return { programme };
};

export const InterestProgramme: InterestProgrammeResolvers = {
  institution: (programme) => ({ id: programme.institutionId }),
  classifierEntry: (programme) => classifierEntry(programme.classifierCode)!,
  versions: (programme, _args, { versionsByProgramme }) => versionsByProgramme.load(programme.id),
  decisions: (programme, _args, { decisionsByProgramme }) => decisionsByProgramme.load(programme.id),
  learnerCounts: (programme, _args, { learnerCountsByProgramme }) => learnerCountsByProgramme.load(programme.id),
};

export const InterestProgrammeVersion: InterestProgrammeVersionResolvers = {
  classifierEntry: (version) => classifierEntry(version.classifierCode)!,
  decision: async (version, _args, { decisionsByProgramme }) =>
    (await decisionsByProgramme.load(version.programmeId)).find((decision) => String(decision.seq) === String(version.decisionSeq))!,
};

export const InterestClassifierEntry: InterestClassifierEntryResolvers = {
  area: (entry) => (entry.area ? interestArea(entry.area) : null),
};
