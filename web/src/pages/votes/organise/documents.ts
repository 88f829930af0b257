import { graphql } from "../../../gql";
import type { OrganiserVoteItemFragment } from "../../../gql/graphql";

export const OrganiserVoteItemFragmentDoc = graphql(`
  fragment OrganiserVoteItem on Vote {
    id
    title
    status
    subject
    ballotType
    countingUnit
    opensAt
    closesAt
    rollSize
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
    topic {
      id
    }
    budgetRound {
      id
    }
    proposal {
      id
    }
    meetingItem {
      id
      meeting {
        id
      }
    }
  }
`);

export const ManageVoteFieldsFragmentDoc = graphql(`
  fragment ManageVoteFields on Vote {
    ...VoteCore
    ...OrganiserVoteItem
    viewerMayOrganise
    result
    tally {
      ...TallyFields
    }
    topic {
      id
      title
    }
    budgetRound {
      id
      name
    }
    proposal {
      id
      title
    }
    meetingItem {
      id
      title
      meeting {
        id
        title
      }
    }
  }
`);

/** The organiser's page of a vote (drafts included: `vote(id)` returns them to their organisers). */
export function manageLink(vote: Pick<OrganiserVoteItemFragment, "id">): string {
  return `/organise/votes/${vote.id}`;
}
