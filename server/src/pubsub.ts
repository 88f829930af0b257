import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import type { Tally } from "./modules/voting/tally.js";

/**
 * Live events, keyed by topic. Payloads carry ids only: subscribers re-read what they may see
 * through the same authorised resolvers as queries, so an event never leaks data.
 */
export type PubSubChannels = {
  /** Something changed for this account: a notification, a verification, a role. */
  "account:changed": [accountId: number, payload: { reason: AccountChangeReason; subjectId?: number }];
  /** Area staff views: a membership request arrived or was decided. */
  "staff:membershipQueue": [payload: { membershipId: number; areaPath: string }];
  /**
   * A vote's count changed or the vote changed state. The snapshot is computed once by the
   * instance that saw the change and shared, so thousands of watchers cost no extra queries;
   * it carries aggregate figures only, and sealed votes' figures are withheld by the resolver.
   */
  "vote:tally": [voteId: number, payload: Tally];
  /** A suggestion changed (its status, transfers, reply …): watchers re-read it. */
  "suggestion:changed": [suggestionId: number, payload: SuggestionChange];
  /**
   * Workbench views (deputies of the post, departments it is transferred to, staff of its area):
   * something to refetch. Routing fields only; each subscriber filters on its own roles.
   */
  "suggestion:workbench": [payload: SuggestionWorkbenchEvent];
  /** A session ended (sign-out): every instance closes the WebSockets opened with it. */
  "session:revoked": [payload: { sessionId: string }];
  /**
   * What an account may see changed under its open subscriptions: every instance closes its
   * sockets — for good when it was disabled, to reconnect with what is left when a role was revoked.
   */
  "account:accessChanged": [payload: { accountId: number; reason: "roles" | "disabled" }];
};
export type AccountChangeReason = "notification" | "membership" | "roles";

export interface SuggestionChange {
  suggestionId: number;
  /** What happened, e.g. "TRANSFERRED", "REPLIED", "OVERDUE" (SuggestionEventKind). */
  kind: string;
}

export interface SuggestionWorkbenchEvent extends SuggestionChange {
  transferId: number | null;
  postId: number;
  areaPath: string;
  departmentIds: number[];
}

export type AppPubSub = ReturnType<typeof createPubSub<PubSubChannels>>;

export interface PubSubHandle {
  pubsub: AppPubSub;
  close(): Promise<void>;
}

/** In-process by default; with a Redis URL every server instance sees every event. */
export function createAppPubSub(redisUrl?: string): PubSubHandle {
  if (!redisUrl) {
    // Thousands of people may watch one vote: that is many listeners of one event, not a leak.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    return { pubsub: createPubSub<PubSubChannels>({ eventTarget }), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<PubSubChannels>({ eventTarget }),
    close: async () => {
      publishClient.disconnect();
      subscribeClient.disconnect();
    },
  };
}
