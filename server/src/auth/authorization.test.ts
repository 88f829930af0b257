import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area } from "../generated/prisma/client.js";
import { type AreaTree, factories, type Person, uniquePhone } from "../testing/factories.js";
import { startTestApp, type TestApp } from "../testing/harness.js";
import { APP_ERROR, errorCode, failed, succeeded } from "../testing/results.js";

// Authorisation is by role AND area: a role on an area covers its subtree and nothing else;
// phone and real name are private to the person and the staff of where they live or serve.
//
//   东明路街道 (street, admin)
//   ├── 三林苑 (neighbourhood, staff; council with a member)  — residents A, B (pending)
//   └── 金橘苑 (neighbourhood, staff; council with a member)  — resident C, D (pending)

let t: TestApp;
let tree: AreaTree;
let who: {
  streetAdmin: Person;
  sanlinStaff: Person;
  jinjuStaff: Person;
  sanlinResident: Person & { membershipId: number };
  sanlinPending: Person & { membershipId: number };
  jinjuResident: Person & { membershipId: number };
  jinjuPending: Person & { membershipId: number };
  /** Member of 三林苑's council, and a verified resident of 三林苑 too. */
  sanlinCouncilMember: Person;
  /** Member of 金橘苑's council, and a verified resident of 金橘苑 too. */
  jinjuCouncilMember: Person;
};

beforeAll(async () => {
  t = await startTestApp();
  const f = factories(t);
  tree = await f.createAreaTree();
  const resident = async (building: Area, status: "VERIFIED" | "PENDING" = "VERIFIED") => {
    const seeded = await f.seedResident({ building, status });
    await t.db.prisma.account.update({
      where: { id: seeded.account.id },
      data: { realName: `真名${seeded.phone.slice(-4)}` },
    });
    return { ...seeded, membershipId: seeded.membership.id };
  };
  const councilMember = async (council: typeof tree.sanlin.council, building: Area) => {
    const member = await f.seedCouncilMember({ council });
    const household = await f.createHousehold({ building });
    await t.db.prisma.householdMember.create({
      data: { householdId: household.id, accountId: member.account.id, status: "VERIFIED" },
    });
    await t.db.prisma.account.update({
      where: { id: member.account.id },
      data: { realName: `议事${member.phone.slice(-4)}` },
    });
    return member;
  };
  who = {
    streetAdmin: await f.seedStaff({ area: tree.street, role: "ADMIN" }),
    sanlinStaff: await f.seedStaff({ area: tree.sanlin.neighbourhood }),
    jinjuStaff: await f.seedStaff({ area: tree.jinju.neighbourhood }),
    sanlinResident: await resident(tree.sanlin.building),
    sanlinPending: await resident(tree.sanlin.building, "PENDING"),
    jinjuResident: await resident(tree.jinju.building),
    jinjuPending: await resident(tree.jinju.building, "PENDING"),
    sanlinCouncilMember: await councilMember(tree.sanlin.council, tree.sanlin.building),
    jinjuCouncilMember: await councilMember(tree.jinju.council, tree.jinju.building),
  };
}, 60_000);

afterAll(async () => {
  await t?.close();
});

// ─── reading private fields ───

const COUNCIL_MEMBERS = `query($id: ID!) { council(id: $id) { members { account { id displayName phone realName } } } }`;
type Members = {
  council: {
    members: { account: { id: string; displayName: string; phone: string | null; realName: string | null } }[];
  };
};

/** How `member` of `council` looks to the holder of `token`, through the council's public member list. */
async function memberAs(council: { id: number }, member: Person, token?: string) {
  const { data, errors } = await t.gql<Members>(COUNCIL_MEMBERS, { id: String(council.id) }, token);
  expect(errors).toBeUndefined();
  const seen = data?.council.members.find((m) => m.account.id === String(member.account.id))?.account;
  if (!seen) throw new Error(`member ${member.account.id} not listed`);
  return seen;
}

const MEMBERSHIPS = `query($areaId: ID) {
  memberships(first: 100, areaId: $areaId) {
    totalCount
    edges { node { id status household { id building { id } } account { id phone realName } } }
  }
}`;
type Memberships = {
  memberships: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        status: string;
        household: { building: { id: string } };
        account: { id: string; phone: string | null; realName: string | null };
      };
    }[];
  } | null;
};

describe("phone and real name", () => {
  it("are hidden from anonymous visitors, who still see the public name", async () => {
    for (const [council, member] of [
      [tree.sanlin.council, who.sanlinCouncilMember],
      [tree.jinju.council, who.jinjuCouncilMember],
    ] as const) {
      const seen = await memberAs(council, member);
      expect(seen.displayName).toBe(member.account.displayName);
      expect(seen).toMatchObject({ phone: null, realName: null });
    }
  });

  it("are hidden from another resident of the same neighbourhood", async () => {
    const seen = await memberAs(tree.sanlin.council, who.sanlinCouncilMember, who.sanlinResident.token);
    expect(seen).toMatchObject({ phone: null, realName: null });
  });

  it("are visible to the person themself", async () => {
    const { data } = await t.gql<{ viewer: { account: { phone: string; realName: string } } }>(
      "{ viewer { account { phone realName } } }",
      {},
      who.sanlinResident.token,
    );
    expect(data?.viewer.account).toEqual({
      phone: who.sanlinResident.phone,
      realName: `真名${who.sanlinResident.phone.slice(-4)}`,
    });
  });

  it("are visible to staff of 三林苑 for people living in 三林苑", async () => {
    const seen = await memberAs(tree.sanlin.council, who.sanlinCouncilMember, who.sanlinStaff.token);
    expect(seen).toMatchObject({
      phone: who.sanlinCouncilMember.phone,
      realName: `议事${who.sanlinCouncilMember.phone.slice(-4)}`,
    });

    const { data } = await t.gql<Memberships>(MEMBERSHIPS, {}, who.sanlinStaff.token);
    const row = data?.memberships?.edges.find((edge) => edge.node.id === String(who.sanlinResident.membershipId));
    expect(row?.node.account).toMatchObject({
      phone: who.sanlinResident.phone,
      realName: `真名${who.sanlinResident.phone.slice(-4)}`,
    });
  });

  it("are hidden from staff of 三林苑 for people living in 金橘苑", async () => {
    const seen = await memberAs(tree.jinju.council, who.jinjuCouncilMember, who.sanlinStaff.token);
    expect(seen).toMatchObject({ phone: null, realName: null });
  });

  it("are visible to an admin of the street for people living anywhere in it", async () => {
    for (const [council, member] of [
      [tree.sanlin.council, who.sanlinCouncilMember],
      [tree.jinju.council, who.jinjuCouncilMember],
    ] as const) {
      expect((await memberAs(council, member, who.streetAdmin.token)).phone).toBe(member.phone);
    }
  });
});

describe("phone and real name of someone whose claim to live in 金橘苑 is decided", () => {
  const phoneSeenBy = async (token: string, membershipId: number) => {
    const { data, errors } = await t.gql<Memberships>(
      `query($areaId: ID) {
        memberships(first: 100, areaId: $areaId) { edges { node { id status account { phone realName } } } }
      }`,
      { areaId: String(tree.jinju.neighbourhood.id) },
      token,
    );
    expect(errors).toBeUndefined();
    const row = data?.memberships?.edges.find((edge) => edge.node.id === String(membershipId));
    if (!row) throw new Error(`membership ${membershipId} not listed`);
    return row.node.account;
  };

  it("are visible to 金橘苑's staff while the claim is PENDING (to check who is asking), not once REJECTED", async () => {
    const f = factories(t);
    const claimant = await f.seedResident({ building: tree.jinju.building, status: "PENDING" });
    await t.db.prisma.account.update({ where: { id: claimant.account.id }, data: { realName: "待核实" } });
    expect(await phoneSeenBy(who.jinjuStaff.token, claimant.membership.id)).toEqual({
      phone: claimant.phone,
      realName: "待核实",
    });

    const rejected = await t.gql(
      DECIDE,
      { id: String(claimant.membership.id), decision: "REJECTED", note: "查无此人" },
      who.jinjuStaff.token,
    );
    expect(succeeded<{ status: string }>(rejected, "decideMembership").status).toBe("REJECTED");
    // The row stays in the staff's list (their decision is on record), the person's details do not.
    expect(await phoneSeenBy(who.jinjuStaff.token, claimant.membership.id)).toEqual({ phone: null, realName: null });
    expect(await phoneSeenBy(who.streetAdmin.token, claimant.membership.id)).toEqual({ phone: null, realName: null });
  });

  it("stay visible to 金橘苑's staff for a person rejected in one household but verified in another", async () => {
    const f = factories(t);
    const person = await f.seedResident({ building: tree.jinju.building, status: "REJECTED" });
    const home = await f.createHousehold({ building: tree.jinju.building });
    await t.db.prisma.householdMember.create({
      data: { householdId: home.id, accountId: person.account.id, status: "VERIFIED" },
    });
    expect((await phoneSeenBy(who.jinjuStaff.token, person.membership.id)).phone).toBe(person.phone);
  });
});

// ─── staff lists ───

describe("the memberships and roleGrants lists", () => {
  const ROLE_GRANTS = `query($areaId: ID!) { roleGrants(first: 50, areaId: $areaId) { edges { node { id role } } } }`;

  it("need a signed-in person: anonymous is UNAUTHENTICATED", async () => {
    expect(errorCode(await t.gql(MEMBERSHIPS))).toBe("UNAUTHENTICATED");
    expect(errorCode(await t.gql(ROLE_GRANTS, { areaId: String(tree.street.id) }))).toBe("UNAUTHENTICATED");
  });

  it("are staff-only: a resident is FORBIDDEN", async () => {
    expect(errorCode(await t.gql(MEMBERSHIPS, {}, who.sanlinResident.token))).toBe("FORBIDDEN");
    const grants = await t.gql(ROLE_GRANTS, { areaId: String(tree.sanlin.neighbourhood.id) }, who.sanlinResident.token);
    expect(errorCode(grants)).toBe("FORBIDDEN");
  });

  it("hold for staff of 三林苑 only the memberships of 三林苑", async () => {
    const { data, errors } = await t.gql<Memberships>(MEMBERSHIPS, {}, who.sanlinStaff.token);
    expect(errors).toBeUndefined();
    const ids = data?.memberships?.edges.map((edge) => Number(edge.node.id)) ?? [];
    expect(ids).toEqual(expect.arrayContaining([who.sanlinResident.membershipId, who.sanlinPending.membershipId]));
    expect(ids).not.toContain(who.jinjuResident.membershipId);
    expect(ids).not.toContain(who.jinjuPending.membershipId);
    const buildings = new Set(data?.memberships?.edges.map((edge) => edge.node.household.building.id));
    expect([...buildings]).toEqual([String(tree.sanlin.building.id)]);
    expect(data?.memberships?.totalCount).toBe(ids.length);
  });

  it("refuse staff of 三林苑 a look at 金橘苑, by memberships or by roleGrants (FORBIDDEN)", async () => {
    const byArea = await t.gql<Memberships>(
      MEMBERSHIPS,
      { areaId: String(tree.jinju.neighbourhood.id) },
      who.sanlinStaff.token,
    );
    expect(errorCode(byArea)).toBe("FORBIDDEN");
    expect(byArea.data?.memberships ?? null).toBeNull();
    const grants = await t.gql(ROLE_GRANTS, { areaId: String(tree.jinju.neighbourhood.id) }, who.sanlinStaff.token);
    expect(errorCode(grants)).toBe("FORBIDDEN");
  });

  it("hold for an admin of the street the memberships of both neighbourhoods", async () => {
    const { data } = await t.gql<Memberships>(MEMBERSHIPS, {}, who.streetAdmin.token);
    const ids = data?.memberships?.edges.map((edge) => Number(edge.node.id)) ?? [];
    expect(ids).toEqual(expect.arrayContaining([who.sanlinResident.membershipId, who.jinjuResident.membershipId]));
  });
});

// ─── acting across the boundary ───

const DECIDE = `mutation($id: ID!, $decision: MembershipDecision!, $note: String) {
  decideMembership(id: $id, decision: $decision, note: $note) {
    __typename ${APP_ERROR}
    ... on MutationDecideMembershipSuccess { data { id status } }
  }
}`;
const CREATE_AREA = `mutation($parentId: ID!, $kind: AreaKind!, $name: String!) {
  createArea(parentId: $parentId, kind: $kind, name: $name) {
    __typename ${APP_ERROR}
    ... on MutationCreateAreaSuccess { data { id } }
  }
}`;
const GRANT = `mutation($phone: String!, $role: Role!, $areaId: ID, $councilId: ID) {
  grantRole(phone: $phone, role: $role, areaId: $areaId, councilId: $councilId) {
    __typename ${APP_ERROR}
    ... on MutationGrantRoleSuccess { data { id role area { id } } }
  }
}`;

async function statusOf(membershipId: number) {
  return (await t.db.prisma.householdMember.findUniqueOrThrow({ where: { id: membershipId } })).status;
}

describe("staff of 三林苑", () => {
  it("cannot verify a membership in 金橘苑 (FORBIDDEN), which stays PENDING", async () => {
    const response = await t.gql(
      DECIDE,
      { id: String(who.jinjuPending.membershipId), decision: "VERIFIED" },
      who.sanlinStaff.token,
    );
    expect(failed(response, "decideMembership").code).toBe("FORBIDDEN");
    expect(await statusOf(who.jinjuPending.membershipId)).toBe("PENDING");
  });

  it("cannot create areas under 金橘苑 (FORBIDDEN) but can under 三林苑", async () => {
    const refused = await t.gql(
      CREATE_AREA,
      { parentId: String(tree.jinju.compound.id), kind: "BUILDING", name: "越界楼" },
      who.sanlinStaff.token,
    );
    expect(failed(refused, "createArea").code).toBe("FORBIDDEN");
    expect(await t.db.prisma.area.count({ where: { name: "越界楼" } })).toBe(0);

    const allowed = await t.gql(
      CREATE_AREA,
      { parentId: String(tree.sanlin.compound.id), kind: "BUILDING", name: "2号楼" },
      who.sanlinStaff.token,
    );
    succeeded(allowed, "createArea");
  });

  it("cannot create areas above 三林苑, at the street (FORBIDDEN)", async () => {
    const refused = await t.gql(
      CREATE_AREA,
      { parentId: String(tree.street.id), kind: "NEIGHBOURHOOD", name: "新居民区" },
      who.sanlinStaff.token,
    );
    expect(failed(refused, "createArea").code).toBe("FORBIDDEN");
  });

  it("cannot grant a role on 金橘苑's council (FORBIDDEN) but can on 三林苑's", async () => {
    const refused = await t.gql(
      GRANT,
      { phone: uniquePhone(), role: "COUNCIL_MEMBER", councilId: String(tree.jinju.council.id) },
      who.sanlinStaff.token,
    );
    expect(failed(refused, "grantRole").code).toBe("FORBIDDEN");

    const allowed = await t.gql(
      GRANT,
      { phone: uniquePhone(), role: "COUNCIL_MEMBER", councilId: String(tree.sanlin.council.id) },
      who.sanlinStaff.token,
    );
    expect(succeeded<{ area: { id: string } }>(allowed, "grantRole").area.id).toBe(
      String(tree.sanlin.neighbourhood.id),
    );
  });

  it("cannot grant STAFF or ADMIN, even in 三林苑: only an admin of the area can (FORBIDDEN)", async () => {
    for (const role of ["STAFF", "ADMIN"]) {
      const phone = uniquePhone();
      const refused = await t.gql(
        GRANT,
        { phone, role, areaId: String(tree.sanlin.neighbourhood.id) },
        who.sanlinStaff.token,
      );
      expect(failed(refused, "grantRole").code).toBe("FORBIDDEN");
      expect(await t.db.prisma.account.count({ where: { phone } })).toBe(0);
    }
  });
});

describe("an admin of the street", () => {
  it("can grant STAFF for a neighbourhood of the street, whose holder then is staff there", async () => {
    const phone = uniquePhone();
    const granted = await t.gql(
      GRANT,
      { phone, role: "STAFF", areaId: String(tree.jinju.neighbourhood.id) },
      who.streetAdmin.token,
    );
    expect(succeeded<{ role: string }>(granted, "grantRole").role).toBe("STAFF");

    const token = await t.signIn(phone);
    const verified = await t.gql(DECIDE, { id: String(who.jinjuPending.membershipId), decision: "VERIFIED" }, token);
    expect(succeeded<{ status: string }>(verified, "decideMembership").status).toBe("VERIFIED");
  });

  it("cannot grant ADMIN for the district above the street (FORBIDDEN)", async () => {
    const refused = await t.gql(
      GRANT,
      { phone: uniquePhone(), role: "ADMIN", areaId: String(tree.district.id) },
      who.streetAdmin.token,
    );
    expect(failed(refused, "grantRole").code).toBe("FORBIDDEN");
  });
});

describe("a council member of 三林苑's council", () => {
  it("has no staff powers: lists, verification, areas and grants are FORBIDDEN", async () => {
    const token = who.sanlinCouncilMember.token;
    expect(errorCode(await t.gql(MEMBERSHIPS, {}, token))).toBe("FORBIDDEN");

    const decide = await t.gql(DECIDE, { id: String(who.sanlinPending.membershipId), decision: "VERIFIED" }, token);
    expect(failed(decide, "decideMembership").code).toBe("FORBIDDEN");
    expect(await statusOf(who.sanlinPending.membershipId)).toBe("PENDING");

    const area = await t.gql(
      CREATE_AREA,
      { parentId: String(tree.sanlin.compound.id), kind: "BUILDING", name: "议事楼" },
      token,
    );
    expect(failed(area, "createArea").code).toBe("FORBIDDEN");

    const grant = await t.gql(
      GRANT,
      { phone: uniquePhone(), role: "COUNCIL_MEMBER", councilId: String(tree.sanlin.council.id) },
      token,
    );
    expect(failed(grant, "grantRole").code).toBe("FORBIDDEN");
  });
});
