import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/harness.js";

// Who may read a suggestion's private parts: its submitter, the deputies of its post, the
// departments it was transferred to, staff of its area. Nobody else, and never the public.

let t: TestApp;
let phoneSeq = 0;
const nextPhone = () => `1370${String(Date.now()).slice(-5)}${String(++phoneSeq).padStart(2, "0")}`;

interface Fixture {
  publicId: number;
  privateId: number;
  tokens: Record<
    "submitter" | "deputy" | "otherDeputy" | "department" | "otherDepartment" | "staff" | "otherStaff" | "resident",
    string
  >;
}
let f: Fixture;

async function area(kind: "STREET" | "NEIGHBOURHOOD", name: string, parent?: { id: number; path: string }) {
  const prisma = t.db.prisma;
  const created = await prisma.area.create({
    data: { kind, name, parentId: parent?.id ?? null, path: `/tmp-${name}-${Date.now()}/` },
  });
  return prisma.area.update({ where: { id: created.id }, data: { path: `${parent?.path ?? "/"}${created.id}/` } });
}

async function person(grant?: {
  role: "DEPUTY" | "DEPARTMENT_HANDLER" | "STAFF";
  areaId: number;
  postId?: number;
  departmentId?: number;
}) {
  const phone = nextPhone();
  const token = await t.signIn(phone);
  const account = await t.db.prisma.account.findUniqueOrThrow({ where: { phone } });
  if (grant) await t.db.prisma.roleGrant.create({ data: { accountId: account.id, ...grant } });
  return { token, account };
}

beforeAll(async () => {
  t = await startTestApp();
  const prisma = t.db.prisma;
  const street = await area("STREET", "隐私街道");
  const hoodA = await area("NEIGHBOURHOOD", "甲居民区", street);
  const hoodB = await area("NEIGHBOURHOOD", "乙居民区", street);
  const post = await prisma.liaisonPost.create({
    data: { kind: "STATION", name: `甲联络站${Date.now()}`, areaId: hoodA.id, address: "甲路1号" },
  });
  const otherPost = await prisma.liaisonPost.create({
    data: { kind: "STATION", name: `乙联络站${Date.now()}`, areaId: hoodB.id, address: "乙路1号" },
  });
  const department = await prisma.department.create({ data: { name: "城管中队", areaId: street.id } });
  const otherDepartment = await prisma.department.create({ data: { name: "房管办", areaId: street.id } });

  const submitter = await person();
  const deputy = await person({ role: "DEPUTY", areaId: hoodA.id, postId: post.id });
  const otherDeputy = await person({ role: "DEPUTY", areaId: hoodB.id, postId: otherPost.id });
  const handler = await person({ role: "DEPARTMENT_HANDLER", areaId: street.id, departmentId: department.id });
  const otherHandler = await person({
    role: "DEPARTMENT_HANDLER",
    areaId: street.id,
    departmentId: otherDepartment.id,
  });
  const staff = await person({ role: "STAFF", areaId: hoodA.id });
  const otherStaff = await person({ role: "STAFF", areaId: hoodB.id });
  const resident = await person();

  const base = {
    postId: post.id,
    areaId: hoodA.id,
    category: "CITY_APPEARANCE" as const,
    channel: "ONLINE" as const,
    submitterId: submitter.account.id,
    submitterName: "张阿姨",
    submitterPhone: "13912340000",
    status: "TRANSFERRED" as const,
  };
  const published = await prisma.suggestion.create({
    data: { ...base, title: "路灯不亮", content: "甲路路灯坏了", allowPublish: true },
  });
  const unpublished = await prisma.suggestion.create({
    data: { ...base, title: "邻里纠纷", content: "不愿公开", allowPublish: false },
  });
  for (const s of [published, unpublished]) {
    await prisma.suggestionTransfer.create({
      data: {
        suggestionId: s.id,
        departmentId: department.id,
        role: "LEAD",
        round: 1,
        dueOn: new Date("2026-12-31"),
        transferredById: deputy.account.id,
      },
    });
  }
  f = {
    publicId: published.id,
    privateId: unpublished.id,
    tokens: {
      submitter: submitter.token,
      deputy: deputy.token,
      otherDeputy: otherDeputy.token,
      department: handler.token,
      otherDepartment: otherHandler.token,
      staff: staff.token,
      otherStaff: otherStaff.token,
      resident: resident.token,
    },
  };
});

afterAll(async () => {
  await t?.close();
});

const READ = `query($id: ID!) { suggestion(id: $id) { id content submitterName submitterPhone submitter { id phone } transfers { id } viewerIsHandler } }`;
type Read = {
  suggestion: null | {
    content: string;
    submitterName: string | null;
    submitterPhone: string | null;
    submitter: { phone: string | null } | null;
    transfers: unknown[];
    viewerIsHandler: boolean;
  };
};

describe("a published suggestion", () => {
  it("is readable by anyone, without who sent it", async () => {
    for (const token of [
      undefined,
      f.tokens.resident,
      f.tokens.otherDeputy,
      f.tokens.otherDepartment,
      f.tokens.otherStaff,
    ]) {
      const { data } = await t.gql<Read>(READ, { id: String(f.publicId) }, token);
      expect(data?.suggestion?.content).toBe("甲路路灯坏了");
      expect(data?.suggestion).toMatchObject({
        submitterName: null,
        submitterPhone: null,
        submitter: null,
        transfers: [],
        viewerIsHandler: false,
      });
    }
  });

  it("never shows the submitter on the public board", async () => {
    const { data } = await t.gql<{
      publicSuggestions: { edges: { node: { id: string; submitterPhone: string | null } }[] };
    }>(`{ publicSuggestions(first: 50) { edges { node { id submitterPhone submitterName } } } }`);
    const ids = data?.publicSuggestions.edges.map((e) => e.node.id) ?? [];
    expect(ids).toContain(String(f.publicId));
    expect(ids).not.toContain(String(f.privateId));
    expect(data?.publicSuggestions.edges.every((e) => e.node.submitterPhone === null)).toBe(true);
  });
});

describe("the handlers of a suggestion", () => {
  for (const who of ["submitter", "deputy", "department", "staff"] as const) {
    it(`include the ${who}, who sees who sent it and how to reach them`, async () => {
      const { data } = await t.gql<Read>(READ, { id: String(f.privateId) }, f.tokens[who]);
      expect(data?.suggestion).toMatchObject({
        content: "不愿公开",
        submitterName: "张阿姨",
        submitterPhone: "13912340000",
        viewerIsHandler: true,
      });
      expect(data?.suggestion?.transfers).toHaveLength(1);
    });
  }
});

describe("an unpublished suggestion", () => {
  for (const who of ["anonymous", "resident", "otherDeputy", "otherDepartment", "otherStaff"] as const) {
    it(`is invisible to ${who === "anonymous" ? "the public" : `a ${who} who does not handle it`}`, async () => {
      const token = who === "anonymous" ? undefined : f.tokens[who];
      const { data } = await t.gql<Read>(READ, { id: String(f.privateId) }, token);
      expect(data?.suggestion).toBeNull();
    });
  }
});
