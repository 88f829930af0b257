import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { postgresAvailability, postgresTestUrl, redisAvailability, redisTestUrl } from "../support/services.js";

const available = (await postgresAvailability()).available && (await redisAvailability()).available;
const POSTGRES_TEST_URL = postgresTestUrl();
const REDIS_TEST_URL = redisTestUrl();

// Scaling out means several stateless instances on one PostgreSQL and one Redis: an event raised
// on one instance must reach subscribers connected to another.
describe.skipIf(!available)("live events across server instances (PostgreSQL + Redis)", () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await startTestApp({ databaseUrl: POSTGRES_TEST_URL, redisUrl: REDIS_TEST_URL });
    b = await startTestApp({ databaseUrl: POSTGRES_TEST_URL, redisUrl: REDIS_TEST_URL });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it("delivers a verification done on instance B to the resident subscribed on instance A", async () => {
    const prisma = a.db.prisma;
    const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const street = await prisma.area.create({
      data: { kind: "STREET", name: `测试街道${unique}`, path: `/tmp-${unique}/` },
    });
    const streetPath = `/${street.id}/`;
    await prisma.area.update({ where: { id: street.id }, data: { path: streetPath } });
    const building = await prisma.area.create({
      data: { kind: "BUILDING", name: "1号楼", parentId: street.id, path: `${streetPath}b-${unique}/` },
    });
    await prisma.area.update({ where: { id: building.id }, data: { path: `${streetPath}${building.id}/` } });
    const household = await prisma.household.create({
      data: { buildingId: building.id, unit: "101室", floorAreaCentiSqm: 8000 },
    });

    const suffix = String(Date.now()).slice(-8);
    const residentPhone = `135${suffix}`;
    const staffPhone = `136${suffix}`;
    const residentToken = await a.signIn(residentPhone);
    const staffToken = await b.signIn(staffPhone);
    const staff = await prisma.account.findUniqueOrThrow({ where: { phone: staffPhone } });
    await prisma.roleGrant.create({ data: { accountId: staff.id, role: "STAFF", areaId: street.id } });

    const requested = await a.gql<{ requestMembership: { data: { id: string } } }>(
      `mutation($h: ID!) { requestMembership(householdId: $h) { ... on MutationRequestMembershipSuccess { data { id } } } }`,
      { h: String(household.id) },
      residentToken,
    );
    const membershipId = requested.data?.requestMembership.data.id;
    expect(membershipId).toBeTruthy();

    const client = createClient({
      url: `${a.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authToken: residentToken },
    });
    const received = new Promise<{ reason: string }>((resolve, reject) => {
      client.subscribe<{ viewerChanged: { reason: string } }>(
        { query: "subscription { viewerChanged { reason } }" },
        { next: (value) => value.data && resolve(value.data.viewerChanged), error: reject, complete: () => {} },
      );
    });
    // graphql-ws does not acknowledge a subscription; wait until instance A's Redis subscription
    // for this resident's channel exists, then act on instance B.
    const resident = await prisma.account.findUniqueOrThrow({ where: { phone: residentPhone } });
    const redis = new Redis(REDIS_TEST_URL);
    await expect
      .poll(() => redis.pubsub("CHANNELS", "account:changed*"), { timeout: 5000 })
      .toContain(`account:changed:${resident.id}`);
    redis.disconnect();
    await b.gql(
      `mutation($id: ID!) { decideMembership(id: $id, decision: VERIFIED) { __typename } }`,
      { id: membershipId },
      staffToken,
    );
    const event = await received;
    expect(["membership", "notification"]).toContain(event.reason);
    await client.dispose();
  });

  /** A graphql-ws client on instance `app` with `token`, subscribed to viewerChanged, that reports its close code. */
  function liveOn(app: TestApp, token: string) {
    let connected: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      connected = resolve;
    });
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${app.url.replace("http", "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authToken: token },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => {},
        on: { connected: () => connected(), closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe(
        { query: "subscription { viewerChanged { reason } }" },
        { next: () => {}, error: () => {}, complete: () => {} },
      );
    });
    return { ready, closed };
  }

  it("ends on instance A the subscriptions of a session signed out through instance B (4401)", async () => {
    const phone = `137${String(Date.now()).slice(-8)}`;
    const token = await a.signIn(phone);
    const live = liveOn(a, token);
    await live.ready;
    const signedOut = await b.gql<{ signOut: boolean }>("mutation { signOut }", {}, token);
    expect(signedOut.data?.signOut).toBe(true);
    expect(await live.closed).toBe(4401);
  });

  it("closes on instance A the sockets of someone whose role was revoked through instance B (4403)", async () => {
    const prisma = a.db.prisma;
    const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const street = await prisma.area.create({
      data: { kind: "STREET", name: `撤销街道${unique}`, path: `/r-${unique}/` },
    });
    await prisma.area.update({ where: { id: street.id }, data: { path: `/${street.id}/` } });
    const suffix = String(Date.now()).slice(-8);
    const staffToken = await a.signIn(`138${suffix}`);
    const adminToken = await b.signIn(`139${suffix}`);
    const accountOf = (phone: string) => prisma.account.findUniqueOrThrow({ where: { phone } });
    const staffGrant = await prisma.roleGrant.create({
      data: { accountId: (await accountOf(`138${suffix}`)).id, role: "STAFF", areaId: street.id },
    });
    await prisma.roleGrant.create({
      data: { accountId: (await accountOf(`139${suffix}`)).id, role: "ADMIN", areaId: street.id },
    });

    const live = liveOn(a, staffToken);
    await live.ready;
    const revoked = await b.gql(
      "mutation($id: ID!) { revokeRole(id: $id) { __typename } }",
      { id: String(staffGrant.id) },
      adminToken,
    );
    expect(revoked.data).toEqual({ revokeRole: { __typename: "MutationRevokeRoleSuccess" } });
    expect(await live.closed).toBe(4403);
  });
});
