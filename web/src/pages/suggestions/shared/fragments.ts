import { graphql } from "../../../gql";

// Fragments every suggestion page spreads: what the status tags and the due-date tag need.

export const SuggestionBadgesFragment = graphql(`
  fragment SuggestionBadges on Suggestion {
    id
    status
    round
    supervised
    overdue
    dueSoon
    dueOn
    workingDaysLeft
  }
`);

export const TransferBadgesFragment = graphql(`
  fragment TransferBadges on SuggestionTransfer {
    id
    role
    status
    dueOn
    overdue
    dueSoon
    workingDaysLeft
  }
`);
