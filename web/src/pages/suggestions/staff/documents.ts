import { graphql } from "../../../gql";

// The street office's documents: statistics for the annual report, the list of suggestions in the
// staff's areas, and the working-day calendar.

export const OfficeStatsRowFragment = graphql(`
  fragment OfficeStatsRow on SuggestionStatsRow {
    key
    label
    received
    accepted
    declined
    transferred
    replied
    closed
    rated
    ratedByPhone
    satisfied
    basicallySatisfied
    unsatisfied
    overdue
    averageHandlingWorkingDays
    closureRate {
      numerator
      denominator
      percent
    }
    satisfactionRate {
      numerator
      denominator
      percent
    }
  }
`);

export const OfficeStatsDocument = graphql(`
  query OfficeStats($from: Date!, $to: Date!, $groupBy: SuggestionStatsGroupBy!, $areaId: ID, $postId: ID) {
    suggestionStatistics(from: $from, to: $to, groupBy: $groupBy, areaId: $areaId, postId: $postId) {
      from
      to
      asOf
      groupBy
      csvUrl
      xlsxUrl
      listCsvUrl
      listXlsxUrl
      total {
        ...OfficeStatsRow
      }
      rows {
        ...OfficeStatsRow
      }
      receptions {
        held
        visitors
        daysWithVisitorCount
        booked
        attended
        suggestionsRecorded
      }
    }
  }
`);

/** The month-by-month trend beside any grouping. */
export const OfficeStatsTrendDocument = graphql(`
  query OfficeStatsTrend($from: Date!, $to: Date!, $areaId: ID, $postId: ID) {
    suggestionStatistics(from: $from, to: $to, groupBy: MONTH, areaId: $areaId, postId: $postId) {
      from
      to
      rows {
        key
        label
        received
        accepted
        closed
        overdue
      }
    }
  }
`);

export const OfficeSuggestionItemFragment = graphql(`
  fragment OfficeSuggestionItem on Suggestion {
    ...SuggestionBadges
    title
    category
    channel
    createdAt
    area {
      id
      name
    }
    post {
      id
      name
    }
    currentTransfers {
      id
      role
      status
      department {
        id
        name
      }
    }
  }
`);

export const OfficeSuggestionsDocument = graphql(`
  query OfficeSuggestions($filter: SuggestionFilter, $orderBy: SuggestionOrder, $first: Int!, $after: String) {
    staffSuggestions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...OfficeSuggestionItem
        }
      }
    }
  }
`);

export const OfficePostsDocument = graphql(`
  query OfficePosts($areaId: ID!) {
    liaisonPosts(areaId: $areaId) {
      id
      name
      kind
    }
  }
`);

export const OfficeCalendarDayFragment = graphql(`
  fragment OfficeCalendarDay on WorkCalendarDay {
    date
    isWorkday
    name
    source
    officialIsWorkday
    officialName
  }
`);

export const OfficeCalendarDocument = graphql(`
  query OfficeCalendar($year: Int!) {
    workCalendar(year: $year) {
      ...OfficeCalendarDay
    }
  }
`);

export const OfficeSetCalendarDayDocument = graphql(`
  mutation OfficeSetCalendarDay($date: Date!, $isWorkday: Boolean!, $name: String) {
    setCalendarDay(date: $date, isWorkday: $isWorkday, name: $name) {
      __typename
      ... on MutationSetCalendarDaySuccess {
        data {
          ...OfficeCalendarDay
        }
      }
      ...Failure
    }
  }
`);

export const OfficeClearCalendarDayDocument = graphql(`
  mutation OfficeClearCalendarDay($date: Date!) {
    clearCalendarDay(date: $date) {
      __typename
      ... on MutationClearCalendarDaySuccess {
        data {
          ...OfficeCalendarDay
        }
      }
      ...Failure
    }
  }
`);
