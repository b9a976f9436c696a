import { randomUUID } from 'node:crypto';
import type { RegistryInstitutionState } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import { nextStatus } from '../../domain/licenceLifecycle';
import { planLicenceTransfer, type SuccessorView } from '../../domain/reorganisationTransfer';
import { LicenceEntity, type LicenceRecord } from '../../entities/licence';
import { currentPlaces, insertLicence, lockInForceLicences, recordLicenceDecision } from '../../store/licenceStore';
import { recordLicenceEvent } from '../out/licenceEvents';

/**
 * The institution was reorganised: each in-force licence becomes TRANSFERRED and its successor
 * (planLicenceTransfer: the only one, or in a division the one holding its places) gets a
 * linked licence for the same programme, kind and status, issued on the reorganisation's
 * effective date. When that successor already holds an in-force licence for the programme at
 * one of those places, the transferred licence links to it instead of creating a second one.
 */
export async function transferLicences(
  manager: EntityManager,
  predecessor: RegistryInstitutionState,
  effectiveOn: string,
  loadSuccessor: (id: string) => Promise<RegistryInstitutionState | null>,
): Promise<void> {
  const licences = await lockInForceLicences(manager, predecessor.id);
  if (licences.length === 0) return;
  const successors: SuccessorView[] = [];
  // Sorted lock order: two reactions locking the same successors cannot deadlock.
  const states = new Map<string, RegistryInstitutionState | null>();
  for (const id of predecessor.successors.map((link) => link.institutionId).sort()) states.set(id, await loadSuccessor(id));
  for (const link of predecessor.successors) {
    successors.push({
      institutionId: link.institutionId,
      implementationPlaces: states.get(link.institutionId)?.implementationPlaces ?? null,
    });
  }
  const link = (successorId: string) => predecessor.successors.find((candidate) => candidate.institutionId === successorId)!;

  for (const licence of licences) {
    const places = await currentPlaces(manager, licence.id);
    const plan = planLicenceTransfer(places, successors);
    const reason = `${predecessor.name} was reorganised (${link(plan.successorId).kind.toLowerCase()})`;
    // The licence ends first: its place may carry over unchanged, and one place holds one
    // active licence of a programme.
    const status = nextStatus(licence.status, 'TRANSFERRED');
    await manager.getRepository(LicenceEntity).update({ id: licence.id }, { status, endedOn: effectiveOn });
    const continuation =
      (await existingLicenceAt(
        manager,
        plan.successorId,
        licence.programmeCode,
        plan.places.map((place) => place.id),
      )) ?? (await takeOver(manager, licence, plan.successorId, plan.places, effectiveOn, reason));
    await manager.getRepository(LicenceEntity).update({ id: licence.id }, { continuedById: continuation });
    await recordLicenceDecision(manager, licence.id, {
      kind: 'TRANSFERRED',
      number: null,
      date: effectiveOn,
      changedFields: ['status', 'endedOn', 'continuedById'],
      reason: `${reason}: continued by licence ${continuation}`,
    });
    await recordLicenceEvent(manager, 'licensing.licence.transferred', licence.id, ['status', 'endedOn', 'continuedById']);
  }
}

/** The successor's in-force licence for the programme at one of the places, if it has one. */
async function existingLicenceAt(
  manager: EntityManager,
  institutionId: string,
  programmeCode: string,
  placeIds: string[],
): Promise<string | null> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT l.id FROM licence l JOIN licence_place p ON p.licence_id = l.id AND p.removed_on IS NULL
      WHERE l.institution_id = $1 AND l.programme_code = $2 AND l.status IN ('ACTIVE', 'SUSPENDED') AND p.place_id = ANY($3)
      LIMIT 1`,
    [institutionId, programmeCode, placeIds],
  );
  return rows[0]?.id ?? null;
}

async function takeOver(
  manager: EntityManager,
  licence: LicenceRecord,
  successorId: string,
  places: Array<{ id: string; address: string }>,
  effectiveOn: string,
  reason: string,
): Promise<string> {
  const { createdAt: _created, updatedAt: _updated, ...attributes } = licence;
  const id = randomUUID();
  await insertLicence(
    manager,
    {
      ...attributes,
      id,
      institutionId: successorId,
      implementationPlaceId: places[0]!.id,
      implementationPlaceAddress: places[0]!.address,
      issuedOn: effectiveOn,
      lapsedOn: null,
      endedOn: null,
      continuesId: licence.id,
      continuedById: null,
    },
    places,
    { kind: 'TAKEN_OVER', number: null, date: effectiveOn, changedFields: [], reason: `${reason}: continues licence ${licence.id}` },
  );
  await recordLicenceEvent(manager, 'licensing.licence.issued', id, Object.keys(attributes));
  return id;
}
