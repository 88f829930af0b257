import { resolve } from "node:path";

/**
 * How sign-in codes and text messages (the suggestion notices) reach people: CODE_SENDER, one
 * setting for both, since both go through the one SMS gateway.
 */
export type CodeSenderConfig =
  /**
   * Written to the server log: development and demos only (anyone reading the log can sign in as
   * anyone, and texts are marked sent though nobody received them).
   */
  | { kind: "log" }
  /** POSTed as JSON {phone, text} to an SMS gateway's webhook. */
  | { kind: "http"; url: string; token?: string };

/** Everything the app reads from its environment, resolved once at start. */
export interface AppConfig {
  /** postgres://… selects PostgreSQL; unset means embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data folder; "memory://" keeps the database in memory (tests). */
  dataDir: string;
  /** redis://… shares live events between server instances. */
  redisUrl?: string;
  port: number;
  host: string;
  /** Secret for hashing sign-in codes; must be set in production. */
  secret: string;
  /** Serve the built web app from this folder (production: one process is the whole product). */
  webDistDir?: string;
  sessionDays: number;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** Load the demo data when the database is empty. */
  seedDemo: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for rate limits). */
  trustProxy: boolean;
  /** How sign-in codes and text messages are delivered; optional so that tests passing their own senders need none. */
  codeSender?: CodeSenderConfig;
}

/** CODE_SENDER=log|http with SMS_GATEWAY_URL (and SMS_GATEWAY_TOKEN); refuses unsafe production setups. */
function loadCodeSender(env: NodeJS.ProcessEnv, production: boolean): CodeSenderConfig {
  const kind = env.CODE_SENDER?.trim() || "log";
  if (kind === "http") {
    const url = env.SMS_GATEWAY_URL?.trim();
    if (!url) throw new Error("SMS_GATEWAY_URL must be set when CODE_SENDER=http");
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(parsed.protocol);
    } catch {
      throw new Error(`SMS_GATEWAY_URL is not an http(s) URL: ${url}`);
    }
    return { kind: "http", url, token: env.SMS_GATEWAY_TOKEN?.trim() || undefined };
  }
  if (kind !== "log") throw new Error(`CODE_SENDER must be "log" or "http", not "${kind}"`);
  // In the log, a sign-in code lets whoever reads it sign in as that person, and a text message to a
  // resident is recorded as sent though it never left.
  if (production && env.ALLOW_LOG_CODE_SENDER !== "true") {
    throw new Error(
      "NODE_ENV=production with sign-in codes and text messages written to the log (nobody receives them): " +
        "set CODE_SENDER=http and SMS_GATEWAY_URL, " +
        "or ALLOW_LOG_CODE_SENDER=true if that is really meant (a demo or a closed trial)",
    );
  }
  return { kind: "log" };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const production = env.NODE_ENV === "production";
  if (production && !env.APP_SECRET) {
    throw new Error("APP_SECRET must be set when NODE_ENV=production");
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? ".data/pglite"),
    redisUrl: env.REDIS_URL || undefined,
    port: Number(env.PORT ?? 4000),
    host: env.HOST ?? "0.0.0.0",
    secret: env.APP_SECRET ?? "gongzhi-development-secret",
    webDistDir: env.WEB_DIST_DIR ?? resolve(import.meta.dirname, "../../web/dist"),
    sessionDays: Number(env.SESSION_DAYS ?? 30),
    secureCookies: env.SECURE_COOKIES === "true",
    logLevel: env.LOG_LEVEL ?? "info",
    seedDemo: argv.includes("--seed-demo") || env.SEED_DEMO === "true",
    trustProxy: env.TRUST_PROXY === "true",
    codeSender: loadCodeSender(env, production),
  };
}
