import { keysetPage, mayReadPersonalData, whereFolded } from '@eq/shared';
import { isPublicEntry, visibleHomeAddress } from '../domain/childcareProviders';
import { CHILDCARE_EXCLUSION_REASONS, CHILDCARE_REFUSAL_REASONS } from '../domain/childcareReasons';
import { assertRegisterNumber } from '../domain/registerText';
import { ChildcareProviderEntity } from '../entities/childcareProvider';
import type { ChildcareProviderResolvers, QueryResolvers } from '../generated/resolvers';

export const childcareQueries: QueryResolvers = {
  childcareProvider: async (_parent, { registrationNumber }, { db, caller }) => {
    const provider = await db
      .getRepository(ChildcareProviderEntity)
      .findOneBy({ registrationNumber: assertRegisterNumber(registrationNumber, 'registrationNumber') });
    return provider && (isPublicEntry(provider.status) || mayReadPersonalData(caller)) ? provider : null;
  },

  childcareProviders: async (_parent, { filter, first, after }, { db, caller }) => {
    const query = db.getRepository(ChildcareProviderEntity).createQueryBuilder('p');
    if (filter?.search) whereFolded(query, 'p.search_name', filter.search, 'filter.search', 'search');
    if (filter?.municipality) whereFolded(query, 'p.search_municipality', filter.municipality, 'filter.municipality', 'municipality');
    if (filter?.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter?.kind) query.andWhere('p.kind = :kind', { kind: filter.kind });
    if (!mayReadPersonalData(caller)) query.andWhere("p.status <> 'REFUSED'");
    return keysetPage(query, 'p', 'name', (row) => row.name, first, after);
  },
};

export const ChildcareProvider: ChildcareProviderResolvers = {
  personalCode: (provider, _args, { caller }) => (mayReadPersonalData(caller) ? provider.personalCode : null),
  homeAddress: (provider, _args, { caller }) => visibleHomeAddress(provider, mayReadPersonalData(caller)),
  homeAddressPublic: (provider) => provider.kind === 'LEGAL_PERSON' || provider.homeAddressPublic,
  decision: (provider) => ({ number: provider.decisionNumber, date: provider.decisionDate }),
  refusalReasonCode: (provider, _args, { caller }) => (mayReadPersonalData(caller) ? provider.refusalReasonCode : null),
  refusalReasonLabelLv: (provider, _args, { caller }) =>
    mayReadPersonalData(caller) && provider.refusalReasonCode ? CHILDCARE_REFUSAL_REASONS[provider.refusalReasonCode] : null,
  refusalReason: (provider, _args, { caller }) => (mayReadPersonalData(caller) ? provider.refusalReason : null),
  exclusionReasonLabelLv: (provider) => (provider.exclusionReasonCode ? CHILDCARE_EXCLUSION_REASONS[provider.exclusionReasonCode] : null),
  exclusionDecision: (provider) =>
    provider.exclusionDecisionNumber && provider.exclusionDecisionDate
      ? { number: provider.exclusionDecisionNumber, date: provider.exclusionDecisionDate }
      : null,
  amendments: async (provider, _args, { loaders }) =>
    (await loaders.childcareAmendments.load(provider.id)).map((a) => ({ number: a.decisionNumber, date: a.decisionDate })),
};
