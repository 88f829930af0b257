import { useEffect, useMemo } from "react";
import { useSubscription } from "urql";
import type { TallyFieldsFragment, VoteStatus } from "../../gql/graphql";
import { VoteTallyLiveDocument } from "./documents";
import { newerTally } from "./model";

/**
 * The vote's count, kept live: the query's snapshot, then every snapshot the server pushes.
 * Out-of-order snapshots (several server instances) never replace a newer one.
 * `onStatusChange` fires when the pushed status differs from the page's (opened, closed, published
 * elsewhere) so the page can reload what depends on it: the ballot form, the result.
 */
export function useLiveTally(
  voteId: string,
  initial: TallyFieldsFragment | null | undefined,
  options: { pause?: boolean; pageStatus?: VoteStatus; onStatusChange?: () => void } = {},
): TallyFieldsFragment | null {
  const [{ data }] = useSubscription(
    { query: VoteTallyLiveDocument, variables: { voteId }, pause: options.pause },
    (previous: { voteTally: TallyFieldsFragment } | undefined, next) => {
      const kept = newerTally(previous?.voteTally, next.voteTally);
      return kept === previous?.voteTally && previous ? previous : next;
    },
  );
  const live = data?.voteTally;
  const tally = useMemo(() => newerTally(initial, live?.voteId === voteId ? live : null), [initial, live, voteId]);

  const { pageStatus, onStatusChange } = options;
  const liveStatus = tally?.status;
  useEffect(() => {
    if (liveStatus && pageStatus && liveStatus !== pageStatus) onStatusChange?.();
  }, [liveStatus, pageStatus, onStatusChange]);

  return tally;
}
