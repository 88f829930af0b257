import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area } from "../../generated/prisma/client.js";
import { type Factories, factories, type Person, uniquePhone, uniqueSuffix } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";

// Guard against N+1: the staff list of memberships, with each row's household, building and
// account (whose phone needs the account's own areas to decide who may see it), must cost the
// same handful of SQL statements for 10 rows as for 50.

let t: TestApp;
let f: Factories;
let recording: string[] | null = null;

beforeAll(async () => {
  t = await startTestApp({ onQuery: (sql) => recording?.push(sql) });
  f = factories(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** A neighbourhood with its own staff member and `rows` verified residents, each in their own household. */
async function neighbourhoodWith(rows: number): Promise<{ area: Area; staff: Person }> {
  const prisma = t.db.prisma;
  const street = await f.createArea({ kind: "STREET" });
  const area = await f.createArea({ kind: "NEIGHBOURHOOD", parent: street });
  const compound = await f.createArea({ kind: "COMPOUND", parent: area });
  const building = await f.createArea({ kind: "BUILDING", parent: compound });
  const phones = Array.from({ length: rows }, () => uniquePhone());
  await prisma.account.createMany({ data: phones.map((phone) => ({ phone, displayName: `居民${uniqueSuffix()}` })) });
  const accounts = await prisma.account.findMany({ where: { phone: { in: phones } }, orderBy: { id: "asc" } });
  const units = accounts.map((_, i) => `${i + 1}01室`);
  await prisma.household.createMany({
    data: units.map((unit) => ({ buildingId: building.id, unit, floorAreaCentiSqm: 8000 })),
  });
  const households = await prisma.household.findMany({ where: { buildingId: building.id }, orderBy: { id: "asc" } });
  await prisma.householdMember.createMany({
    data: accounts.map((account, i) => ({
      householdId: households[i]?.id ?? 0,
      accountId: account.id,
      status: "VERIFIED" as const,
    })),
  });
  // Some of them hold a role too: the phone's privacy check reads role areas as well.
  await prisma.roleGrant.createMany({
    data: accounts.slice(0, 3).map((account) => ({ accountId: account.id, role: "PLANNER" as const, areaId: area.id })),
  });
  const staff = await f.seedStaff({ area });
  return { area, staff };
}

const LIST = `query($areaId: ID) {
  memberships(first: 50, areaId: $areaId) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id status household { unit building { id name } } account { displayName phone realName } } }
  }
}`;
type List = {
  memberships: { totalCount: number; edges: { node: { account: { phone: string | null } } }[] };
};

/** The SQL statements the server sends to answer the list, and the answer. */
async function statementsFor(area: Area, staff: Person) {
  recording = [];
  try {
    const response = await t.gql<List>(LIST, { areaId: String(area.id) }, staff.token);
    return { statements: recording, response };
  } finally {
    recording = null;
  }
}

describe("the staff memberships list", () => {
  it("sends the same bounded number of SQL statements for 10 rows as for 50", async () => {
    const small = await neighbourhoodWith(10);
    const large = await neighbourhoodWith(50);

    const few = await statementsFor(small.area, small.staff);
    const many = await statementsFor(large.area, large.staff);

    expect(few.response.errors).toBeUndefined();
    expect(many.response.errors).toBeUndefined();
    expect(few.response.data?.memberships.edges).toHaveLength(10);
    expect(many.response.data?.memberships.edges).toHaveLength(50);
    expect(many.response.data?.memberships.totalCount).toBe(50);
    // The list is useful: staff see every phone in it.
    expect(many.response.data?.memberships.edges.every((edge) => edge.node.account.phone !== null)).toBe(true);

    // Today 5: the session with its viewer; the areaId's area (read for the page and again for
    // totalCount); the page with household, building, account and its areas joined in; the count.
    const context = `10 rows:\n${few.statements.join("\n")}\n50 rows:\n${many.statements.join("\n")}`;
    expect(many.statements.length, context).toBe(few.statements.length);
    expect(many.statements.length, context).toBeLessThanOrEqual(6);
  });
});
