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

/**
 * Where to find a vote that `vote(id)` does not return: drafts are only reachable through their
 * subject's `votes` list, so links to a draft carry its subject.
 */
export function manageLink(
  vote: Pick<
    OrganiserVoteItemFragment,
    "id" | "status" | "subject" | "topic" | "budgetRound" | "proposal" | "meetingItem"
  >,
): string {
  const base = `/organise/votes/${vote.id}`;
  if (vote.status !== "DRAFT") return base;
  const params = new URLSearchParams();
  if (vote.topic) params.set("topic", vote.topic.id);
  if (vote.budgetRound) params.set("round", vote.budgetRound.id);
  if (vote.proposal) params.set("proposal", vote.proposal.id);
  if (vote.meetingItem) params.set("meeting", vote.meetingItem.meeting.id);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
