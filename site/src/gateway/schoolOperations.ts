import { SESSION_FACTS } from './operations';

/**
 * The school area's operations (see operations.ts for how they become typed documents). All but
 * the sign-in list go with the signed-in school's token; the institution always comes from it.
 */

export const SIGN_IN_SCHOOLS = /* GraphQL */ `
  query SignInSchools($search: String, $first: Int) {
    institutions(filter: { search: $search, status: ACTIVE }, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          registrationNumber
        }
      }
    }
  }
`;

export const SCHOOL_NAME = /* GraphQL */ `
  query SchoolName($id: ID!) {
    institution(id: $id) {
      id
      name
      status
    }
  }
`;

const SCHOOL_BOOKING_FIELDS = /* GraphQL */ `
  fragment SchoolBookingFields on Booking {
    id
    grade
    pupils
    status
    semester
    committedCents
    waitingPosition
    statusReason
  }
`;

export const BOOKING_FORM = /* GraphQL */ `
  query BookingForm($sessionId: ID!, $institutionId: ID!) {
    activitySession(id: $sessionId) {
      ...SessionFacts
      semester
      status
      activity {
        id
        title
        gradeBands
        maxGroupSize
      }
    }
    institution(id: $institutionId) {
      id
      name
    }
  }
  ${SESSION_FACTS}
`;

/** Asked once the session's semester is known: the quota and money a booking of it would use. */
export const SCHOOL_FUNDING = /* GraphQL */ `
  query SchoolFunding($institutionId: ID!, $semester: String!) {
    institution(id: $institutionId) {
      id
      semesterFunding(semester: $semester) {
        semester
        allocationCents
        usedCents
        leftCents
        grades {
          grade
          learners
          fundedPupils
          remaining
        }
      }
    }
  }
`;

export const BOOK_SESSION = /* GraphQL */ `
  mutation BookSession($input: BookSessionInput!) {
    bookSession(input: $input) {
      booking {
        id
        status
        waitingPosition
      }
    }
  }
`;

export const SCHOOL_BOOKINGS = /* GraphQL */ `
  query SchoolBookings($institutionId: ID!) {
    institution(id: $institutionId) {
      id
      name
      bookings {
        ...SchoolBookingFields
        session {
          id
          startsAt
          endsAt
          place
          freePlaces
          activity {
            id
            title
          }
        }
      }
    }
  }
  ${SCHOOL_BOOKING_FIELDS}
`;

export const CANCEL_BOOKING = /* GraphQL */ `
  mutation CancelBooking($input: CancelBookingInput!) {
    cancelBooking(input: $input) {
      booking {
        id
        status
      }
    }
  }
`;

export const SCHOOL_CALENDAR = /* GraphQL */ `
  query SchoolCalendar($institutionId: ID!) {
    schoolBookingsCalendar(institutionId: $institutionId)
  }
`;
