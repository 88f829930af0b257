import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiaisonPost } from "../../generated/prisma/client.js";
import { type AreaTree, type Factories, factories, type Person, uniqueSuffix } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";

// Councils, departments and liaison posts are set up by staff of the area they belong to: role
// AND area. Staff of 金橘苑 cannot touch 三林苑's; residents and visitors touch none.

let t: TestApp;
let f: Factories;
let tree: AreaTree;
let streetStaff: Person;
let sanlinStaff: Person;
let jinjuStaff: Person;
let resident: Person;
/** 代表之家 of the street → 三林苑联络站 (made directly, not under test here). */
let home: LiaisonPost;
let sanlinStation: LiaisonPost;

beforeAll(async () => {
  t = await startTestApp();
  f = factories(t);
  tree = await f.createAreaTree();
  streetStaff = await f.seedStaff({ area: tree.street });
  sanlinStaff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
  jinjuStaff = await f.seedStaff({ area: tree.jinju.neighbourhood });
  resident = (await f.seedResident({ building: tree.sanlin.building })) as Person;
  home = await t.db.prisma.liaisonPost.create({
    data: { kind: "HOME", name: `代表之家${uniqueSuffix()}`, areaId: tree.street.id, address: "东明路1号" },
  });
  sanlinStation = await t.db.prisma.liaisonPost.create({
    data: {
      kind: "STATION",
      name: `三林苑联络站${uniqueSuffix()}`,
      parentId: home.id,
      areaId: tree.sanlin.neighbourhood.id,
      address: "三林路2号",
    },
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

// ─── councils ───

const CREATE_COUNCIL = `mutation($areaId: ID!, $name: String!, $kind: CouncilKind!, $supportThreshold: Int, $meetingQuorum: Int) {
  createCouncil(areaId: $areaId, name: $name, kind: $kind, supportThreshold: $supportThreshold, meetingQuorum: $meetingQuorum) {
    __typename ${APP_ERROR}
    ... on MutationCreateCouncilSuccess { data { id name kind supportThreshold meetingQuorum area { id } } }
  }
}`;
const UPDATE_COUNCIL = `mutation($id: ID!, $name: String, $supportThreshold: Int, $meetingQuorum: Int) {
  updateCouncil(id: $id, name: $name, supportThreshold: $supportThreshold, meetingQuorum: $meetingQuorum) {
    __typename ${APP_ERROR}
    ... on MutationUpdateCouncilSuccess { data { id name supportThreshold meetingQuorum } }
  }
}`;
type CouncilData = { id: string; name: string; kind: string; supportThreshold: number; meetingQuorum: number };

const createCouncil = (vars: Record<string, unknown>, token?: string) => t.gql(CREATE_COUNCIL, vars, token);

describe("createCouncil", () => {
  it("staff of 三林苑 create a council for 三林苑, with its thresholds, and the audit trail records it", async () => {
    const name = `三林苑青年议事会${uniqueSuffix()}`;
    const council = succeeded<CouncilData & { area: { id: string } }>(
      await createCouncil(
        {
          areaId: String(tree.sanlin.neighbourhood.id),
          name: ` ${name} `,
          kind: "NEIGHBOURHOOD",
          supportThreshold: 5,
          meetingQuorum: 3,
        },
        sanlinStaff.token,
      ),
      "createCouncil",
    );
    expect(council).toMatchObject({ name, kind: "NEIGHBOURHOOD", supportThreshold: 5, meetingQuorum: 3 });
    expect(council.area.id).toBe(String(tree.sanlin.neighbourhood.id));
    const audit = await t.db.prisma.auditEvent.findFirst({
      where: { action: "council.create", subjectType: "COUNCIL", subjectId: Number(council.id) },
    });
    expect(audit).toMatchObject({ actorId: sanlinStaff.account.id, areaId: tree.sanlin.neighbourhood.id });
  });

  // Who may not create 三林苑's council: each is refused with its code, and nothing is made.
  it.each([
    { who: "staff of 金橘苑", token: () => jinjuStaff.token, code: "FORBIDDEN" },
    { who: "a resident", token: () => resident.token, code: "FORBIDDEN" },
    { who: "an anonymous visitor", token: () => undefined, code: "UNAUTHENTICATED" },
  ])("$who cannot create a council in 三林苑 ($code), and none is made", async ({ token, code }) => {
    const vars = {
      areaId: String(tree.sanlin.neighbourhood.id),
      name: `越界议事会${uniqueSuffix()}`,
      kind: "NEIGHBOURHOOD",
    };
    expect(failed(await createCouncil(vars, token()), "createCouncil").code).toBe(code);
    expect(await t.db.prisma.council.count({ where: { name: vars.name } })).toBe(0);
  });

  it.each([
    { fault: "an empty name", vars: { name: "  " }, field: "name" },
    {
      fault: "a support threshold below 1",
      vars: { name: "门槛议事会", supportThreshold: 0 },
      field: "supportThreshold",
    },
    { fault: "a quorum below 1", vars: { name: "人数议事会", meetingQuorum: 0 }, field: "meetingQuorum" },
    { fault: "a 街区 council not on a 街区", vars: { name: "街区议事会", kind: "BLOCK" }, field: "areaId" },
    { fault: "an area id that is no id", vars: { name: "编号议事会", areaId: "abc" }, field: "areaId" },
  ])("names the field at fault (VALIDATION on $field): $fault", async ({ vars, field }) => {
    const refused = failed(
      await createCouncil(
        { areaId: String(tree.sanlin.neighbourhood.id), kind: "NEIGHBOURHOOD", ...vars },
        sanlinStaff.token,
      ),
      "createCouncil",
    );
    expect(refused).toMatchObject({ code: "VALIDATION", field });
    if (field === "name") expect(refused.message).toMatch(/名称/);
  });

  it("refuses a second council of the same name in one area: CONFLICT on field name", async () => {
    const vars = {
      areaId: String(tree.sanlin.neighbourhood.id),
      name: `重名议事会${uniqueSuffix()}`,
      kind: "NEIGHBOURHOOD",
    };
    succeeded(await createCouncil(vars, sanlinStaff.token), "createCouncil");
    expect(failed(await createCouncil(vars, streetStaff.token), "createCouncil")).toMatchObject({
      code: "CONFLICT",
      field: "name",
    });
  });
});

describe("updateCouncil", () => {
  it("staff of 三林苑 (and of the street) change 三林苑's council; staff of 金橘苑 cannot (FORBIDDEN)", async () => {
    const council = tree.sanlin.council;
    const updated = succeeded<CouncilData>(
      await t.gql(
        UPDATE_COUNCIL,
        { id: String(council.id), name: " 三林苑居民区议事会（新） ", supportThreshold: 7 },
        sanlinStaff.token,
      ),
      "updateCouncil",
    );
    expect(updated).toMatchObject({ name: "三林苑居民区议事会（新）", supportThreshold: 7 });
    succeeded(
      await t.gql(UPDATE_COUNCIL, { id: String(council.id), meetingQuorum: 4 }, streetStaff.token),
      "updateCouncil",
    );

    const refused = failed(
      await t.gql(UPDATE_COUNCIL, { id: String(council.id), name: "金橘苑改的名" }, jinjuStaff.token),
      "updateCouncil",
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(
      failed(
        await t.gql(UPDATE_COUNCIL, { id: String(council.id), name: "居民改的名" }, resident.token),
        "updateCouncil",
      ).code,
    ).toBe("FORBIDDEN");
    const stored = await t.db.prisma.council.findUniqueOrThrow({ where: { id: council.id } });
    expect(stored).toMatchObject({ name: "三林苑居民区议事会（新）", supportThreshold: 7, meetingQuorum: 4 });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "council.update", subjectId: council.id } })).toBe(2);
  });

  it("refuses a threshold below 1 (VALIDATION on supportThreshold) and an unknown council (NOT_FOUND)", async () => {
    const low = failed(
      await t.gql(UPDATE_COUNCIL, { id: String(tree.jinju.council.id), supportThreshold: -1 }, jinjuStaff.token),
      "updateCouncil",
    );
    expect(low).toMatchObject({ code: "VALIDATION", field: "supportThreshold" });
    expect(
      failed(await t.gql(UPDATE_COUNCIL, { id: "999999", name: "无" }, jinjuStaff.token), "updateCouncil").code,
    ).toBe("NOT_FOUND");
  });
});

// ─── departments ───

const CREATE_DEPARTMENT = `mutation($areaId: ID!, $name: String!, $contact: String) {
  createDepartment(areaId: $areaId, name: $name, contact: $contact) {
    __typename ${APP_ERROR}
    ... on MutationCreateDepartmentSuccess { data { id name contact area { id } } }
  }
}`;
const UPDATE_DEPARTMENT = `mutation($id: ID!, $name: String, $contact: String) {
  updateDepartment(id: $id, name: $name, contact: $contact) {
    __typename ${APP_ERROR}
    ... on MutationUpdateDepartmentSuccess { data { id name contact } }
  }
}`;

describe("departments", () => {
  it("are created by staff of their area; staff of a 居民区 cannot create one for the street (FORBIDDEN)", async () => {
    const name = `城管中队${uniqueSuffix()}`;
    const created = succeeded<{ id: string; name: string; contact: string | null }>(
      await t.gql(CREATE_DEPARTMENT, { areaId: String(tree.street.id), name, contact: "值班室" }, streetStaff.token),
      "createDepartment",
    );
    expect(created).toMatchObject({ name, contact: "值班室" });
    const refused = failed(
      await t.gql(
        CREATE_DEPARTMENT,
        { areaId: String(tree.street.id), name: `房管所${uniqueSuffix()}` },
        sanlinStaff.token,
      ),
      "createDepartment",
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(
      failed(
        await t.gql(CREATE_DEPARTMENT, { areaId: String(tree.street.id), name }, streetStaff.token),
        "createDepartment",
      ),
    ).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(
      failed(
        await t.gql(CREATE_DEPARTMENT, { areaId: String(tree.street.id), name: "" }, streetStaff.token),
        "createDepartment",
      ),
    ).toMatchObject({ code: "VALIDATION", field: "name" });
  });

  it("of 三林苑 are updated by its staff, not by 金橘苑's (FORBIDDEN); an empty contact clears it", async () => {
    const department = await t.db.prisma.department.create({
      data: { name: `三林苑物业${uniqueSuffix()}`, areaId: tree.sanlin.neighbourhood.id, contact: "物业办" },
    });
    const refused = failed(
      await t.gql(UPDATE_DEPARTMENT, { id: String(department.id), name: "改名" }, jinjuStaff.token),
      "updateDepartment",
    );
    expect(refused.code).toBe("FORBIDDEN");
    const updated = succeeded<{ name: string; contact: string | null }>(
      await t.gql(UPDATE_DEPARTMENT, { id: String(department.id), contact: "" }, sanlinStaff.token),
      "updateDepartment",
    );
    expect(updated).toEqual({ id: String(department.id), name: department.name, contact: null });
  });
});

// ─── liaison posts ───

const CREATE_POST = `mutation($kind: PostKind!, $name: String!, $parentId: ID, $areaId: ID!, $address: String!) {
  createLiaisonPost(kind: $kind, name: $name, parentId: $parentId, areaId: $areaId, address: $address) {
    __typename ${APP_ERROR}
    ... on MutationCreateLiaisonPostSuccess { data { id kind name parent { id } area { id } } }
  }
}`;
const UPDATE_POST = `mutation($id: ID!, $name: String, $address: String, $openHours: String) {
  updateLiaisonPost(id: $id, name: $name, address: $address, openHours: $openHours) {
    __typename ${APP_ERROR}
    ... on MutationUpdateLiaisonPostSuccess { data { id name address openHours } }
  }
}`;
type PostData = { id: string; kind: string; name: string; parent: { id: string } | null; area: { id: string } };

const createPost = (vars: Record<string, unknown>, token?: string) =>
  t.gql(CREATE_POST, { address: "某路1号", ...vars }, token);

describe("createLiaisonPost", () => {
  it("builds the 家站点 tree: a 联系点 of 三林苑 under 三林苑's 联络站, by 三林苑's staff", async () => {
    const post = succeeded<PostData>(
      await createPost(
        {
          kind: "POINT",
          name: `三林苑联系点${uniqueSuffix()}`,
          parentId: String(sanlinStation.id),
          areaId: String(tree.sanlin.neighbourhood.id),
        },
        sanlinStaff.token,
      ),
      "createLiaisonPost",
    );
    expect(post).toMatchObject({ kind: "POINT", parent: { id: String(sanlinStation.id) } });
    expect(await t.db.prisma.auditEvent.count({ where: { action: "post.create", subjectId: Number(post.id) } })).toBe(
      1,
    );
  });

  it("refuses staff of 金橘苑 hanging a 联系点 under 三林苑's 联络站 (FORBIDDEN), even one for 金橘苑", async () => {
    const name = `越界联系点${uniqueSuffix()}`;
    const refused = failed(
      await createPost(
        { kind: "POINT", name, parentId: String(sanlinStation.id), areaId: String(tree.jinju.neighbourhood.id) },
        jinjuStaff.token,
      ),
      "createLiaisonPost",
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain(sanlinStation.name);
    expect(await t.db.prisma.liaisonPost.count({ where: { name } })).toBe(0);
    // Staff of the street, above both, may.
    succeeded(
      await createPost(
        { kind: "POINT", name, parentId: String(sanlinStation.id), areaId: String(tree.jinju.neighbourhood.id) },
        streetStaff.token,
      ),
      "createLiaisonPost",
    );
  });

  it.each([
    { who: "staff of 金橘苑", token: () => jinjuStaff.token, code: "FORBIDDEN" },
    { who: "a resident", token: () => resident.token, code: "FORBIDDEN" },
    { who: "an anonymous visitor", token: () => undefined, code: "UNAUTHENTICATED" },
  ])("refuses $who a post for 三林苑 ($code), and none is made", async ({ token, code }) => {
    const vars = {
      kind: "POINT",
      name: `三林苑二号联系点${uniqueSuffix()}`,
      parentId: String(sanlinStation.id),
      areaId: String(tree.sanlin.neighbourhood.id),
    };
    expect(failed(await createPost(vars, token()), "createLiaisonPost").code).toBe(code);
    expect(await t.db.prisma.liaisonPost.count({ where: { name: vars.name } })).toBe(0);
  });

  // Each made by staff of the street, who may create any of them: only the fault is refused.
  it.each([
    {
      fault: "a 联系点 right under a 代表之家",
      vars: () => ({ kind: "POINT", name: "跳级联系点", parentId: String(home.id) }),
      refusal: { code: "VALIDATION", field: "parentId" },
    },
    {
      fault: "a 联络站 without a parent",
      vars: () => ({ kind: "STATION", name: "无上级联络站" }),
      refusal: { code: "VALIDATION", field: "parentId" },
    },
    {
      fault: "a 代表之家 with a parent",
      vars: () => ({ kind: "HOME", name: "二号之家", parentId: String(home.id), areaId: String(tree.street.id) }),
      refusal: { code: "VALIDATION", field: "parentId" },
    },
    {
      fault: "an empty address",
      vars: () => ({ kind: "POINT", name: "无地址联系点", parentId: String(sanlinStation.id), address: " " }),
      refusal: { code: "VALIDATION", field: "address" },
    },
    {
      fault: "an unknown parent",
      vars: () => ({ kind: "POINT", name: "无主联系点", parentId: "999999" }),
      refusal: { code: "NOT_FOUND" },
    },
  ])("refuses $fault ($refusal.code)", async ({ vars, refusal }) => {
    const refused = failed(
      await createPost({ areaId: String(tree.sanlin.neighbourhood.id), ...vars() }, streetStaff.token),
      "createLiaisonPost",
    );
    expect(refused).toMatchObject(refusal);
  });
});

describe("updateLiaisonPost", () => {
  it("is for staff of the post's area: 金橘苑's staff are FORBIDDEN; 三林苑's change hours, and clear them with \"\"", async () => {
    const refused = failed(
      await t.gql(UPDATE_POST, { id: String(sanlinStation.id), openHours: "周一" }, jinjuStaff.token),
      "updateLiaisonPost",
    );
    expect(refused.code).toBe("FORBIDDEN");
    const set = succeeded<{ openHours: string | null; name: string }>(
      await t.gql(UPDATE_POST, { id: String(sanlinStation.id), openHours: "每周三 9:00–11:00" }, sanlinStaff.token),
      "updateLiaisonPost",
    );
    expect(set).toMatchObject({ openHours: "每周三 9:00–11:00", name: sanlinStation.name });
    const cleared = succeeded<{ openHours: string | null }>(
      await t.gql(UPDATE_POST, { id: String(sanlinStation.id), openHours: "" }, sanlinStaff.token),
      "updateLiaisonPost",
    );
    expect(cleared.openHours).toBeNull();
  });
});
