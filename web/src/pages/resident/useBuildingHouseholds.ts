import { useEffect, useState } from "react";
import { type OperationResult, useClient } from "urql";
import { graphql } from "../../gql";
import type { BuildingHouseholdsQuery } from "../../gql/graphql";

const BuildingHouseholdsDocument = graphql(`
  query BuildingHouseholds($id: ID!, $first: Int!, $after: String) {
    area(id: $id) {
      id
      households(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            unit
            floorAreaSqm
          }
        }
      }
    }
  }
`);

export interface HouseholdOption {
  id: string;
  unit: string;
  floorAreaSqm: number;
}

const PAGE = 100;
/** A building has at most a few hundred units; stop well above that. */
const MAX_PAGES = 30;

/** Every household of a building, for picking one's own (pages through the connection). */
export function useBuildingHouseholds(buildingId: string | null) {
  const client = useClient();
  const [state, setState] = useState<{ households: HouseholdOption[]; loading: boolean; failed: boolean }>({
    households: [],
    loading: false,
    failed: false,
  });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    if (!buildingId) {
      setState({ households: [], loading: false, failed: false });
      return;
    }
    let cancelled = false;
    setState({ households: [], loading: true, failed: false });
    (async () => {
      const all: HouseholdOption[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result: OperationResult<BuildingHouseholdsQuery> = await client
          .query(BuildingHouseholdsDocument, { id: buildingId, first: PAGE, after })
          .toPromise();
        if (cancelled) return;
        const connection = result.data?.area?.households;
        if (result.error || !connection) {
          setState({ households: [], loading: false, failed: true });
          return;
        }
        all.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      all.sort((a, b) => a.unit.localeCompare(b.unit, "zh-CN", { numeric: true }));
      setState({ households: all, loading: false, failed: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [buildingId, client, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
