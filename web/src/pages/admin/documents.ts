import { graphql } from "../../gql";

export const DecideMembershipDocument = graphql(`
  mutation DecideMembership($id: ID!, $decision: MembershipDecision!, $note: String) {
    decideMembership(id: $id, decision: $decision, note: $note) {
      __typename
      ... on MutationDecideMembershipSuccess {
        data {
          ...StaffMembership
        }
      }
      ...Failure
    }
  }
`);
