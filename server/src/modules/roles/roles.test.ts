import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiaisonPost } from "../../generated/prisma/client.js";
import { type AreaTree, factories, type Person, uniquePhone, uniqueSuffix } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";

// Granting and revoking roles: who gets what, where, and what they see afterwards.

let t: TestApp;
let tree: AreaTree;
let staff: Person;
let admin: Person & { grant: { id: number } };
let post: LiaisonPost;

beforeAll(async () => {
  t = await startTestApp();
  const f = factories(t);
  tree = await f.createAreaTree();
  staff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
  admin = await f.seedStaff({ area: tree.street, role: "ADMIN" });
  post = await t.db.prisma.liaisonPost.create({
    data: {
      kind: "STATION",
      name: `三林苑联络站${uniqueSuffix()}`,
      areaId: tree.sanlin.neighbourhood.id,
      address: "三林路1号",
    },
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const GRANT = `mutation($phone: String!, $realName: String, $role: Role!, $areaId: ID, $councilId: ID, $postId: ID) {
  grantRole(phone: $phone, realName: $realName, role: $role, areaId: $areaId, councilId: $councilId, postId: $postId) {
    __typename ${APP_ERROR}
    ... on MutationGrantRoleSuccess {
      data { id role area { id } council { id } post { id } account { id displayName phone realName } revokedAt }
    }
  }
}`;
const REVOKE = `mutation($id: ID!) {
  revokeRole(id: $id) { __typename ${APP_ERROR} ... on MutationRevokeRoleSuccess { data { id revokedAt } } }
}`;
const VIEWER_ROLES = "{ viewer { isStaff roles { id role area { id } council { id } } } }";

interface Grant {
  id: string;
  role: string;
  area: { id: string };
  council: { id: string } | null;
  post: { id: string } | null;
  account: { id: string; displayName: string; phone: string | null; realName: string | null };
  revokedAt: string | null;
}
type ViewerRoles = {
  viewer: {
    isStaff: boolean;
    roles: { id: string; role: string; area: { id: string }; council: { id: string } | null }[];
  };
};

const grant = (variables: Record<string, unknown>, token = staff.token) => t.gql(GRANT, variables, token);

describe("grantRole", () => {
  it("to the phone of someone new registers them, and their viewer shows the role once they sign in", async () => {
    const phone = uniquePhone();
    const granted = succeeded<Grant>(
      await grant({ phone, realName: "王建国", role: "COUNCIL_MEMBER", councilId: String(tree.sanlin.council.id) }),
      "grantRole",
    );
    // Staff of the area see who they registered.
    expect(granted.account).toMatchObject({ phone, realName: "王建国" });
    expect(await t.db.prisma.account.count({ where: { phone } })).toBe(1);

    const token = await t.signIn(phone);
    const { data } = await t.gql<ViewerRoles>(VIEWER_ROLES, {}, token);
    expect(data?.viewer.roles).toEqual([
      {
        id: granted.id,
        role: "COUNCIL_MEMBER",
        area: { id: String(tree.sanlin.neighbourhood.id) },
        council: { id: String(tree.sanlin.council.id) },
      },
    ]);
    expect(data?.viewer.isStaff).toBe(false);
    const { data: me } = await t.gql<{ viewer: { account: { id: string } } }>(
      "{ viewer { account { id } } }",
      {},
      token,
    );
    expect(me?.viewer.account.id).toBe(granted.account.id);
  });

  it("does not make the real name of someone it registers their public name", async () => {
    const granted = succeeded<Grant>(
      await grant({
        phone: uniquePhone(),
        realName: "李秀兰",
        role: "COUNCIL_MEMBER",
        councilId: String(tree.sanlin.council.id),
      }),
      "grantRole",
    );
    const { data } = await t.gql<{
      council: { members: { account: { id: string; displayName: string; realName: string | null } }[] };
    }>(`query($id: ID!) { council(id: $id) { members { account { id displayName realName } } } }`, {
      id: String(tree.sanlin.council.id),
    });
    const seen = data?.council.members.find((member) => member.account.id === granted.account.id)?.account;
    expect(seen?.realName).toBeNull();
    expect(seen?.displayName).toBeTruthy();
    expect(seen?.displayName).not.toContain("李");
    expect(seen?.displayName).not.toContain("秀兰");
  });

  it("to an existing account keeps its name, and the same role twice is a CONFLICT", async () => {
    const person = await factories(t).seedPerson();
    const variables = {
      phone: person.phone,
      realName: "别的名字",
      role: "PLANNER",
      areaId: String(tree.sanlin.neighbourhood.id),
    };
    const first = succeeded<Grant>(await grant(variables), "grantRole");
    expect(first.account.id).toBe(String(person.account.id));
    expect(first.account.displayName).toBe(person.account.displayName);

    expect(failed(await grant(variables), "grantRole")).toMatchObject({ code: "CONFLICT", field: "role" });
    expect(await t.db.prisma.roleGrant.count({ where: { accountId: person.account.id, revokedAt: null } })).toBe(1);
  });

  it("for a council takes the council's area, whatever area is passed", async () => {
    const granted = succeeded<Grant>(
      await grant({
        phone: uniquePhone(),
        role: "FACILITATOR",
        councilId: String(tree.sanlin.council.id),
        areaId: String(tree.jinju.neighbourhood.id),
      }),
      "grantRole",
    );
    expect(granted.area.id).toBe(String(tree.sanlin.neighbourhood.id));
    expect(granted.council?.id).toBe(String(tree.sanlin.council.id));
  });

  it("of a council role without a council is VALIDATION on field councilId", async () => {
    const error = failed(
      await grant({ phone: uniquePhone(), role: "COUNCIL_MEMBER", areaId: String(tree.sanlin.neighbourhood.id) }),
      "grantRole",
    );
    expect(error).toMatchObject({ code: "VALIDATION", field: "councilId" });
  });

  it("of DEPUTY needs a liaison post (VALIDATION on field postId) and takes the post's area", async () => {
    const phone = uniquePhone();
    const missing = failed(
      await grant({ phone, role: "DEPUTY", areaId: String(tree.sanlin.neighbourhood.id) }),
      "grantRole",
    );
    expect(missing).toMatchObject({ code: "VALIDATION", field: "postId" });
    expect(await t.db.prisma.account.count({ where: { phone } })).toBe(0);

    const granted = succeeded<Grant>(await grant({ phone, role: "DEPUTY", postId: String(post.id) }), "grantRole");
    expect(granted).toMatchObject({
      role: "DEPUTY",
      area: { id: String(tree.sanlin.neighbourhood.id) },
      post: { id: String(post.id) },
    });
  });

  it("refuses a malformed phone: VALIDATION on field phone", async () => {
    const error = failed(
      await grant({ phone: "110", role: "PLANNER", areaId: String(tree.sanlin.neighbourhood.id) }),
      "grantRole",
    );
    expect(error).toMatchObject({ code: "VALIDATION", field: "phone" });
  });
});

describe("revokeRole", () => {
  it("ends a grant: it leaves the holder's viewer, and revoking it again is a CONFLICT", async () => {
    const phone = uniquePhone();
    const granted = succeeded<Grant>(
      await grant({ phone, role: "PLANNER", areaId: String(tree.sanlin.neighbourhood.id) }),
      "grantRole",
    );
    const token = await t.signIn(phone);
    expect((await t.gql<ViewerRoles>(VIEWER_ROLES, {}, token)).data?.viewer.roles.map((role) => role.id)).toEqual([
      granted.id,
    ]);

    const revoked = succeeded<{ id: string; revokedAt: string | null }>(
      await t.gql(REVOKE, { id: granted.id }, staff.token),
      "revokeRole",
    );
    expect(revoked.revokedAt).not.toBeNull();
    expect((await t.gql<ViewerRoles>(VIEWER_ROLES, {}, token)).data?.viewer.roles).toEqual([]);

    expect(failed(await t.gql(REVOKE, { id: granted.id }, staff.token), "revokeRole").code).toBe("CONFLICT");
    // The same role may be granted afresh.
    succeeded(await grant({ phone, role: "PLANNER", areaId: String(tree.sanlin.neighbourhood.id) }), "grantRole");
  });

  it("of a STAFF grant needs an admin: staff are FORBIDDEN, the street's admin may", async () => {
    const colleague = await factories(t).seedStaff({ area: tree.sanlin.neighbourhood });
    const id = String(colleague.grant.id);
    expect(failed(await t.gql(REVOKE, { id }, staff.token), "revokeRole").code).toBe("FORBIDDEN");
    succeeded(await t.gql(REVOKE, { id }, admin.token), "revokeRole");
    expect((await t.gql<ViewerRoles>(VIEWER_ROLES, {}, colleague.token)).data?.viewer.isStaff).toBe(false);
  });

  it("cannot take away one's own ADMIN (FORBIDDEN)", async () => {
    const error = failed(await t.gql(REVOKE, { id: String(admin.grant.id) }, admin.token), "revokeRole");
    expect(error.code).toBe("FORBIDDEN");
    const { data } = await t.gql<ViewerRoles>(VIEWER_ROLES, {}, admin.token);
    expect(data?.viewer.roles.map((role) => role.role)).toEqual(["ADMIN"]);
  });

  it("of an unknown grant is NOT_FOUND", async () => {
    expect(failed(await t.gql(REVOKE, { id: "99999999" }, staff.token), "revokeRole").code).toBe("NOT_FOUND");
  });
});

describe("setDeputyProfile", () => {
  const SET_PROFILE = `mutation($accountId: ID!, $name: String!, $title: String!, $bio: String) {
    setDeputyProfile(accountId: $accountId, name: $name, title: $title, bio: $bio) {
      __typename ${APP_ERROR}
      ... on MutationSetDeputyProfileSuccess { data { id name title bio } }
    }
  }`;
  const POST_DEPUTIES = `query($id: ID!) { liaisonPost(id: $id) { deputies { name title bio } } }`;
  type Profile = { id: string; name: string; title: string; bio: string | null };

  /** A deputy granted on 三林苑's post through the API, as 角色授权 does. */
  const newDeputy = async () => {
    const granted = succeeded<Grant>(
      await grant({ phone: uniquePhone(), role: "DEPUTY", postId: String(post.id) }),
      "grantRole",
    );
    return granted.account.id;
  };
  const setProfile = (vars: Record<string, unknown>, token = staff.token) => t.gql(SET_PROFILE, vars, token);

  it("gives a deputy granted on a post the public name and title shown on that post; a second save updates it", async () => {
    const accountId = await newDeputy();
    // Granted but without a profile, the deputy does not appear on the post.
    const before = await t.gql<{ liaisonPost: { deputies: Profile[] } }>(POST_DEPUTIES, { id: String(post.id) });
    const created = succeeded<Profile>(
      await setProfile({ accountId, name: " 张建国 ", title: "区人大代表", bio: "退休教师" }),
      "setDeputyProfile",
    );
    expect(created).toMatchObject({ name: "张建国", title: "区人大代表", bio: "退休教师" });
    const { data } = await t.gql<{ liaisonPost: { deputies: Profile[] } }>(POST_DEPUTIES, { id: String(post.id) });
    expect(data?.liaisonPost.deputies.length).toBe((before.data?.liaisonPost.deputies.length ?? 0) + 1);
    expect(data?.liaisonPost.deputies).toContainEqual({ name: "张建国", title: "区人大代表", bio: "退休教师" });

    const updated = succeeded<Profile>(
      await setProfile({ accountId, name: "张建国", title: "市人大代表", bio: "" }),
      "setDeputyProfile",
    );
    expect(updated).toEqual({ id: created.id, name: "张建国", title: "市人大代表", bio: null });
    expect(
      await t.db.prisma.auditEvent.count({ where: { action: "deputy.profile", subjectId: Number(accountId) } }),
    ).toBe(2);
  });

  it("is for staff of an area where the person serves as deputy: 金橘苑's staff and a resident are FORBIDDEN", async () => {
    const accountId = await newDeputy();
    const jinjuStaff = await factories(t).seedStaff({ area: tree.jinju.neighbourhood });
    const refused = failed(
      await setProfile({ accountId, name: "越界", title: "区人大代表" }, jinjuStaff.token),
      "setDeputyProfile",
    );
    expect(refused.code).toBe("FORBIDDEN");
    const resident = await factories(t).seedPerson();
    expect(
      failed(await setProfile({ accountId, name: "居民", title: "区人大代表" }, resident.token), "setDeputyProfile")
        .code,
    ).toBe("FORBIDDEN");
    expect(await t.db.prisma.deputyProfile.count({ where: { accountId: Number(accountId) } })).toBe(0);
  });

  it("names the field at fault: someone who is no deputy (accountId), an empty name or title, a long bio", async () => {
    const planner = succeeded<Grant>(
      await grant({ phone: uniquePhone(), role: "PLANNER", areaId: String(tree.sanlin.neighbourhood.id) }),
      "grantRole",
    );
    expect(
      failed(
        await setProfile({ accountId: planner.account.id, name: "规划师", title: "区人大代表" }),
        "setDeputyProfile",
      ),
    ).toMatchObject({ code: "VALIDATION", field: "accountId" });
    const accountId = await newDeputy();
    expect(failed(await setProfile({ accountId, name: " ", title: "区人大代表" }), "setDeputyProfile")).toMatchObject({
      code: "VALIDATION",
      field: "name",
    });
    const noTitle = failed(await setProfile({ accountId, name: "李代表", title: "" }), "setDeputyProfile");
    expect(noTitle).toMatchObject({ code: "VALIDATION", field: "title" });
    expect(noTitle.message).toContain("区人大代表");
    expect(
      failed(
        await setProfile({ accountId, name: "李代表", title: "区人大代表", bio: "长".repeat(501) }),
        "setDeputyProfile",
      ),
    ).toMatchObject({ code: "VALIDATION", field: "bio" });
  });
});
