import { graphql } from "../../gql";

// The voting engine's documents shared by the resident, projector and organiser pages.

export const VoteCoreFragment = graphql(`
  fragment VoteCore on Vote {
    id
    title
    question
    subject
    ballotType
    maxChoices
    budgetFen
    status
    countingUnit
    threshold
    quorumPercent
    secret
    sealed
    rollSize
    opensAt
    closesAt
    openedAt
    closedAt
    publishedAt
    area {
      id
      name
      kind
      ancestors {
        id
        name
        kind
      }
    }
    council {
      id
      name
    }
    options {
      id
      label
      position
      costFen
    }
  }
`);

export const TallyFieldsFragment = graphql(`
  fragment TallyFields on VoteTally {
    voteId
    status
    version
    rollSize
    rollFloorAreaSqm
    participants
    participantFloorAreaSqm
    sealed
    options {
      optionId
      label
      count
      floorAreaSqm
      costFen
    }
    funded {
      optionIds
      totalFen
      remainingFen
    }
    checks {
      label
      met
    }
    computedAt
  }
`);

export const MyVoteStatusFragment = graphql(`
  fragment MyVoteStatusFields on MyVoteStatus {
    eligible
    reason
    hasVoted
    channel
    lastCastAt
    optionIds
  }
`);

export const VoteTallyLiveDocument = graphql(`
  subscription VoteTallyLive($voteId: ID!) {
    voteTally(voteId: $voteId) {
      ...TallyFields
    }
  }
`);

export const CastBallotDocument = graphql(`
  mutation CastBallot($voteId: ID!, $optionIds: [ID!]!, $householdId: ID) {
    castBallot(voteId: $voteId, optionIds: $optionIds, householdId: $householdId) {
      __typename
      ... on MutationCastBallotSuccess {
        data {
          receiptCode
          replaced
        }
      }
      ...Failure
    }
  }
`);

export const VerifyReceiptDocument = graphql(`
  query VerifyReceipt($voteId: ID!, $code: String!) {
    verifyReceipt(voteId: $voteId, code: $code) {
      found
      optionLabels
    }
  }
`);

export const TransitionVoteDocument = graphql(`
  mutation TransitionVote($id: ID!, $to: VoteTransition!) {
    transitionVote(id: $id, to: $to) {
      __typename
      ... on MutationTransitionVoteSuccess {
        data {
          ...VoteCore
          viewerMayOrganise
          result
          tally {
            ...TallyFields
          }
        }
      }
      ...Failure
    }
  }
`);

export const RecordPaperBallotDocument = graphql(`
  mutation RecordPaperBallot(
    $voteId: ID!
    $accountId: ID
    $householdId: ID
    $optionIds: [ID!]!
    $correction: Boolean
  ) {
    recordPaperBallot(
      voteId: $voteId
      accountId: $accountId
      householdId: $householdId
      optionIds: $optionIds
      correction: $correction
    ) {
      __typename
      ... on MutationRecordPaperBallotSuccess {
        data {
          receiptCode
          replaced
        }
      }
      ...Failure
    }
  }
`);
