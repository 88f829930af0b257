import { useEffect, useRef } from "react";
import { useSubscription } from "urql";
import { graphql } from "../../../gql";
import type { SuggestionEventKind } from "../../../gql/graphql";
import { useSession } from "../../../session/SessionProvider";

const OfficeWorkbenchStreamDocument = graphql(`
  subscription OfficeWorkbenchStream {
    suggestionWorkbench {
      suggestionId
      transferId
      kind
    }
  }
`);

export interface WorkbenchChange {
  suggestionId: string;
  transferId: string | null;
  kind: SuggestionEventKind;
}

interface Received {
  count: number;
  last: WorkbenchChange;
}

/**
 * Calls `onChanges` with what changed on the viewer's workbench stream (their departments' transfers,
 * or for staff the suggestions of their areas): once per burst, `debounceMs` after the last event,
 * so a flurry of steps costs one refetch. Also after the live connection comes back from a drop,
 * with no changes listed (events may have been missed meanwhile).
 */
export function useWorkbenchChanges(
  onChanges: (changes: WorkbenchChange[]) => void,
  { debounceMs = 300, pause = false }: { debounceMs?: number; pause?: boolean } = {},
) {
  const session = useSession();
  const callback = useRef(onChanges);
  const pending = useRef<WorkbenchChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    callback.current = onChanges;
  });

  const [{ data }] = useSubscription(
    { query: OfficeWorkbenchStreamDocument, pause },
    (previous: Received | undefined, event): Received => ({
      count: (previous?.count ?? 0) + 1,
      last: event.suggestionWorkbench,
    }),
  );

  useEffect(() => {
    if (!data) return;
    pending.current.push(data.last);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      const changes = pending.current;
      pending.current = [];
      callback.current(changes);
    }, debounceMs);
  }, [data, debounceMs]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    if (pause) return;
    return session.onReconnected(() => callback.current([]));
  }, [session, pause]);
}
