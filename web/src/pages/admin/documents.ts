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

export const SetAccountDisabledDocument = graphql(`
  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {
    setAccountDisabled(id: $id, disabled: $disabled) {
      __typename
      ... on MutationSetAccountDisabledSuccess {
        data {
          id
          disabledAt
        }
      }
      ...Failure
    }
  }
`);
