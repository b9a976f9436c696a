import { registryInstitutionEventHandlers, type EventHandlers, type RegistryInstitutionState } from '@eq/shared';
import type { EntityManager } from 'typeorm';
import type { CatalogueOptions } from '../../catalogueOptions';
import { withdrawProviderOffer } from '../../store/providerWithdrawal';
import { cancelBookings } from '../../store/bookingMoves';
import { noFundMoves, settleFund, type FundMoves } from '../../store/fundLedger';
import { ActivityProviderEntity } from '../../entities/activityProvider';

/** Cancels the ended school's bookings of sessions still to come; their seats go to the waiting lists. */
async function cancelSchoolBookings(
  institution: RegistryInstitutionState,
  manager: EntityManager,
  options: CatalogueOptions,
  moves: FundMoves,
): Promise<void> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT b.id FROM booking b JOIN activity_session s ON s.id = b.session_id
     WHERE b.institution_id = $1 AND b.status IN ('CONFIRMED', 'WAITING') AND s.starts_at > $2`,
    [institution.id, options.clock.now()],
  );
  await cancelBookings(
    manager,
    options,
    rows.map((row) => row.id),
    `${institution.name} is ${institution.status.toLowerCase()} in the register`,
    { serveWaiting: true },
    moves,
  );
}

/**
 * Every institution event updates the registry replica (shared kit). When the register ends an
 * institution (liquidated, struck off, reorganised away), the catalogue reacts in the same
 * transaction: the school's future bookings are cancelled and their money released, and if the
 * institution is a provider, its activities are withdrawn and its future sessions cancelled,
 * with an event for every booking affected. A replayed event finds nothing left to cancel.
 */
export function registryEventHandlers(options: CatalogueOptions): EventHandlers {
  return registryInstitutionEventHandlers(async (institution, _event, manager) => {
    if (institution.status === 'ACTIVE') return;
    const moves = noFundMoves();
    await cancelSchoolBookings(institution, manager, options, moves);
    const provider = await manager.getRepository(ActivityProviderEntity).findOneBy({ institutionId: institution.id });
    if (provider)
      await withdrawProviderOffer(
        manager,
        options,
        provider,
        `${institution.name} is ${institution.status.toLowerCase()} in the register`,
        moves,
      );
    await settleFund(manager, options.fund, moves);
  });
}
