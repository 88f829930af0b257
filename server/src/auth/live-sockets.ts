import type { WebSocket } from "ws";

/**
 * Close codes for a socket whose subscriptions no longer match what its holder may see.
 * graphql-ws clients give up on 4401 (sign in again) and retry on 4403 by default.
 */
export const SOCKET_CLOSE = {
  /** The session is over (signed out, expired, account disabled): sign in again. */
  sessionEnded: 4401,
  /** Still signed in, but a role was revoked: connect again to subscribe with what is left. */
  accessChanged: 4403,
} as const;

/** setTimeout's longest delay (about 24.8 days); a 30-day session waits in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface Holder {
  sessionId: string;
  accountId: number;
  expiresAt: Date;
}

/**
 * The authenticated WebSockets open on this instance, by session and by account, so that whatever
 * ends a session or changes an account's rights (on any instance, told through the shared pub/sub)
 * closes them here; and each closes by itself when its session expires.
 */
export class LiveSockets {
  private readonly bySession = new Map<string, Set<WebSocket>>();
  private readonly byAccount = new Map<number, Set<WebSocket>>();

  add(socket: WebSocket, holder: Holder): void {
    addTo(this.bySession, holder.sessionId, socket);
    addTo(this.byAccount, holder.accountId, socket);
    let timer: NodeJS.Timeout | undefined;
    const waitForExpiry = () => {
      const remaining = holder.expiresAt.getTime() - Date.now();
      if (remaining <= 0) {
        socket.close(SOCKET_CLOSE.sessionEnded, "Session expired");
        return;
      }
      timer = setTimeout(waitForExpiry, Math.min(remaining, MAX_TIMER_MS));
      timer.unref();
    };
    waitForExpiry();
    socket.once("close", () => {
      clearTimeout(timer);
      removeFrom(this.bySession, holder.sessionId, socket);
      removeFrom(this.byAccount, holder.accountId, socket);
    });
  }

  closeSession(sessionId: string, code: number, reason: string): void {
    for (const socket of this.bySession.get(sessionId) ?? []) socket.close(code, reason);
  }

  closeAccount(accountId: number, code: number, reason: string): void {
    for (const socket of this.byAccount.get(accountId) ?? []) socket.close(code, reason);
  }
}

function addTo<K>(map: Map<K, Set<WebSocket>>, key: K, socket: WebSocket) {
  const sockets = map.get(key) ?? new Set<WebSocket>();
  sockets.add(socket);
  map.set(key, sockets);
}

function removeFrom<K>(map: Map<K, Set<WebSocket>>, key: K, socket: WebSocket) {
  const sockets = map.get(key);
  if (!sockets) return;
  sockets.delete(socket);
  if (sockets.size === 0) map.delete(key);
}
