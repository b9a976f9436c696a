/**
 * The site's GraphQL operations. `npm run codegen` validates them against schema/api.graphql and
 * writes their typed documents to site/src/generated/operations.ts: a field the schema no longer
 * has fails the generation, and so CI. Pages send those typed documents; these strings are their
 * source (and, later, the persisted-operation manifest's).
 */

export const CATALOGUE_PAGE = /* GraphQL */ `
  query CataloguePage($filter: ActivityFilter, $sort: ActivitySort, $first: Int, $after: String, $sessionsFrom: DateTime) {
    activities(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        fields {
          value
          count
        }
        gradeBands {
          value
          count
        }
        planningRegions {
          value
          count
        }
      }
      edges {
        node {
          id
          title
          description
          fields
          gradeBands
          format
          durationMinutes
          municipality
          planningRegion
          provider {
            id
            name
          }
          sessions(from: $sessionsFrom) {
            id
            startsAt
            freePlaces
          }
        }
      }
    }
  }
`;

/** What a page shows of one session: when, where, its places and the last day to book. */
export const SESSION_FACTS = /* GraphQL */ `
  fragment SessionFacts on ActivitySession {
    id
    startsAt
    endsAt
    place
    capacity
    freePlaces
    waitingBookings
    bookingClosesOn
  }
`;

export const ACTIVITY_PAGE = /* GraphQL */ `
  query ActivityPage($id: ID!, $sessionsFrom: DateTime) {
    activity(id: $id) {
      id
      title
      description
      fields
      gradeBands
      curriculumLink
      format
      durationMinutes
      language
      municipality
      planningRegion
      maxGroupSize
      accessibility
      provider {
        id
        name
        kind
      }
      sessions(from: $sessionsFrom) {
        ...SessionFacts
      }
    }
  }
  ${SESSION_FACTS}
`;
