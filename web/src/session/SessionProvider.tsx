import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { Provider } from "urql";
import { createGraphQLClient, type GraphQLClientHandle } from "../graphql/client";

interface SessionContextValue {
  /** Replaces the GraphQL client after signing in or out: empty cache, new WebSocket. */
  restart(): void;
  /** Registers a callback for when the live connection returns after a drop. */
  onReconnected(listener: () => void): () => void;
  /** Registers a callback for when the server answers UNAUTHENTICATED or ends the live connection's session. */
  onUnauthenticated(listener: () => void): () => void;
  /**
   * Signing out on purpose: the server ends this session's live connection too, which is then no
   * news to report. Until the next restart (or the returned function, if the sign-out failed).
   */
  expectSignOut(): () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<() => void>());
  const unauthenticatedListeners = useRef(new Set<() => void>());
  const signingOut = useRef(false);
  const create = useCallback(
    () =>
      createGraphQLClient({
        onReconnected: () => {
          for (const listener of listeners.current) listener();
        },
        onUnauthenticated: () => {
          if (signingOut.current) return;
          for (const listener of unauthenticatedListeners.current) listener();
        },
      }),
    [],
  );
  const [handle, setHandle] = useState<GraphQLClientHandle>(create);
  const current = useRef(handle);

  const restart = useCallback(() => {
    const previous = current.current;
    const next = create();
    signingOut.current = false;
    current.current = next;
    setHandle(next);
    previous.dispose();
  }, [create]);

  const value = useMemo<SessionContextValue>(
    () => ({
      restart,
      onReconnected: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      onUnauthenticated: (listener) => {
        unauthenticatedListeners.current.add(listener);
        return () => unauthenticatedListeners.current.delete(listener);
      },
      expectSignOut: () => {
        signingOut.current = true;
        return () => {
          signingOut.current = false;
        };
      },
    }),
    [restart],
  );

  return (
    <SessionContext.Provider value={value}>
      <Provider value={handle.client}>{children}</Provider>
    </SessionContext.Provider>
  );
}
