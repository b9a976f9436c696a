import { registryInstitutionEventHandlers } from '@eq/shared';
import { In, Not } from 'typeorm';
import { followsLicence } from '../../domain/licenceTransfer';
import { KnownLicenceEntity } from '../../entities/knownLicence';
import { closeOpenApplications, endActiveAccreditations } from './endings';

/**
 * Every institution event updates the registry replica (shared kit). When the institution is
 * liquidated, its open applications close and its active accreditations (of the institution and
 * of its programmes) end, each with its own event, in this same transaction. An institution that
 * ended by reorganisation into successors is the exception for programmes: licensing transfers
 * its in-force licences (the same rule, services/licensing/src/events/in/registryEvents.ts), and
 * each programme accreditation follows its licence when `licensing.licence.transferred` arrives.
 * Replays are harmless: only open applications and ACTIVE accreditations are touched.
 */
export const registryEventHandlers = registryInstitutionEventHandlers(async (institution, event, manager) => {
  if (institution.status !== 'LIQUIDATED') return;
  const on = institution.liquidatedOn ?? event.time.slice(0, 10);
  await closeOpenApplications(manager, { institutionId: institution.id }, on, 'INSTITUTION_LIQUIDATED');
  if (!followsLicence(institution)) {
    await endActiveAccreditations(manager, { institutionId: institution.id }, on, 'INSTITUTION_LIQUIDATED');
    return;
  }
  await endActiveAccreditations(manager, { institutionId: institution.id, kind: 'INSTITUTION' }, on, 'INSTITUTION_LIQUIDATED');
  // A programme whose licence is no longer in force has nothing to follow to the successor.
  const inForce = await manager
    .getRepository(KnownLicenceEntity)
    .findBy({ institutionId: institution.id, status: In(['ACTIVE', 'SUSPENDED']) });
  const following = inForce.map((licence) => licence.id);
  await endActiveAccreditations(
    manager,
    { institutionId: institution.id, kind: 'PROGRAMME', ...(following.length > 0 ? { licenceId: Not(In(following)) } : {}) },
    on,
    'INSTITUTION_LIQUIDATED',
  );
});
