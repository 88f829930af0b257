import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { type CombinedError, type OperationResult, useClient } from "urql";
import type { DeptLocateTransferQuery } from "../../../gql/graphql";
import { DeptLocateTransferDocument } from "./documents";

/** At most this many pages of 100 are read looking for a transfer opened without `?s=`. */
const MAX_PAGES = 30;

interface Located {
  suggestionId: string | null;
  /** Still looking through the queue. */
  searching: boolean;
  /** Looked everywhere: not this department's transfer. */
  missing: boolean;
  error?: CombinedError;
}

/**
 * The suggestion a transfer belongs to. The API reads a transfer only through its suggestion, so
 * links carry the suggestion's id (`?s=`, as the queue writes them); a bare link (typed, shared)
 * is resolved by paging through the department's queue, every status included.
 */
export function useTransferSuggestion(departmentId: string, transferId: string): Located {
  const [params] = useSearchParams();
  const hinted = params.get("s");
  const client = useClient();
  const [located, setLocated] = useState<Located>({ suggestionId: hinted, searching: !hinted, missing: false });

  useEffect(() => {
    if (hinted) {
      setLocated({ suggestionId: hinted, searching: false, missing: false });
      return;
    }
    let cancelled = false;
    setLocated({ suggestionId: null, searching: true, missing: false });
    (async () => {
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const result: OperationResult<DeptLocateTransferQuery> = await client
          .query(DeptLocateTransferDocument, { departmentId, after }, { requestPolicy: "network-only" })
          .toPromise();
        if (cancelled) return;
        if (result.error) {
          setLocated({ suggestionId: null, searching: false, missing: false, error: result.error });
          return;
        }
        const connection = result.data?.departmentQueue;
        const hit = connection?.edges.find((edge) => edge.node.id === transferId);
        if (hit) {
          setLocated({ suggestionId: hit.node.suggestion.id, searching: false, missing: false });
          return;
        }
        if (!connection?.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      setLocated({ suggestionId: null, searching: false, missing: true });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, departmentId, transferId, hinted]);

  return located;
}
