import { resolve } from "node:path";

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
  };
}
