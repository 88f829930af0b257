import { graphql } from "../../gql";

export const RequestMembershipDocument = graphql(`
  mutation RequestMembership($householdId: ID!, $isAdult: Boolean) {
    requestMembership(householdId: $householdId, isAdult: $isAdult) {
      __typename
      ... on MutationRequestMembershipSuccess {
        data {
          ...MyMembership
        }
      }
      ...Failure
    }
  }
`);
