import { describe, expect, it } from '@jest/globals';
import { planLicenceTransfer } from '../reorganisationTransfer';

const place = (id: string, address: string) => ({ id, address });

describe('licence transfer on reorganisation', () => {
  it("gives a merger's licence to its one successor, at the successor's place with the same address", () => {
    const plan = planLicenceTransfer(
      [place('p1', 'Ausekļa iela 25, Valmiera')],
      [{ institutionId: 'S', implementationPlaces: [place('s1', 'ausekļa  iela 25,Valmiera'), place('s2', 'Rīgas iela 3, Valmiera')] }],
    );
    expect(plan).toStrictEqual({ successorId: 'S', places: [place('s1', 'ausekļa  iela 25,Valmiera')] });
  });

  it("keeps the predecessor's place when the successor has none at that address", () => {
    const plan = planLicenceTransfer(
      [place('p1', 'Ausekļa iela 25, Valmiera')],
      [{ institutionId: 'S', implementationPlaces: [place('s2', 'Rīgas iela 3, Valmiera')] }],
    );
    expect(plan).toStrictEqual({ successorId: 'S', places: [place('p1', 'Ausekļa iela 25, Valmiera')] });
  });

  it("gives a division's licence to the successor holding its places, else to the first listed", () => {
    const successors = [
      { institutionId: 'S1', implementationPlaces: [place('s1', 'Rīgas iela 3, Valmiera')] },
      { institutionId: 'S2', implementationPlaces: [place('s2', 'Ausekļa iela 25, Valmiera')] },
    ];
    expect(planLicenceTransfer([place('p1', 'Ausekļa iela 25, Valmiera')], successors).successorId).toBe('S2');
    expect(planLicenceTransfer([place('p9', 'Lāčplēša iela 1, Valmiera')], successors).successorId).toBe('S1');
  });

  it('still transfers when the replica does not know the successor yet', () => {
    const plan = planLicenceTransfer([place('p1', 'Ausekļa iela 25, Valmiera')], [{ institutionId: 'S', implementationPlaces: null }]);
    expect(plan).toStrictEqual({ successorId: 'S', places: [place('p1', 'Ausekļa iela 25, Valmiera')] });
  });
});
