import { registryInstitutionEventHandlers } from '@eq/shared';
import { closeOpenApplications, endActiveAccreditations } from './endings';

/**
 * Every institution event updates the registry replica (shared kit). When the institution is
 * liquidated, its open applications close and its active accreditations (of the institution and
 * of its programmes) end, each with its own event, in this same transaction. Replays are
 * harmless: only open applications and ACTIVE accreditations are touched.
 */
export const registryEventHandlers = registryInstitutionEventHandlers(async (institution, event, manager) => {
  if (institution.status !== 'LIQUIDATED') return;
  const on = institution.liquidatedOn ?? event.time.slice(0, 10);
  await closeOpenApplications(manager, { institutionId: institution.id }, on, 'INSTITUTION_LIQUIDATED');
  await endActiveAccreditations(manager, { institutionId: institution.id }, on, 'INSTITUTION_LIQUIDATED');
});
