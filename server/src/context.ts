import type { Viewer } from "./auth/viewer.js";
import type { AppConfig } from "./config.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { Logger } from "./logger.js";
import type { CodeSender } from "./modules/accounts/code-sender.js";
import type { SmsSender } from "./modules/notifications/sms.js";
import type { AppPubSub } from "./pubsub.js";

/** What every resolver, query, mutation or subscription alike, gets. */
export interface Context {
  prisma: PrismaClient;
  viewer: Viewer;
  pubsub: AppPubSub;
  config: AppConfig;
  logger: Logger;
  codeSender: CodeSender;
  /** Text messages to people reachable only by phone. */
  sms: SmsSender;
  clientIp: string | null;
  userAgent: string | null;
  /** Sets (or clears, with null) the session cookie on the HTTP response; no-op over WebSocket. */
  setSessionCookie(token: string | null, expires?: Date): void;
}
