import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Household } from "../../generated/prisma/client.js";
import { type AreaTree, type Factories, factories, type Person, uniquePhone } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded, typename } from "../../testing/results.js";

// A resident claims a household; staff of the area verify or reject; the resident hears of it.

let t: TestApp;
let f: Factories;
let tree: AreaTree;
let staff: Person;
let otherStaff: Person;

beforeAll(async () => {
  t = await startTestApp();
  f = factories(t);
  tree = await f.createAreaTree();
  staff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
  otherStaff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const REQUEST = `mutation($householdId: ID!) {
  requestMembership(householdId: $householdId) {
    __typename ${APP_ERROR}
    ... on MutationRequestMembershipSuccess { data { id status decisionNote household { id } } }
  }
}`;
const DECIDE = `mutation($id: ID!, $decision: MembershipDecision!, $note: String) {
  decideMembership(id: $id, decision: $decision, note: $note) {
    __typename ${APP_ERROR}
    ... on MutationDecideMembershipSuccess { data { id status decisionNote decidedAt } }
  }
}`;

interface Membership {
  id: string;
  status: string;
  decisionNote: string | null;
}

/** A signed-in person with no home yet, and a household in 三林苑 to claim. */
async function newcomer(): Promise<Person & { household: Household }> {
  const person = await f.seedPerson();
  return { ...person, household: await f.createHousehold({ building: tree.sanlin.building }) };
}

async function request(person: Person & { household: Household }) {
  return t.gql(REQUEST, { householdId: String(person.household.id) }, person.token);
}

const decide = (id: string, decision: "VERIFIED" | "REJECTED" | "REVOKED", token = staff.token, note?: string) =>
  t.gql(DECIDE, { id, decision, note }, token);

describe("requesting membership of a household", () => {
  it("leaves the request PENDING, and shows it on the resident's viewer", async () => {
    const person = await newcomer();
    const membership = succeeded<Membership & { household: { id: string } }>(
      await request(person),
      "requestMembership",
    );
    expect(membership).toMatchObject({ status: "PENDING", household: { id: String(person.household.id) } });

    const { data } = await t.gql<{
      viewer: { isVerifiedResident: boolean; memberships: { id: string; status: string }[] };
    }>("{ viewer { isVerifiedResident memberships { id status } } }", {}, person.token);
    expect(data?.viewer).toEqual({
      isVerifiedResident: false,
      memberships: [{ id: membership.id, status: "PENDING" }],
    });
  });

  it("twice for one household is a CONFLICT", async () => {
    const person = await newcomer();
    succeeded(await request(person), "requestMembership");
    expect(failed(await request(person), "requestMembership")).toMatchObject({
      code: "CONFLICT",
      field: "householdId",
    });
    expect(await t.db.prisma.householdMember.count({ where: { accountId: person.account.id } })).toBe(1);
  });

  it("sent twice at once (a double tap) makes one request; the other is a CONFLICT", async () => {
    const person = await newcomer();
    const results = await Promise.all([request(person), request(person), request(person)]);
    const outcomes = results.map((response) => typename(response, "requestMembership"));
    expect(
      outcomes.filter((outcome) => outcome === "MutationRequestMembershipSuccess"),
      JSON.stringify(results),
    ).toHaveLength(1);
    for (const response of results.filter((r) => typename(r, "requestMembership") === "AppError")) {
      expect(failed(response, "requestMembership")).toMatchObject({ code: "CONFLICT", field: "householdId" });
    }
    expect(await t.db.prisma.householdMember.count({ where: { accountId: person.account.id } })).toBe(1);
  });

  it("needs a signed-in person (UNAUTHENTICATED)", async () => {
    const household = await f.createHousehold({ building: tree.sanlin.building });
    const response = await t.gql(REQUEST, { householdId: String(household.id) });
    expect(failed(response, "requestMembership").code).toBe("UNAUTHENTICATED");
  });
});

describe("staff verifying a request", () => {
  it("makes it VERIFIED, notifies the resident and writes the audit trail", async () => {
    const person = await newcomer();
    const { id } = succeeded<Membership>(await request(person), "requestMembership");

    const verified = succeeded<Membership & { decidedAt: string | null }>(
      await decide(id, "VERIFIED"),
      "decideMembership",
    );
    expect(verified.status).toBe("VERIFIED");
    expect(verified.decidedAt).not.toBeNull();

    const { data } = await t.gql<{
      viewer: { isVerifiedResident: boolean };
      unreadNotificationCount: number;
      myNotifications: { edges: { node: { kind: string; subjectType: string; subjectId: string; body: string } }[] };
    }>(
      "{ viewer { isVerifiedResident } unreadNotificationCount myNotifications(first: 10) { edges { node { kind subjectType subjectId body } } } }",
      {},
      person.token,
    );
    expect(data?.viewer.isVerifiedResident).toBe(true);
    expect(data?.unreadNotificationCount).toBe(1);
    expect(data?.myNotifications.edges.map((edge) => edge.node)).toEqual([
      {
        kind: "membership.verified",
        subjectType: "HOUSEHOLD_MEMBER",
        subjectId: id,
        body: `1号楼 ${person.household.unit}`,
      },
    ]);

    const audit = await t.gql<{
      auditEvents: {
        edges: {
          node: {
            action: string;
            subjectId: string;
            fromStatus: string | null;
            toStatus: string | null;
            actor: { id: string } | null;
          };
        }[];
      };
    }>(
      `query($areaId: ID!) { auditEvents(first: 50, areaId: $areaId, subjectType: HOUSEHOLD_MEMBER) {
        edges { node { action subjectId fromStatus toStatus actor { id } } }
      } }`,
      { areaId: String(tree.sanlin.neighbourhood.id) },
      staff.token,
    );
    const trail = audit.data?.auditEvents.edges.map((edge) => edge.node).filter((event) => event.subjectId === id);
    expect(trail).toEqual([
      {
        action: "membership.decide",
        subjectId: id,
        fromStatus: "PENDING",
        toStatus: "VERIFIED",
        actor: { id: String(staff.account.id) },
      },
      {
        action: "membership.request",
        subjectId: id,
        fromStatus: null,
        toStatus: "PENDING",
        actor: { id: String(person.account.id) },
      },
    ]);
  });

  it("by two staff at once: exactly one decision wins, the other is CONFLICT or INVALID_TRANSITION", async () => {
    const person = await newcomer();
    const { id } = succeeded<Membership>(await request(person), "requestMembership");

    const [first, second] = await Promise.all([
      decide(id, "VERIFIED", staff.token),
      decide(id, "REJECTED", otherStaff.token, "查无此人"),
    ]);
    const outcomes = [first, second].map((response) => typename(response, "decideMembership"));
    expect(outcomes.filter((outcome) => outcome === "MutationDecideMembershipSuccess")).toHaveLength(1);
    const winner = outcomes[0] === "MutationDecideMembershipSuccess" ? first : second;
    const loser = winner === first ? second : first;
    expect(["CONFLICT", "INVALID_TRANSITION"]).toContain(failed(loser, "decideMembership").code);

    const stored = await t.db.prisma.householdMember.findUniqueOrThrow({ where: { id: Number(id) } });
    expect(stored.status).toBe(succeeded<Membership>(winner, "decideMembership").status);
    const decisions = await t.db.prisma.auditEvent.count({
      where: { action: "membership.decide", subjectId: Number(id) },
    });
    expect(decisions).toBe(1);
    expect(await t.db.prisma.notification.count({ where: { recipientId: person.account.id } })).toBe(1);
  });

  it("that was already verified is an INVALID_TRANSITION", async () => {
    const person = await newcomer();
    const { id } = succeeded<Membership>(await request(person), "requestMembership");
    succeeded(await decide(id, "VERIFIED"), "decideMembership");
    expect(failed(await decide(id, "VERIFIED"), "decideMembership").code).toBe("INVALID_TRANSITION");
  });
});

describe("staff rejecting a request", () => {
  it("must give a reason (VALIDATION on field note); with one it is REJECTED and the resident may ask again", async () => {
    const person = await newcomer();
    const { id } = succeeded<Membership>(await request(person), "requestMembership");

    for (const note of [undefined, "", "   "]) {
      expect(failed(await decide(id, "REJECTED", staff.token, note), "decideMembership")).toMatchObject({
        code: "VALIDATION",
        field: "note",
      });
    }
    expect((await t.db.prisma.householdMember.findUniqueOrThrow({ where: { id: Number(id) } })).status).toBe("PENDING");

    const rejected = succeeded<Membership>(await decide(id, "REJECTED", staff.token, "门牌号不符"), "decideMembership");
    expect(rejected).toMatchObject({ status: "REJECTED", decisionNote: "门牌号不符" });

    const again = succeeded<Membership>(await request(person), "requestMembership");
    expect(again).toMatchObject({ id, status: "PENDING", decisionNote: null });
  });
});

describe("registerResident: staff register someone in person at the 居委会", () => {
  const REGISTER = `mutation($householdId: ID!, $phone: String!, $realName: String!, $isAdult: Boolean) {
    registerResident(householdId: $householdId, phone: $phone, realName: $realName, isAdult: $isAdult) {
      __typename ${APP_ERROR}
      ... on MutationRegisterResidentSuccess {
        data { id status isAdult decisionNote household { id } account { id phone realName displayName } }
      }
    }
  }`;
  type Registered = Membership & {
    isAdult: boolean;
    household: { id: string };
    account: { id: string; phone: string | null; realName: string | null; displayName: string };
  };
  const register = (
    vars: { householdId: number; phone: string; realName: string; isAdult?: boolean },
    token = staff.token,
  ) => t.gql(REGISTER, { ...vars, householdId: String(vars.householdId) }, token);

  it("creates the account of someone new, verified at once; they sign in later and are a resident", async () => {
    const household = await f.createHousehold({ building: tree.sanlin.building });
    const phone = uniquePhone();
    const registered = succeeded<Registered>(
      await register({ householdId: household.id, phone, realName: " 王阿婆 " }),
      "registerResident",
    );
    expect(registered).toMatchObject({
      status: "VERIFIED",
      isAdult: true,
      decisionNote: "工作人员现场登记",
      household: { id: String(household.id) },
      account: { phone, realName: "王阿婆" },
    });
    // The public name never repeats the private real name.
    expect(registered.account.displayName).not.toContain("王阿婆");
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { action: "membership.register", subjectId: Number(registered.id) },
    });
    expect(audit).toMatchObject({ actorId: staff.account.id, toStatus: "VERIFIED", fromStatus: null });

    const token = await t.signIn(phone);
    const { data } = await t.gql<{ viewer: { isVerifiedResident: boolean }; unreadNotificationCount: number }>(
      "{ viewer { isVerifiedResident } unreadNotificationCount }",
      {},
      token,
    );
    expect(data).toEqual({ viewer: { isVerifiedResident: true }, unreadNotificationCount: 1 });
  });

  it("verifies the PENDING request of someone who already asked online, keeping their account and name", async () => {
    const person = await newcomer();
    const { id } = succeeded<Membership>(await request(person), "requestMembership");
    const registered = succeeded<Registered>(
      await register({ householdId: person.household.id, phone: person.phone, realName: "李师傅" }),
      "registerResident",
    );
    expect(registered).toMatchObject({ id, status: "VERIFIED", account: { id: String(person.account.id) } });
    expect(await t.db.prisma.householdMember.count({ where: { accountId: person.account.id } })).toBe(1);
  });

  it("of someone already verified in that household is a CONFLICT on phone", async () => {
    const household = await f.createHousehold({ building: tree.sanlin.building });
    const phone = uniquePhone();
    succeeded(await register({ householdId: household.id, phone, realName: "赵先生" }), "registerResident");
    expect(
      failed(await register({ householdId: household.id, phone, realName: "赵先生" }), "registerResident"),
    ).toMatchObject({
      code: "CONFLICT",
      field: "phone",
    });
  });

  it("names the field at fault: an empty name (realName), a number that is not a mobile (phone)", async () => {
    const household = await f.createHousehold({ building: tree.sanlin.building });
    const noName = failed(
      await register({ householdId: household.id, phone: uniquePhone(), realName: "  " }),
      "registerResident",
    );
    expect(noName).toMatchObject({ code: "VALIDATION", field: "realName" });
    const badPhone = failed(
      await register({ householdId: household.id, phone: "12345", realName: "钱女士" }),
      "registerResident",
    );
    expect(badPhone).toMatchObject({ code: "VALIDATION", field: "phone" });
    expect(await t.db.prisma.householdMember.count({ where: { householdId: household.id } })).toBe(0);
  });

  it("is for staff of the household's area: 金橘苑's staff and a resident are FORBIDDEN, nobody is registered", async () => {
    const jinjuStaff = await f.seedStaff({ area: tree.jinju.neighbourhood });
    const household = await f.createHousehold({ building: tree.sanlin.building });
    const phone = uniquePhone();
    const refused = failed(
      await register({ householdId: household.id, phone, realName: "孙大爷" }, jinjuStaff.token),
      "registerResident",
    );
    expect(refused.code).toBe("FORBIDDEN");
    const person = await f.seedResident({ building: tree.sanlin.building });
    const byResident = failed(
      await register({ householdId: household.id, phone, realName: "孙大爷" }, person.token),
      "registerResident",
    );
    expect(byResident.code).toBe("FORBIDDEN");
    expect(await t.db.prisma.account.count({ where: { phone } })).toBe(0);
  });
});

describe("staff of a 街区 (BLOCK) serve the residents of the areas it covers, and only those", () => {
  const MEMBERSHIPS = `query($areaId: ID) {
    memberships(first: 100, areaId: $areaId) { edges { node { id account { phone realName } } } }
  }`;
  type Listed = {
    memberships: { edges: { node: { id: string; account: { phone: string | null; realName: string | null } } }[] };
  };

  /** A 街区 of the street covering `covered` (none: a block nobody set up yet), with a staff member on it. */
  async function blockWithStaff(covered: { id: number }[]) {
    const block = await f.createArea({ kind: "BLOCK", name: `街区${uniquePhone().slice(-6)}`, parent: tree.street });
    await t.db.prisma.blockCoverage.createMany({
      data: covered.map((area) => ({ blockId: block.id, areaId: area.id })),
    });
    return { block, blockStaff: await f.seedStaff({ area: block }) };
  }

  async function listedIds(token: string, areaId?: number) {
    const { data, errors } = await t.gql<Listed>(MEMBERSHIPS, { areaId: areaId && String(areaId) }, token);
    expect(errors).toBeUndefined();
    return data?.memberships.edges.map((edge) => edge.node) ?? [];
  }

  it("covering 三林苑: lists its residents (phone included: the privacy rule agrees), verifies and registers there; 金橘苑's are out of reach", async () => {
    const { block, blockStaff } = await blockWithStaff([tree.sanlin.neighbourhood]);
    const inside = await f.seedResident({ building: tree.sanlin.building, status: "PENDING" });
    const outside = await f.seedResident({ building: tree.jinju.building, status: "PENDING" });

    for (const areaId of [undefined, block.id, tree.sanlin.compound.id]) {
      const listed = await listedIds(blockStaff.token, areaId);
      expect(listed).toContainEqual({
        id: String(inside.membership.id),
        account: { phone: inside.phone, realName: null },
      });
      expect(listed.map((m) => m.id)).not.toContain(String(outside.membership.id));
    }
    // Asking for 金橘苑 by name is refused, not answered with an empty page.
    const { errors } = await t.gql(MEMBERSHIPS, { areaId: String(tree.jinju.neighbourhood.id) }, blockStaff.token);
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    expect(
      succeeded<Membership>(
        await decide(String(inside.membership.id), "VERIFIED", blockStaff.token),
        "decideMembership",
      ).status,
    ).toBe("VERIFIED");
    expect(
      failed(await decide(String(outside.membership.id), "VERIFIED", blockStaff.token), "decideMembership").code,
    ).toBe("FORBIDDEN");
  });

  it("covering only 三林苑's 小区: its residents, not those elsewhere in 三林苑", async () => {
    const { blockStaff } = await blockWithStaff([tree.sanlin.compound]);
    const inCompound = await f.seedResident({ building: tree.sanlin.building, status: "PENDING" });
    const neighbourBuilding = await f.createArea({ kind: "BUILDING", parent: tree.sanlin.neighbourhood });
    const elsewhere = await f.seedResident({ building: neighbourBuilding, status: "PENDING" });

    const listed = (await listedIds(blockStaff.token)).map((m) => m.id);
    expect(listed).toContain(String(inCompound.membership.id));
    expect(listed).not.toContain(String(elsewhere.membership.id));
    expect(
      failed(await decide(String(elsewhere.membership.id), "VERIFIED", blockStaff.token), "decideMembership").code,
    ).toBe("FORBIDDEN");
  });

  it("covering nothing: sees no residents and verifies none", async () => {
    const { block, blockStaff } = await blockWithStaff([]);
    const resident = await f.seedResident({ building: tree.sanlin.building, status: "PENDING" });
    expect(await listedIds(blockStaff.token)).toEqual([]);
    expect(await listedIds(blockStaff.token, block.id)).toEqual([]);
    expect(
      failed(await decide(String(resident.membership.id), "VERIFIED", blockStaff.token), "decideMembership").code,
    ).toBe("FORBIDDEN");
  });
});

describe("live updates over graphql-ws", () => {
  it("tell the resident at once when staff verify them (viewerChanged)", async () => {
    const person = await newcomer();
    const { id } = succeeded<Membership>(await request(person), "requestMembership");

    const client = t.wsClient(person.token);
    const changes = t.subscribe<{ viewerChanged: { reason: string; subjectId: string | null } }>(
      client,
      "subscription { viewerChanged { reason subjectId } }",
    );
    await t.untilViewerChangedListens(changes, person.account.id);

    succeeded(await decide(id, "VERIFIED"), "decideMembership");
    const change = await changes.waitFor((result) => result.viewerChanged.reason === "membership");
    expect(change.viewerChanged.subjectId).toBe(id);
    // …followed by the notification it carries.
    await changes.waitFor(
      (result) => result.viewerChanged.reason === "notification" && result.viewerChanged.subjectId === id,
    );
  });

  it("close a connection presenting an invalid token with 4403", async () => {
    const code = await new Promise<number>((resolve) => {
      // Nothing to dispose afterwards: with no retries, the refused client is finished.
      createClient({
        url: t.wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authToken: "not-a-session-token" },
        retryAttempts: 0,
        lazy: false,
        // The refusal is the point of this test, not an error to report.
        onNonLazyError: () => {},
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
    });
    expect(code).toBe(4403);
  });
});
