import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { hashToken, newSessionToken } from "./auth/session.js";
import { type AreaTree, type Factories, factories, type Person } from "./testing/factories.js";
import { startTestApp, type TestApp } from "./testing/harness.js";
import { APP_ERROR, failed } from "./testing/results.js";

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

/** A graphql-ws client on `token` (as connectionParams, or as the session cookie) that reports its close code. */
function liveClient(t: TestApp, options: { token?: string; cookie?: string }) {
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

describe("signing out", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

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

    const mine = liveClient(t, { token });
    const other = liveClient(t, { token: otherDevice });
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
    const live = liveClient(t, { cookie });
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

describe("open WebSockets follow what their holder may still see", () => {
  let t: TestApp;
  let f: Factories;
  let tree: AreaTree;
  let admin: Person;
  beforeAll(async () => {
    t = await startTestApp();
    f = factories(t);
    tree = await f.createAreaTree();
    admin = await f.seedStaff({ area: tree.street, role: "ADMIN" });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const VIEWER_CHANGED = "subscription { viewerChanged { reason subjectId } }";

  /** A second session of the account (another device), open for an hour. */
  async function anotherSession(accountId: number, expiresInMs = 3_600_000) {
    const token = newSessionToken();
    await t.db.prisma.session.create({
      data: { accountId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + expiresInMs) },
    });
    return token;
  }

  /** A live client on `token` whose viewerChanged subscription is listening on the server. */
  async function listening(token: string, accountId: number) {
    const live = liveClient(t, { token });
    await live.ready;
    const changes = t.subscribe<{ viewerChanged: { subjectId: string | null } }>(live.client, VIEWER_CHANGED);
    await t.untilViewerChangedListens(changes, accountId);
    return { ...live, changes };
  }

  it("revoking a role closes every socket of its holder (4403, connect again); a bystander's stays open", async () => {
    const staff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    const bystander = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    const phoneLive = await listening(staff.token, staff.account.id);
    const desktopLive = await listening(await anotherSession(staff.account.id), staff.account.id);
    const bystanderLive = await listening(bystander.token, bystander.account.id);

    const revoked = await t.gql(
      `mutation($id: ID!) { revokeRole(id: $id) { __typename } }`,
      { id: String(staff.grant.id) },
      admin.token,
    );
    expect(revoked.data).toEqual({ revokeRole: { __typename: "MutationRevokeRoleSuccess" } });
    expect(await phoneLive.closed).toBe(4403);
    expect(await desktopLive.closed).toBe(4403);

    // Connecting again, the person is who they now are: the staff queue is no longer theirs.
    const again = t.subscribe(t.wsClient(staff.token), "subscription { membershipQueueChanged }");
    await expect(again.waitFor()).rejects.toThrow(/subscription error/);

    t.pubsub.publish("account:changed", bystander.account.id, { reason: "notification", subjectId: 4343 });
    await bystanderLive.changes.waitFor((result) => result.viewerChanged.subjectId === "4343");
    await bystanderLive.client.dispose();
  });

  it("disabling an account ends its sessions and closes every socket of it (4401)", async () => {
    const resident = await f.seedResident({ building: tree.sanlin.building });
    const phoneLive = await listening(resident.token, resident.account.id);
    const desktopLive = await listening(await anotherSession(resident.account.id), resident.account.id);

    const SET = `mutation($id: ID!, $disabled: Boolean!) { setAccountDisabled(id: $id, disabled: $disabled) {
      __typename ... on MutationSetAccountDisabledSuccess { data { disabledAt } } } }`;
    const disabled = await t.gql(SET, { id: String(resident.account.id), disabled: true }, admin.token);
    // The admin (who sees the person's phone) sees since when the account is disabled.
    expect(disabled.data).toEqual({
      setAccountDisabled: { __typename: "MutationSetAccountDisabledSuccess", data: { disabledAt: expect.any(String) } },
    });
    expect(await phoneLive.closed).toBe(4401);
    expect(await desktopLive.closed).toBe(4401);
    const after = await t.gql<{ viewer: { signedIn: boolean } }>("{ viewer { signedIn } }", {}, resident.token);
    expect(after.data?.viewer.signedIn).toBe(false);
    expect(await t.db.prisma.session.count({ where: { accountId: resident.account.id, revokedAt: null } })).toBe(0);

    // Enabled again, a new session of the person works; the sessions ended by disabling stay ended.
    const enabled = await t.gql(SET, { id: String(resident.account.id), disabled: false }, admin.token);
    expect(enabled.data).toEqual({
      setAccountDisabled: { __typename: "MutationSetAccountDisabledSuccess", data: { disabledAt: null } },
    });
    const again = await anotherSession(resident.account.id);
    const signedIn = async (token: string) =>
      (await t.gql<{ viewer: { signedIn: boolean } }>("{ viewer { signedIn } }", {}, token)).data?.viewer.signedIn;
    expect(await signedIn(again)).toBe(true);
    expect(await signedIn(resident.token)).toBe(false);
    expect(
      await t.db.prisma.auditEvent.count({
        where: {
          subjectType: "ACCOUNT",
          subjectId: resident.account.id,
          action: { in: ["account.disable", "account.enable"] },
        },
      }),
    ).toBe(2);
  });

  it("disabling is for an admin of an area the person lives in: staff, 金橘苑's admin and oneself are FORBIDDEN", async () => {
    const resident = await f.seedResident({ building: tree.sanlin.building });
    const staff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    const jinjuAdmin = await f.seedStaff({ area: tree.jinju.neighbourhood, role: "ADMIN" });
    const DISABLE = `mutation($id: ID!) { setAccountDisabled(id: $id, disabled: true) { __typename ${APP_ERROR} } }`;
    for (const [id, token] of [
      [resident.account.id, staff.token],
      [resident.account.id, jinjuAdmin.token],
      [admin.account.id, admin.token],
    ] as const) {
      expect(failed(await t.gql(DISABLE, { id: String(id) }, token), "setAccountDisabled").code).toBe("FORBIDDEN");
    }
    expect((await t.db.prisma.account.findUniqueOrThrow({ where: { id: resident.account.id } })).disabledAt).toBeNull();
  });

  it("closes a socket when its session expires (4401), not before", async () => {
    const resident = await f.seedResident({ building: tree.sanlin.building });
    const expiresAt = Date.now() + 1_500;
    const live = await listening(await anotherSession(resident.account.id, 1_500), resident.account.id);
    expect(await live.closed).toBe(4401);
    // Timers may fire a millisecond early by the wall clock, never by more.
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 5);
  });
});
