import { randomInt } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { type App, createApp } from "../app.js";
import type { AppConfig, CodeSenderConfig } from "../config.js";
import type { Context } from "../context.js";
import { type Database, openDatabase } from "../db/database.js";
import { createLogger } from "../logger.js";
import type { CodeSender } from "../modules/accounts/code-sender.js";
import type { SmsSender } from "../modules/notifications/sms.js";
import type { AppPubSub } from "../pubsub.js";

/** Keeps the last code sent to each phone, so tests sign in as a person would. */
export class CapturingCodeSender implements CodeSender {
  readonly codes = new Map<string, string>();
  async send(phone: string, code: string): Promise<void> {
    this.codes.set(phone, code);
  }
}

/** Keeps every text message sent, so tests read what a resident without an account was told. */
export class CapturingSmsSender implements SmsSender {
  readonly sent: { phone: string; text: string }[] = [];
  private failures = 0;
  async send(phone: string, text: string): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new Error(`gateway answered 503 for ${phone}`);
    }
    this.sent.push({ phone, text });
  }
  /** The next `count` messages fail as a gateway that is down would (the error names the phone). */
  failNext(count: number) {
    this.failures = count;
  }
  /** The messages sent to `phone`, oldest first. */
  to(phone: string): string[] {
    return this.sent.filter((m) => m.phone === phone).map((m) => m.text);
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string } }[];
}

export interface RequestOptions {
  /** Sent as `authorization: Bearer …`. */
  token?: string;
  /** Sent as the `cookie` header, e.g. "gz_session=…". */
  cookie?: string;
  /** The client address to connect from (a loopback address, see `nextClientAddress`). */
  from?: string;
  /** Further request headers, e.g. X-Forwarded-For. */
  headers?: Record<string, string>;
}

export interface RawResponse<T> {
  status: number;
  headers: IncomingHttpHeaders;
  body: GraphQLResponse<T>;
}

/** One graphql-ws subscription: every result it received, and a way to wait for the next match. */
export interface LiveSubscription<T> {
  readonly results: T[];
  /** Resolves with the first result (already received or still to come) that matches. */
  waitFor(match?: (result: T) => boolean): Promise<T>;
}

export interface TestApp {
  app: App;
  db: Database;
  url: string;
  /** ws://…/graphql */
  wsUrl: string;
  codes: CapturingCodeSender;
  /** Text messages the app sent. */
  sms: CapturingSmsSender;
  /** The app's live-event bus (the one its resolvers publish to), for probing subscriptions. */
  pubsub: AppPubSub;
  /** Runs an operation over HTTP, as the holder of `token` (anonymous without). */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  /** Like gql, with the response's status and headers, a cookie, or another client address. */
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<RawResponse<T>>;
  /** Signs in through the real code flow and returns the session token. */
  signIn(phone: string): Promise<string>;
  /** A graphql-ws client presenting `token`; disposed by close(). */
  wsClient(token?: string): Client;
  /** Subscribes over graphql-ws and collects the `data` of each result. */
  subscribe<T = Record<string, unknown>>(
    client: Client,
    query: string,
    variables?: Record<string, unknown>,
  ): LiveSubscription<T>;
  /**
   * Resolves once `subscription` (a `viewerChanged` of `accountId`) is listening on the server:
   * graphql-ws does not acknowledge a subscription, so this publishes a probe until it arrives.
   */
  untilViewerChangedListens(
    subscription: LiveSubscription<{ viewerChanged: { subjectId: string | null } }>,
    accountId: number,
  ): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** postgres://… to run against PostgreSQL; default in-memory PGlite. */
  databaseUrl?: string;
  /** Serve this web build (browser tests), as the production server does. */
  webDistDir?: string;
  redisUrl?: string;
  /** Record every SQL statement (N+1 checks). */
  onQuery?: (sql: string) => void;
  /** As TRUST_PROXY=true: the client address comes from X-Forwarded-For. */
  trustProxy?: boolean;
  /**
   * Deliver codes and text messages as configured (CODE_SENDER …) instead of capturing them in
   * `codes` and `sms`; `signIn` then cannot read the codes.
   */
  codeSender?: CodeSenderConfig;
  /**
   * Send text messages as configured (CODE_SENDER …), through the sender createApp builds, while
   * codes are still captured for `signIn`; `sms` then stays empty.
   */
  textSender?: CodeSenderConfig;
}

/** The whole app, in-process on a free port, on a fresh database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await openDatabase({
    url: options.databaseUrl ?? process.env.TEST_DATABASE_URL,
    dataDir: "memory://",
    onQuery: options.onQuery,
  });
  const codes = new CapturingCodeSender();
  const sms = new CapturingSmsSender();
  const config: AppConfig = {
    dataDir: "memory://",
    databaseUrl: undefined,
    // TEST_REDIS_URL runs a whole suite with live events through Redis, as several instances would.
    redisUrl: options.redisUrl ?? process.env.TEST_REDIS_URL,
    port: 0,
    host: "127.0.0.1",
    secret: "test-secret",
    webDistDir: options.webDistDir,
    sessionDays: 1,
    secureCookies: false,
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
    seedDemo: false,
    trustProxy: options.trustProxy ?? false,
    codeSender: options.codeSender ?? options.textSender,
  };
  const app = await createApp({
    config,
    database: db,
    codeSender: options.codeSender ? undefined : codes,
    smsSender: config.codeSender ? undefined : sms,
    logger: createLogger(config.logLevel),
  });
  const url = await app.start(0, "127.0.0.1");

  const wsUrl = `${url.replace(/^http/, "ws")}/graphql`;
  // The context every resolver gets, built once for an anonymous request: its pubsub is the app's.
  const context = (await app.yoga
    .getEnveloped({ request: { headers: new Headers() } } as never)
    .contextFactory()) as unknown as Context;
  const clients = new Set<Client>();

  const gql: TestApp["gql"] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as never;
  };

  const request: TestApp["request"] = (query, variables, options = {}) =>
    new Promise((resolvePromise, reject) => {
      const body = JSON.stringify({ query, variables });
      const target = new URL(`${url}/graphql`);
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          agent: false,
          localAddress: options.from,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
            ...(options.cookie ? { cookie: options.cookie } : {}),
            ...options.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", reject);
          res.on("end", () => {
            try {
              const text = Buffer.concat(chunks).toString("utf8");
              resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  // Each sign-in comes from its own client address, so the per-IP code limit does not couple tests.
  const signIn = async (phone: string) => {
    const requested = (
      await request<{ requestSignInCode: { __typename: string; message?: string } }>(
        `mutation($phone: String!) { requestSignInCode(phone: $phone) { __typename ... on AppError { message } } }`,
        { phone },
        { from: nextClientAddress() },
      )
    ).body;
    if (requested.data?.requestSignInCode.__typename !== "MutationRequestSignInCodeSuccess") {
      throw new Error(`requestSignInCode failed: ${JSON.stringify(requested)}`);
    }
    const code = codes.codes.get(phone);
    const signedIn = await gql<{ signIn: { __typename: string; data?: { token: string } } }>(
      `mutation($phone: String!, $code: String!) {
        signIn(phone: $phone, code: $code) { __typename ... on MutationSignInSuccess { data { token } } }
      }`,
      { phone, code },
    );
    const token = signedIn.data?.signIn.data?.token;
    if (!token) throw new Error(`signIn failed: ${JSON.stringify(signedIn)}`);
    return token;
  };

  const wsClient = (token?: string) => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authToken: token } : undefined,
      retryAttempts: 0,
    });
    clients.add(client);
    return client;
  };

  function subscribe<T>(client: Client, query: string, variables?: Record<string, unknown>): LiveSubscription<T> {
    const results: T[] = [];
    const waiters: { match: (result: T) => boolean; resolve: (result: T) => void; reject: (error: unknown) => void }[] =
      [];
    let failure: unknown = null;
    const fail = (error: unknown) => {
      failure = error;
      for (const waiter of waiters.splice(0)) waiter.reject(error);
    };
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors?.length || !value.data) {
            fail(new Error(`subscription error: ${JSON.stringify(value)}`));
            return;
          }
          const data = value.data as T;
          results.push(data);
          for (const waiter of [...waiters]) {
            if (waiter.match(data)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(data);
            }
          }
        },
        error: (error) => fail(error),
        complete: () => fail(new Error("subscription completed")),
      },
    );
    return {
      results,
      waitFor: (match = () => true) => {
        const seen = results.find(match);
        if (seen) return Promise.resolve(seen);
        if (failure) return Promise.reject(failure);
        return new Promise<T>((resolve, reject) => waiters.push({ match, resolve, reject }));
      },
    };
  }

  const PROBE_ID = -1;
  const untilViewerChangedListens: TestApp["untilViewerChangedListens"] = async (subscription, accountId) => {
    const arrived = subscription.waitFor((result) => result.viewerChanged.subjectId === String(PROBE_ID));
    let done = false;
    arrived.then(
      () => {
        done = true;
      },
      () => {},
    );
    // A retry interval, not a sleep: each round ends as soon as the probe arrives.
    for (let round = 0; !done; round++) {
      if (round > 200) throw new Error("the subscription never started listening");
      context.pubsub.publish("account:changed", accountId, { reason: "notification", subjectId: PROBE_ID });
      await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 25))]);
    }
  };

  return {
    app,
    db,
    url,
    wsUrl,
    codes,
    sms,
    pubsub: context.pubsub,
    gql,
    request,
    signIn,
    wsClient,
    subscribe,
    untilViewerChangedListens,
    close: async () => {
      // A client whose connection was refused rejects its dispose(); it is closed all the same.
      await Promise.allSettled([...clients].map(async (client) => client.dispose()));
      await app.stop();
      await db.close();
    },
  };
}

/** Random per process: a PostgreSQL test database keeps an hour of code requests across runs. */
let clientAddressSeq = randomInt(0, 253 * 254 * 254);

/**
 * A loopback address not used before in this process (127.x.y.z on Linux, where all of 127/8 is
 * local), so limits counted per client address do not couple tests; elsewhere 127.0.0.1.
 */
export function nextClientAddress(): string | undefined {
  if (process.platform !== "linux") return undefined;
  const n = clientAddressSeq++ % (253 * 254 * 254);
  return `127.${2 + Math.floor(n / (254 * 254))}.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
}
