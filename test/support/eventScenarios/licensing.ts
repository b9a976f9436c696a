import { Role, Topics } from '@eq/shared';
import { eventually } from '../eventually';
import { ISSUE_LICENCE, LIQUIDATE } from '../fixtures';
import { REORGANISE, registerInstitution } from './registry';
import type { EventScenario, ScenarioContext } from './scenario';

const AMEND = /* GraphQL */ `
  mutation ScenarioLicensingAmendLicence($input: AmendLicenceInput!) {
    amendLicence(input: $input) {
      licence {
        id
      }
    }
  }
`;
const ADD_PLACE = /* GraphQL */ `
  mutation ScenarioLicensingAddLicensedPlace($input: LicensedPlaceInput!) {
    addLicensedPlace(input: $input) {
      licence {
        id
      }
    }
  }
`;
const REMOVE_PLACE = /* GraphQL */ `
  mutation ScenarioLicensingRemoveLicensedPlace($input: LicensedPlaceInput!) {
    removeLicensedPlace(input: $input) {
      licence {
        id
      }
    }
  }
`;
const SUSPEND = /* GraphQL */ `
  mutation ScenarioLicensingSuspendLicence($input: LicenceDecisionInput!) {
    suspendLicence(input: $input) {
      licence {
        id
      }
    }
  }
`;
const RESTORE = /* GraphQL */ `
  mutation ScenarioLicensingRestoreLicenceRights($input: LicenceDecisionInput!) {
    restoreLicenceRights(input: $input) {
      licence {
        id
      }
    }
  }
`;
const REVOKE = /* GraphQL */ `
  mutation ScenarioLicensingRevokeLicence($input: LicenceDecisionInput!) {
    revokeLicence(input: $input) {
      licence {
        id
      }
    }
  }
`;
const RELICENSE = /* GraphQL */ `
  mutation ScenarioLicensingRelicenseLicence($input: RelicenseLicenceInput!) {
    relicenseLicence(input: $input) {
      licence {
        id
      }
    }
  }
`;
const REGISTER_PROGRAMME = /* GraphQL */ `
  mutation ScenarioLicensingRegisterInterestProgramme($input: RegisterInterestProgrammeInput!) {
    registerInterestProgramme(input: $input) {
      programme {
        id
      }
    }
  }
`;
const AMEND_PROGRAMME = /* GraphQL */ `
  mutation ScenarioLicensingAmendInterestProgramme($input: AmendInterestProgrammeInput!) {
    amendInterestProgramme(input: $input) {
      programme {
        id
      }
    }
  }
`;
const RECLASSIFY_PROGRAMME = /* GraphQL */ `
  mutation ScenarioLicensingReclassifyInterestProgramme($input: ReclassifyInterestProgrammeInput!) {
    reclassifyInterestProgramme(input: $input) {
      programme {
        id
      }
    }
  }
`;
const END_PROGRAMME = /* GraphQL */ `
  mutation ScenarioLicensingEndInterestProgramme($input: EndInterestProgrammeInput!) {
    endInterestProgramme(input: $input) {
      programme {
        id
      }
    }
  }
`;
const REPORT_LEARNERS = /* GraphQL */ `
  mutation ScenarioLicensingReportInterestProgrammeLearners($input: ReportInterestProgrammeLearnersInput!) {
    reportInterestProgrammeLearners(input: $input) {
      programme {
        id
      }
    }
  }
`;
const LICENCES = /* GraphQL */ `
  query ScenarioLicensingInstitution($id: ID!) {
    institution(id: $id) {
      licences {
        id
        status
      }
    }
  }
`;

/** Issues a licence, waiting until licensing has replicated the institution from the registry's topic. */
export async function issueLicence(
  context: ScenarioContext,
  institution: { id: string; implementationPlaces: Array<{ id: string }> },
  programmeCode = '21011111',
) {
  const issued = await eventually(
    () =>
      context.client.request(
        ISSUE_LICENCE,
        {
          input: {
            institutionId: institution.id,
            implementationPlaceId: institution.implementationPlaces[0]!.id,
            programmeCode,
            programmeName: 'Pamatizglītības programma',
            level: 'BASIC',
            decisionNumber: `L-${programmeCode}`,
            issuedOn: '2024-08-15',
          },
        },
        context.officer,
      ),
    (response) => !response.errors,
    { what: 'licensing to know the institution' },
  );
  return issued.data.issueLicence.licence.id as string;
}

export const licensingScenario: EventScenario = async (context) => {
  const data = (query: string, input: Record<string, unknown>) => context.data(query, { input }, context.officer);
  const decision = (number: string, date: string) => ({ number, date });

  const school = await registerInstitution(context, { name: 'Licencēšanas skola', type: 'BASIC_SCHOOL' });
  const licence = await issueLicence(context, school);
  const second = school.implementationPlaces[1]!.id;
  await data(AMEND, { licenceId: licence, programmeName: 'Pamatizglītības programma (grozīta)', decision: decision('LA-1', '2024-09-01') });
  await data(ADD_PLACE, { licenceId: licence, implementationPlaceId: second, decision: decision('LA-2', '2024-09-02') });
  await data(REMOVE_PLACE, { licenceId: licence, implementationPlaceId: second, decision: decision('LA-3', '2024-09-03') });
  await data(SUSPEND, { licenceId: licence, decision: decision('LA-4', '2024-09-04'), reason: 'Fire-safety inspection failed' });
  await data(RESTORE, { licenceId: licence, decision: decision('LA-5', '2024-09-05') });
  const relicensed = (
    await data(RELICENSE, {
      licenceId: licence,
      programmeCode: '21011121',
      programmeName: 'Pamatizglītības programma (jaunā)',
      decision: decision('LA-6', '2024-09-06'),
    })
  ).relicenseLicence.licence.id as string;
  const revoked = await issueLicence(context, school, '21015611');
  await data(REVOKE, { licenceId: revoked, decision: decision('LA-7', '2024-09-07'), reason: 'Programme not implemented' });
  // Liquidation lapses the institution's licences in force (the re-licensed one).
  await context.data(LIQUIDATE, { input: { id: school.id, decision: decision('LQ-1', '2024-09-30') } }, context.officer);

  const predecessor = await registerInstitution(context, { name: 'Pievienotā skola', type: 'BASIC_SCHOOL' });
  const successor = await registerInstitution(context, { name: 'Pārņēmēja skola', type: 'BASIC_SCHOOL' });
  const transferred = await issueLicence(context, predecessor);
  await context.data(
    REORGANISE,
    {
      input: {
        kind: 'ATTACHMENT',
        predecessorIds: [predecessor.id],
        successorIds: [successor.id],
        decision: decision('RO-1', '2024-09-20'),
      },
    },
    context.officer,
  );
  const takenOver = await eventually(
    () => context.data(LICENCES, { id: successor.id }),
    (found) => found.institution.licences.length === 1,
    { what: 'the successor to hold the transferred licence' },
  );

  const interestSchool = await registerInstitution(context, { name: 'Interešu izglītības centrs', type: 'INTEREST_EDUCATION' });
  const riga = await context.tokenFor({ role: Role.MUNICIPALITY, municipality: 'Rīga', subject: 'riga-licensing' });
  const programme = await eventually(
    () =>
      context.client.request(
        REGISTER_PROGRAMME,
        {
          input: {
            institutionId: interestSchool.id,
            name: 'Robotika',
            classifierCode: 'AT_MECHATRONICS',
            startsOn: '2024-09-01',
            annualTargetedSubsidyCents: 1_200_00,
          },
        },
        riga,
      ),
    (response) => !response.errors,
    { what: 'licensing to know the interest-education institution' },
  );
  const programmeId = programme.data.registerInterestProgramme.programme.id as string;
  const byRiga = (query: string, input: Record<string, unknown>) => context.data(query, { input: { programmeId, ...input } }, riga);
  await byRiga(AMEND_PROGRAMME, {
    effectiveFrom: '2025-01-01',
    annualTargetedSubsidyCents: 1_300_00,
    decision: decision('IP-1', '2024-12-10'),
  });
  await byRiga(RECLASSIFY_PROGRAMME, {
    effectiveFrom: '2025-09-01',
    classifierCode: 'AT_COMPUTING',
    decision: decision('IP-2', '2025-06-10'),
  });
  await byRiga(REPORT_LEARNERS, { schoolYear: '2024/2025', learners: 24 });
  await byRiga(END_PROGRAMME, { endsOn: '2026-05-31', decision: decision('IP-3', '2026-03-01'), reason: 'No teacher' });

  return {
    [Topics.licensingLicence]: [licence, relicensed, revoked, transferred, takenOver.institution.licences[0].id],
    [Topics.licensingInterestProgramme]: [programmeId],
  };
};
