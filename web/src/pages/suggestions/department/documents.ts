import { graphql } from "../../../gql";

// The department handler's documents: the queue, one transfer (read through its suggestion, the
// only way the API gives a single transfer), the handling mutations and the live streams.

export const DeptQueueItemFragment = graphql(`
  fragment DeptQueueItem on SuggestionTransfer {
    ...TransferBadges
    round
    transferredAt
    completedAt
    returnedAt
    viewerActions
    suggestion {
      id
      title
      category
      status
      round
      supervised
      area {
        id
        name
      }
      post {
        id
        name
      }
    }
  }
`);

export const DeptQueueDocument = graphql(`
  query DeptQueue(
    $departmentId: ID!
    $status: [TransferStatus!]
    $overdue: Boolean
    $dueSoon: Boolean
    $search: String
    $first: Int!
    $after: String
  ) {
    departmentQueue(
      departmentId: $departmentId
      status: $status
      overdue: $overdue
      dueSoon: $dueSoon
      search: $search
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...DeptQueueItem
        }
      }
    }
  }
`);

/** The figures above the queue: what waits to be signed for, what is being handled, what is late. */
export const DeptQueueCountsDocument = graphql(`
  query DeptQueueCounts($departmentId: ID!) {
    pending: departmentQueue(departmentId: $departmentId, status: [PENDING], first: 1) {
      totalCount
    }
    inProgress: departmentQueue(departmentId: $departmentId, status: [IN_PROGRESS], first: 1) {
      totalCount
    }
    overdue: departmentQueue(departmentId: $departmentId, overdue: true, first: 1) {
      totalCount
    }
    dueSoon: departmentQueue(departmentId: $departmentId, dueSoon: true, first: 1) {
      totalCount
    }
  }
`);

export const DeptHomeDocument = graphql(`
  query DeptHome($id: ID!) {
    department(id: $id) {
      id
      name
      contact
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
    }
  }
`);

export const DeptColleaguesDocument = graphql(`
  query DeptColleagues($areaId: ID!) {
    departments(areaId: $areaId) {
      id
      name
      contact
    }
  }
`);

export const DeptTransferDetailFragment = graphql(`
  fragment DeptTransferDetail on SuggestionTransfer {
    id
    role
    status
    dueOn
    overdue
    dueSoon
    workingDaysLeft
    round
    note
    transferredAt
    returnReason
    returnedAt
    completedAt
    remindedAt
    viewerActions
    transferredBy {
      id
      displayName
      deputyProfile {
        id
        name
      }
    }
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

export const DeptSuggestionFragment = graphql(`
  fragment DeptSuggestion on Suggestion {
    ...SuggestionBadges
    title
    content
    place
    category
    channel
    createdAt
    acceptedAt
    viewerActions
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
    post {
      id
      name
    }
    submitterName
    submitterPhone
    attachments {
      id
      url
      fileName
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
    transfers {
      ...DeptTransferDetail
    }
    history {
      ...HandlingHistoryEvent
    }
  }
`);

export const DeptTransferSuggestionDocument = graphql(`
  query DeptTransferSuggestion($id: ID!) {
    suggestion(id: $id) {
      ...DeptSuggestion
    }
  }
`);

/** Finding a transfer's suggestion from the transfer alone (a link without `?s=`): page through the queue. */
export const DeptLocateTransferDocument = graphql(`
  query DeptLocateTransfer($departmentId: ID!, $after: String) {
    departmentQueue(
      departmentId: $departmentId
      status: [PENDING, IN_PROGRESS, DONE, RETURNED]
      first: 100
      after: $after
    ) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          suggestion {
            id
          }
        }
      }
    }
  }
`);

/** Each change of the suggestion, with the suggestion as it is now (graphcache updates the page from it). */
export const DeptSuggestionLiveDocument = graphql(`
  subscription DeptSuggestionLive($id: ID!) {
    suggestionChanged(id: $id) {
      kind
      suggestionId
      transferId
      suggestion {
        ...DeptSuggestion
      }
    }
  }
`);

export const DeptAcknowledgeDocument = graphql(`
  mutation DeptAcknowledge($transferId: ID!) {
    acknowledgeTransfer(transferId: $transferId) {
      __typename
      ... on MutationAcknowledgeTransferSuccess {
        data {
          ...DeptTransferDetail
          suggestion {
            ...SuggestionBadges
            viewerActions
          }
        }
      }
      ...Failure
    }
  }
`);

export const DeptPostUpdateDocument = graphql(`
  mutation DeptPostUpdate($transferId: ID!, $body: String!, $photoIds: [ID!]) {
    postSuggestionUpdate(transferId: $transferId, body: $body, photoIds: $photoIds) {
      __typename
      ... on MutationPostSuggestionUpdateSuccess {
        data {
          ...DeptTransferDetail
          suggestion {
            ...SuggestionBadges
            viewerActions
          }
        }
      }
      ...Failure
    }
  }
`);

export const DeptReturnDocument = graphql(`
  mutation DeptReturn($transferId: ID!, $reason: String!) {
    returnTransfer(transferId: $transferId, reason: $reason) {
      __typename
      ... on MutationReturnTransferSuccess {
        data {
          ...DeptTransferDetail
          suggestion {
            ...SuggestionBadges
            viewerActions
          }
        }
      }
      ...Failure
    }
  }
`);

export const DeptCompleteDocument = graphql(`
  mutation DeptComplete($transferId: ID!, $note: String) {
    completeTransfer(transferId: $transferId, note: $note) {
      __typename
      ... on MutationCompleteTransferSuccess {
        data {
          ...DeptTransferDetail
          suggestion {
            ...SuggestionBadges
            viewerActions
          }
        }
      }
      ...Failure
    }
  }
`);

export const DeptReplyDocument = graphql(`
  mutation DeptReply($id: ID!, $body: String!) {
    replySuggestion(id: $id, body: $body) {
      __typename
      ... on MutationReplySuggestionSuccess {
        data {
          ...DeptSuggestion
        }
      }
      ...Failure
    }
  }
`);
