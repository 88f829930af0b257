import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { hashToken, newSessionToken } from "./auth/session.js";
import { startTestApp, type TestApp } from "./testing/harness.js";

describe("the app process", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers the health check with the database kind", async () => {
    const response = await fetch(`${t.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: t.db.kind });
  });

  it("masks unexpected errors but keeps expected ones", async () => {
    const bad = await t.gql(`{ area(id: "abc") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("VALIDATION");
    expect(bad.errors?.[0]?.extensions?.field).toBe("id");
  });

  it("serves HTTP and graphql-ws on one port", async () => {
    const client = createClient({
      url: `${t.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
    });
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: "{ viewer { signedIn } }" }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(result).toEqual({ data: { viewer: { signedIn: false } } });
    await client.dispose();
  });
});

describe("graceful shutdown", () => {
  it("lets a request the server is processing finish", async () => {
    // Resolved at the server's first SQL statement for the request, so stop() is called while
    // the request is really being processed, not merely sent.
    let armed = false;
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    const t = await startTestApp({
      onQuery: () => {
        if (armed) {
          armed = false;
          markStarted();
        }
      },
    });
    const token = await t.signIn("13700000001");
    armed = true;
    const inFlight = t.gql<{ viewer: { signedIn: boolean } }>("{ viewer { signedIn } }", {}, token);
    await started;
    const stopped = t.close();
    const answer = await inFlight;
    expect(answer.data?.viewer.signedIn).toBe(true);
    await stopped;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });

  it("closes live subscriptions with 1001 (going away) so clients reconnect elsewhere", async () => {
    const t = await startTestApp();
    const token = await t.signIn("13700000002");
    let acknowledged = () => {};
    const ready = new Promise<void>((resolve) => {
      acknowledged = resolve;
    });
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${t.url.replace("http", "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authToken: token },
        retryAttempts: 0,
        lazy: false,
        // The close is the point of this test, not an error to print.
        onNonLazyError: () => {},
        on: { connected: () => acknowledged(), closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe(
        { query: "subscription { viewerChanged { reason } }" },
        { next: () => {}, error: () => {}, complete: () => {} },
      );
    });
    await ready;
    await t.close();
    expect(await closed).toBe(1001);
  });
});

describe("abuse limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("refuses a document nested deeper than the limit", async () => {
    const deep = `{ areas { ${"children { ".repeat(14)}id${" }".repeat(14)} } }`;
    const result = await t.gql(deep);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("refuses a document with too many aliases", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: viewer { signedIn }`).join(" ");
    const result = await t.gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });
});

describe("mutation results", () => {
  it("answer a client that selects only __typename", async () => {
    const t = await startTestApp();
    const token = await t.signIn("13700000003");
    const result = await t.gql(`mutation { updateMyProfile(displayName: "张三") { __typename } }`, {}, token);
    expect(result).toEqual({ data: { updateMyProfile: { __typename: "MutationUpdateMyProfileSuccess" } } });
    await t.close();
  });
});

describe("signing out", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A graphql-ws client on `token` (as connectionParams, or as the session cookie) that reports its close code. */
  function liveClient(options: { token?: string; cookie?: string }) {
    let closedWith: (code: number) => void = () => {};
    const closed = new Promise<number>((resolve) => {
      closedWith = resolve;
    });
    let connected: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      connected = resolve;
    });
    // The browser's way: the cookie rides on the upgrade request, no token in connectionParams.
    const cookie = options.cookie;
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, cookie ? { headers: { cookie } } : {});
      }
    }
    const client = createClient({
      url: t.wsUrl,
      webSocketImpl: CookieWebSocket,
      connectionParams: options.token ? { authToken: options.token } : undefined,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      on: { connected: () => connected(), closed: (event) => closedWith((event as { code: number }).code) },
    });
    return { client, ready, closed };
  }

  const accountIdOf = async (token: string) =>
    Number(
      (await t.gql<{ viewer: { account: { id: string } } }>("{ viewer { account { id } } }", {}, token)).data?.viewer
        .account.id,
    );

  it("ends that session's subscriptions (4401), and only that session's", async () => {
    const phone = "13700000011";
    const token = await t.signIn(phone);
    const accountId = await accountIdOf(token);
    // The same person on another device: a session of its own, which stays signed in.
    const otherDevice = newSessionToken();
    await t.db.prisma.session.create({
      data: { accountId, tokenHash: hashToken(otherDevice), expiresAt: new Date(Date.now() + 3_600_000) },
    });

    const mine = liveClient({ token });
    const other = liveClient({ token: otherDevice });
    await Promise.all([mine.ready, other.ready]);
    const query = "subscription { viewerChanged { reason subjectId } }";
    const mySubscription = t.subscribe<{ viewerChanged: { subjectId: string | null } }>(mine.client, query);
    const otherSubscription = t.subscribe<{ viewerChanged: { subjectId: string | null } }>(other.client, query);
    await t.untilViewerChangedListens(mySubscription, accountId);
    await t.untilViewerChangedListens(otherSubscription, accountId);

    const out = await t.gql<{ signOut: boolean }>("mutation { signOut }", {}, token);
    expect(out.data?.signOut).toBe(true);
    expect(await mine.closed).toBe(4401);

    // The other device still hears about its account.
    const before = otherSubscription.results.length;
    t.pubsub.publish("account:changed", accountId, { reason: "notification", subjectId: 4242 });
    await otherSubscription.waitFor((result) => result.viewerChanged.subjectId === "4242");
    expect(otherSubscription.results.length).toBeGreaterThan(before);
    await other.client.dispose();
  });

  it("also closes a socket that was opened with the session cookie, as the web app's are", async () => {
    const token = await t.signIn("13700000012");
    const cookie = `gz_session=${encodeURIComponent(token)}`;
    const live = liveClient({ cookie });
    await live.ready;
    const subscription = t.subscribe<{ viewerChanged: { subjectId: string | null } }>(
      live.client,
      "subscription { viewerChanged { reason subjectId } }",
    );
    await t.untilViewerChangedListens(subscription, await accountIdOf(token));

    const out = await t.request<{ signOut: boolean }>("mutation { signOut }", {}, { cookie });
    expect(out.body.data?.signOut).toBe(true);
    expect(await live.closed).toBe(4401);
  });
});
