import { type Cache, cacheExchange, type KeyingConfig, type UpdatesConfig } from "@urql/exchange-graphcache";
import { createClient as createWsClient } from "graphql-ws";
import { Client, fetchExchange, gql, mapExchange, subscriptionExchange } from "urql";
import schema from "../gql/introspection";

/** The WebSocket endpoint on the page's own origin: ws:// in development, wss:// behind HTTPS. */
export function graphqlWsUrl(location: Location = window.location): string {
  const protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${location.host}/graphql`;
}

/**
 * Types the server returns without an id (connections, mutation results, tallies, statistics…).
 * They are embedded in their parent's entry instead of normalised; read from the schema, so a new
 * type without an id needs no entry here (graphcache warns about every type it cannot key).
 */
const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);
const keys: KeyingConfig = Object.fromEntries(
  schema.__schema.types
    .filter(
      (type) =>
        type.kind === "OBJECT" &&
        !ROOT_TYPES.has(type.name) &&
        !("fields" in type && type.fields?.some((field) => field.name === "id")),
    )
    .map((type) => [type.name, () => null]),
);

/** Drops every cached variant (all arguments) of a field, so active queries refetch it. */
function invalidateField(cache: Cache, entity: string | { __typename: string; id: string }, fieldName: string) {
  const key = typeof entity === "string" ? entity : cache.keyOfEntity(entity);
  if (!key) return;
  for (const field of cache.inspectFields(key)) {
    if (field.fieldName === fieldName) cache.invalidate(key, field.fieldKey);
  }
}

/** The `data` of a mutation's result union when it succeeded, else null. */
function successData(result: Record<string, unknown>, fieldName: string): Record<string, unknown> | null {
  const value = result[fieldName] as { __typename?: string; data?: unknown } | null | undefined;
  if (!value || value.__typename === "AppError" || value.data == null) return null;
  return value.data as Record<string, unknown>;
}

function refId(value: unknown): string | null {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === "string" ? id : null;
}

/** The entity a vote hangs off (createVote's subject), whose `votes` list gains the new draft. */
const SUBJECT_TYPENAMES: Record<string, string> = {
  TOPIC: "Topic",
  MEETING_ITEM: "MeetingItem",
  PROPOSAL: "Proposal",
  BUDGET_ROUND: "BudgetRound",
};

const NotificationReadFragment = gql`
  fragment NotificationRead on Notification {
    id
    readAt
  }
`;

/**
 * After a mutation or a live event, drop exactly the cached lists it changes; graphcache then
 * refetches them for the components on screen. Lists are paged by cursor (no client-side merging),
 * so refetching the page in view is always consistent.
 */
const updates: UpdatesConfig = {
  Mutation: {
    decideMembership(result, _args, cache) {
      if (successData(result, "decideMembership")) invalidateField(cache, "Query", "memberships");
    },
    requestMembership(result, _args, cache) {
      if (successData(result, "requestMembership")) cache.invalidate("Query", "viewer");
    },
    grantRole(result, _args, cache) {
      const grant = successData(result, "grantRole");
      if (!grant) return;
      invalidateField(cache, "Query", "roleGrants");
      const councilId = refId(grant.council);
      if (councilId) cache.invalidate({ __typename: "Council", id: councilId }, "members");
      const postId = refId(grant.post);
      if (postId) cache.invalidate({ __typename: "LiaisonPost", id: postId }, "deputies");
    },
    revokeRole(result, _args, cache) {
      const grant = successData(result, "revokeRole");
      if (!grant) return;
      invalidateField(cache, "Query", "roleGrants");
      const councilId = refId(grant.council);
      if (councilId) cache.invalidate({ __typename: "Council", id: councilId }, "members");
      const postId = refId(grant.post);
      if (postId) cache.invalidate({ __typename: "LiaisonPost", id: postId }, "deputies");
    },
    setDeputyProfile(result, args, cache) {
      if (!successData(result, "setDeputyProfile")) return;
      // A first profile links the account to it, and the deputy now shows on their posts.
      cache.invalidate({ __typename: "Account", id: String(args.accountId) }, "deputyProfile");
      for (const field of ["liaisonPosts", "liaisonPost"]) invalidateField(cache, "Query", field);
    },
    registerResident(result, _args, cache) {
      if (successData(result, "registerResident")) invalidateField(cache, "Query", "memberships");
    },
    createArea(result, args, cache) {
      if (!successData(result, "createArea")) return;
      const parent = { __typename: "Area", id: String(args.parentId) };
      cache.invalidate(parent, "children");
      cache.invalidate(parent, "childCount");
      invalidateField(cache, "Query", "areas");
    },
    addHouseholds(result, args, cache) {
      if (successData(result, "addHouseholds")) {
        invalidateField(cache, { __typename: "Area", id: String(args.buildingId) }, "households");
      }
    },
    createCouncil(result, args, cache) {
      if (!successData(result, "createCouncil")) return;
      invalidateField(cache, "Query", "councils");
      cache.invalidate({ __typename: "Area", id: String(args.areaId) }, "councils");
    },
    createDepartment(result, args, cache) {
      if (!successData(result, "createDepartment")) return;
      invalidateField(cache, "Query", "departments");
      cache.invalidate({ __typename: "Area", id: String(args.areaId) }, "departments");
    },
    createLiaisonPost(result, args, cache) {
      if (!successData(result, "createLiaisonPost")) return;
      invalidateField(cache, "Query", "liaisonPosts");
      cache.invalidate({ __typename: "Area", id: String(args.areaId) }, "liaisonPosts");
      if (args.parentId) cache.invalidate({ __typename: "LiaisonPost", id: String(args.parentId) }, "children");
    },
    createVote(result, args, cache) {
      if (!successData(result, "createVote")) return;
      invalidateField(cache, "Query", "votes");
      const typename = SUBJECT_TYPENAMES[String(args.subject)];
      if (typename) cache.invalidate({ __typename: typename, id: String(args.subjectId) }, "votes");
    },
    transitionVote(result, args, cache) {
      if (!successData(result, "transitionVote")) return;
      const vote = { __typename: "Vote", id: String(args.id) };
      // A draft is not readable by id (vote(id) answers null): after opening it is.
      cache.invalidate("Query", "vote", { id: String(args.id) });
      cache.invalidate(vote, "myStatus");
      invalidateField(cache, "Query", "votes");
      invalidateField(cache, "Query", "myVotes");
    },
    castBallot(result, args, cache) {
      if (!successData(result, "castBallot")) return;
      cache.invalidate({ __typename: "Vote", id: String(args.voteId) }, "myStatus");
      invalidateField(cache, "Query", "myVotes");
    },
    // 人大代表联络站: new suggestions and reception bookings change the lists that show them.
    submitSuggestion(result, _args, cache) {
      if (successData(result, "submitSuggestion")) invalidateField(cache, "Query", "mySuggestions");
    },
    recordSuggestion(result, _args, cache) {
      if (!successData(result, "recordSuggestion")) return;
      invalidateField(cache, "Query", "deputyInbox");
      invalidateField(cache, "Query", "staffSuggestions");
    },
    scheduleReceptionDay(result, _args, cache) {
      if (successData(result, "scheduleReceptionDay")) invalidateField(cache, "Query", "receptionDays");
    },
    bookReception(result, _args, cache) {
      if (successData(result, "bookReception")) invalidateField(cache, "Query", "receptionDays");
    },
    cancelReceptionBooking(result, _args, cache) {
      if (successData(result, "cancelReceptionBooking")) invalidateField(cache, "Query", "receptionDays");
    },
    markNotificationsRead(_result, args, cache) {
      cache.invalidate("Query", "unreadNotificationCount");
      const ids = args.ids as string[] | null | undefined;
      if (!ids) {
        invalidateField(cache, "Query", "myNotifications");
        return;
      }
      // Mark in place, so a long list does not reload and jump while the person reads it.
      const readAt = new Date().toISOString();
      for (const id of ids) cache.writeFragment(NotificationReadFragment, { __typename: "Notification", id, readAt });
    },
  },
  Subscription: {
    viewerChanged(result, _args, cache) {
      const change = result.viewerChanged as { reason?: string } | null;
      if (change?.reason !== "notification") cache.invalidate("Query", "viewer");
      // Every change the server announces comes with (or is) a notification.
      cache.invalidate("Query", "unreadNotificationCount");
      invalidateField(cache, "Query", "myNotifications");
    },
    membershipQueueChanged(_result, _args, cache) {
      invalidateField(cache, "Query", "memberships");
    },
  },
};

export interface GraphQLClientHandle {
  client: Client;
  /** Closes the WebSocket; the handle is unusable afterwards. */
  dispose(): void;
}

export interface GraphQLClientOptions {
  /** Called when the WebSocket came back after a drop: events may have been missed meanwhile. */
  onReconnected?: () => void;
  /**
   * Called when the server no longer knows the session (expired, signed out elsewhere, account
   * disabled): an UNAUTHENTICATED answer, or the WebSocket closed with SESSION_ENDED_CLOSE_CODE.
   */
  onUnauthenticated?: () => void;
}

/** The server closes a WebSocket with this code when its session ended: reconnecting cannot help. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

function endsSession(event: unknown): boolean {
  return (event as { code?: unknown } | null)?.code === SESSION_ENDED_CLOSE_CODE;
}

/**
 * graphql-ws checks the socket is open, awaits, then sends a subscribe: when the server closes the
 * socket in between (e.g. 4401) the browser logs an error for the write. The close that follows is
 * handled anyway (retried, or the session dropped), so a write to a closing socket is dropped.
 */
class ClosingTolerantWebSocket extends WebSocket {
  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    if (this.readyState === WebSocket.OPEN) super.send(data);
  }
}

/**
 * One client per session: after signing in or out the app builds a fresh one, so the cache never
 * shows one person's data to the next and the WebSocket reconnects with the new session cookie.
 */
export function createGraphQLClient(options: GraphQLClientOptions = {}): GraphQLClientHandle {
  // A replaced client's last words (its socket closing after sign-out) are no news.
  let disposed = false;
  // Once the server ended the session, this client opens no socket again: a subscription started
  // meanwhile would connect with the dead session, only to be cut off when the client is replaced.
  let sessionEnded = false;
  const wsClient = createWsClient({
    url: graphqlWsUrl(),
    webSocketImpl: ClosingTolerantWebSocket,
    // Connect on the first subscription, close when the last one ends.
    lazy: true,
    lazyCloseTimeout: 3_000,
    keepAlive: 20_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    // Network drops and 4403 (a role was revoked: connect again with what is left) are retried for
    // ever; an ended session is not, the person has to sign in again.
    shouldRetry: (event) => !endsSession(event),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) options.onReconnected?.();
      },
      closed: (event) => {
        // After graphql-ws has finished with the closed socket (this listener runs first): the
        // handler replaces this client, and disposing it mid-close makes it write to the dead socket.
        if (!endsSession(event)) return;
        sessionEnded = true;
        setTimeout(() => {
          if (!disposed) options.onUnauthenticated?.();
        }, 0);
      },
    },
  });

  const client = new Client({
    url: "/graphql",
    fetchOptions: { credentials: "include" },
    // POST only: search variables (phone numbers, names) must not end up in URLs and access logs.
    preferGetMethod: false,
    requestPolicy: "cache-first",
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) options.onUnauthenticated?.();
        },
      }),
      cacheExchange({
        // Schema-aware: results are unions (Success | AppError), which graphcache cannot match by guessing.
        schema,
        keys,
        updates,
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              if (sessionEnded || disposed) {
                sink.complete();
                return { unsubscribe: () => {} };
              }
              const unsubscribe = wsClient.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    dispose: () => {
      disposed = true;
      void wsClient.dispose();
    },
  };
}
