import { graphql } from "../../../gql";

// The one suggestion page's documents: what it reads, and the mutations that answer with the same
// fields so graphcache updates the page in place.

export const SuggestionDetailFieldsFragmentDoc = graphql(`
  fragment SuggestionDetailFields on Suggestion {
    ...SuggestionBadges
    ...SuggestionPublication
    title
    category
    content
    place
    channel
    allowPublish
    isPublic
    createdAt
    updatedAt
    closedAt
    declineReason
    area {
      id
      name
      kind
    }
    post {
      id
      name
      address
    }
    viewerIsSubmitter
    viewerIsHandler
    viewerFollows
    viewerActions
    timeline {
      ...PublicTimelineEvent
    }
    replies {
      id
      round
      body
      createdAt
      department {
        id
        name
      }
    }
    ratings {
      id
      round
      satisfaction
      comment
      createdAt
    }
    attachments {
      id
      url
      fileName
    }
    currentTransfers {
      ...TransferBadges
      department {
        id
        name
      }
    }
    transfers {
      id
      round
      status
      department {
        id
      }
    }
  }
`);

export const SuggestionDetailDocument = graphql(`
  query SuggestionDetail($id: ID!) {
    suggestion(id: $id) {
      ...SuggestionDetailFields
    }
  }
`);

export const SuggestionDetailChangedDocument = graphql(`
  subscription SuggestionDetailChanged($id: ID!) {
    suggestionChanged(id: $id) {
      suggestionId
      kind
    }
  }
`);

export const RateSuggestionDocument = graphql(`
  mutation ResidentRateSuggestion($id: ID!, $satisfaction: Satisfaction!, $comment: String) {
    rateSuggestion(id: $id, satisfaction: $satisfaction, comment: $comment) {
      __typename
      ... on MutationRateSuggestionSuccess {
        data {
          ...SuggestionDetailFields
        }
      }
      ...Failure
    }
  }
`);

export const FollowSuggestionDocument = graphql(`
  mutation ResidentFollowSuggestion($id: ID!, $follow: Boolean!) {
    followSuggestion(id: $id, follow: $follow) {
      __typename
      ... on MutationFollowSuggestionSuccess {
        data
      }
      ...Failure
    }
  }
`);
