import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
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
