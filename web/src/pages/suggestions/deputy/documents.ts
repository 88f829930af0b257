import { graphql } from "../../../gql";

// The deputy's workbench: its lists, the handling page's suggestion and the steps a handler takes.
// Every step returns the suggestion with the handling page's fields, so the page updates from the
// mutation's own answer (graphcache normalises it by id).

export const InboxItemFragment = graphql(`
  fragment InboxItem on Suggestion {
    ...SuggestionBadges
    title
    category
    channel
    createdAt
    place
    post {
      id
      name
    }
    area {
      id
      name
    }
  }
`);

export const WorkbenchInboxDocument = graphql(`
  query WorkbenchInbox(
    $staff: Boolean!
    $filter: SuggestionFilter
    $orderBy: SuggestionOrder
    $first: Int!
    $after: String
  ) {
    deputyInbox(filter: $filter, orderBy: $orderBy, first: $first, after: $after) @skip(if: $staff) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InboxItem
        }
      }
    }
    staffSuggestions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) @include(if: $staff) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InboxItem
        }
      }
    }
  }
`);

// One count per tab, in one request. `first: 1`: only the count is wanted.
export const WorkbenchCountsDocument = graphql(`
  query WorkbenchCounts(
    $staff: Boolean!
    $active: SuggestionFilter
    $overdue: SuggestionFilter
    $dueSoon: SuggestionFilter
    $submitted: SuggestionFilter
    $accepted: SuggestionFilter
    $handling: SuggestionFilter
    $replied: SuggestionFilter
    $supervising: SuggestionFilter
    $finished: SuggestionFilter
  ) {
    deputyActive: deputyInbox(filter: $active, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputyOverdue: deputyInbox(filter: $overdue, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputyDueSoon: deputyInbox(filter: $dueSoon, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputySubmitted: deputyInbox(filter: $submitted, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputyAccepted: deputyInbox(filter: $accepted, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputyHandling: deputyInbox(filter: $handling, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputyReplied: deputyInbox(filter: $replied, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputySupervising: deputyInbox(filter: $supervising, first: 1) @skip(if: $staff) {
      totalCount
    }
    deputyFinished: deputyInbox(filter: $finished, first: 1) @skip(if: $staff) {
      totalCount
    }
    staffActive: staffSuggestions(filter: $active, first: 1) @include(if: $staff) {
      totalCount
    }
    staffOverdue: staffSuggestions(filter: $overdue, first: 1) @include(if: $staff) {
      totalCount
    }
    staffDueSoon: staffSuggestions(filter: $dueSoon, first: 1) @include(if: $staff) {
      totalCount
    }
    staffSubmitted: staffSuggestions(filter: $submitted, first: 1) @include(if: $staff) {
      totalCount
    }
    staffAccepted: staffSuggestions(filter: $accepted, first: 1) @include(if: $staff) {
      totalCount
    }
    staffHandling: staffSuggestions(filter: $handling, first: 1) @include(if: $staff) {
      totalCount
    }
    staffReplied: staffSuggestions(filter: $replied, first: 1) @include(if: $staff) {
      totalCount
    }
    staffSupervising: staffSuggestions(filter: $supervising, first: 1) @include(if: $staff) {
      totalCount
    }
    staffFinished: staffSuggestions(filter: $finished, first: 1) @include(if: $staff) {
      totalCount
    }
  }
`);

export const WorkbenchChangedDocument = graphql(`
  subscription WorkbenchChanged {
    suggestionWorkbench {
      kind
      suggestionId
      transferId
      suggestion {
        id
        title
      }
    }
  }
`);

export const HandleTransferFragment = graphql(`
  fragment HandleTransfer on SuggestionTransfer {
    ...TransferBadges
    round
    note
    transferredAt
    completedAt
    returnedAt
    returnReason
    department {
      id
      name
      contact
    }
    updates {
      id
      body
      createdAt
      attachments {
        id
        url
        fileName
      }
    }
  }
`);

export const HandleSuggestionFragment = graphql(`
  fragment HandleSuggestion on Suggestion {
    ...SuggestionBadges
    ...SuggestionPublication
    title
    content
    place
    category
    channel
    allowPublish
    isPublic
    createdAt
    acceptedAt
    declinedAt
    declineReason
    closedAt
    unratedCloseFrom
    viewerActions
    viewerIsHandler
    submitterName
    submitterPhone
    submitter {
      id
    }
    textMessages {
      id
      kind
      status
      attempts
      createdAt
    }
    post {
      id
      name
      address
    }
    area {
      id
      name
      kind
      ancestors {
        id
        name
        kind
        departments {
          id
          name
        }
      }
      departments {
        id
        name
      }
    }
    receptionDay {
      id
      startsAt
      endsAt
      place
    }
    attachments {
      id
      url
      fileName
    }
    transfers {
      ...HandleTransfer
    }
    currentTransfers {
      id
      role
      status
      department {
        id
      }
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
      byPhone
      enteredByName
      createdAt
    }
    history {
      ...HandlingHistoryEvent
    }
  }
`);

export const HandleSuggestionDocument = graphql(`
  query HandleSuggestion($id: ID!) {
    suggestion(id: $id) {
      ...HandleSuggestion
    }
  }
`);

export const SuggestionChangedDocument = graphql(`
  subscription HandleSuggestionChanged($id: ID!) {
    suggestionChanged(id: $id) {
      kind
      suggestionId
    }
  }
`);

export const AcceptSuggestionDocument = graphql(`
  mutation AcceptSuggestion($id: ID!, $note: String) {
    acceptSuggestion(id: $id, note: $note) {
      __typename
      ... on MutationAcceptSuggestionSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const DeclineSuggestionDocument = graphql(`
  mutation DeclineSuggestion($id: ID!, $reason: String!) {
    declineSuggestion(id: $id, reason: $reason) {
      __typename
      ... on MutationDeclineSuggestionSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const TransferSuggestionDocument = graphql(`
  mutation TransferSuggestion($id: ID!, $transfers: [TransferInput!]!, $note: String) {
    transferSuggestion(id: $id, transfers: $transfers, note: $note) {
      __typename
      ... on MutationTransferSuggestionSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const AddSuggestionTransfersDocument = graphql(`
  mutation AddSuggestionTransfers($id: ID!, $transfers: [TransferInput!]!, $note: String) {
    addSuggestionTransfers(id: $id, transfers: $transfers, note: $note) {
      __typename
      ... on MutationAddSuggestionTransfersSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const ReplySuggestionDocument = graphql(`
  mutation ReplySuggestion($id: ID!, $body: String!) {
    replySuggestion(id: $id, body: $body) {
      __typename
      ... on MutationReplySuggestionSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const RateSuggestionByPhoneDocument = graphql(`
  mutation RateSuggestionByPhone($id: ID!, $satisfaction: Satisfaction!, $comment: String) {
    rateSuggestionByPhone(id: $id, satisfaction: $satisfaction, comment: $comment) {
      __typename
      ... on MutationRateSuggestionByPhoneSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const CloseSuggestionDocument = graphql(`
  mutation CloseSuggestion($id: ID!, $note: String) {
    closeSuggestion(id: $id, note: $note) {
      __typename
      ... on MutationCloseSuggestionSuccess {
        data {
          ...HandleSuggestion
        }
      }
      ...Failure
    }
  }
`);

export const DueDateAfterDocument = graphql(`
  query DueDateAfter($workingDays: Int!) {
    dueDateAfter(workingDays: $workingDays)
  }
`);

export const DueCalendarDocument = graphql(`
  query DueCalendar($year: Int!) {
    workCalendar(year: $year) {
      date
      isWorkday
      name
    }
  }
`);
