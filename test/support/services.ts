// PostgreSQL and Redis for the "postgres" test project. On a machine without them those suites
// are skipped (the default `pnpm test` must pass anywhere); with REQUIRE_SERVICES=1, as .ci/run
// sets, an unreachable service fails the run instead, so CI cannot go green by skipping.
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import pg from "pg";

export const DEFAULT_POSTGRES_TEST_URL = "postgres://postgres@127.0.0.1:5432/test";
export const DEFAULT_REDIS_TEST_URL = "redis://127.0.0.1:6379";

export const postgresTestUrl = (): string => process.env.DATABASE_URL_TEST || DEFAULT_POSTGRES_TEST_URL;
export const redisTestUrl = (): string => process.env.REDIS_URL_TEST || DEFAULT_REDIS_TEST_URL;
export const servicesRequired = (): boolean => ["1", "true"].includes(process.env.REQUIRE_SERVICES ?? "");

export interface Availability {
  available: boolean;
  /** Why not, for the skipped suite's name. */
  reason: string;
}

/** The URL without its password, fit for a test name or a log line. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function required(service: string, url: string, reason: string): Availability {
  if (servicesRequired()) {
    throw new Error(`${service} at ${redact(url)} is required (REQUIRE_SERVICES=1) but unreachable: ${reason}`);
  }
  const why = `${service} at ${redact(url)} unreachable: ${reason}`;
  console.warn(`Skipping the tests that need ${service}: ${why}`);
  return { available: false, reason: why };
}

export async function postgresAvailability(url = postgresTestUrl()): Promise<Availability> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { available: true, reason: "" };
  } catch (error) {
    return required("PostgreSQL", url, error instanceof Error ? error.message || error.name : String(error));
  } finally {
    await client.end().catch(() => {});
  }
}

/** PING over a bare socket: no Redis client needed just to know whether one would work. */
export async function redisAvailability(url = redisTestUrl()): Promise<Availability> {
  const parsed = new URL(url);
  const commands = parsed.password ? `AUTH ${decodeURIComponent(parsed.password)}\r\nPING\r\n` : "PING\r\n";
  const reason = await new Promise<string>((resolve) => {
    const socket = connect({ host: parsed.hostname.replace(/^\[|\]$/g, ""), port: Number(parsed.port || 6379) });
    let reply = "";
    const done = (why: string) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(3000, () => done("timed out"));
    socket.on("connect", () => socket.write(commands));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("+PONG")) done("");
      else if (reply.startsWith("-") || reply.includes("\r\n-")) done(reply.trim());
    });
    socket.on("error", (error) => done(error.message || error.name));
  });
  return reason === "" ? { available: true, reason: "" } : required("Redis", url, reason);
}

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A new, empty PostgreSQL database beside the test one, for tests that need a clean slate
 * (migrating from nothing) without disturbing others using the same server.
 */
export async function createScratchPostgresDatabase(
  purpose: string,
  baseUrl = postgresTestUrl(),
): Promise<ScratchDatabase> {
  const name = `gongzhi_${purpose.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
