import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AreaTree, factories, type Person } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, succeeded } from "../../testing/results.js";

// The audit trail is append-only: not even the application's own database connection can
// rewrite or remove an entry (a trigger refuses UPDATE, DELETE and TRUNCATE on "AuditEvent").

let t: TestApp;
let tree: AreaTree;
let admin: Person;
let eventId: bigint;

beforeAll(async () => {
  t = await startTestApp();
  const f = factories(t);
  tree = await f.createAreaTree();
  admin = await f.seedStaff({ area: tree.street, role: "ADMIN" });
  // An entry written the ordinary way, by an action through the API.
  const created = succeeded<{ id: string }>(
    await t.gql(
      `mutation($parentId: ID!) {
        createArea(parentId: $parentId, kind: BUILDING, name: "审计楼") {
          __typename ${APP_ERROR} ... on MutationCreateAreaSuccess { data { id } }
        }
      }`,
      { parentId: String(tree.sanlin.compound.id) },
      admin.token,
    ),
    "createArea",
  );
  const event = await t.db.prisma.auditEvent.findFirstOrThrow({
    where: { action: "area.create", subjectId: Number(created.id) },
  });
  eventId = event.id;
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const stored = () => t.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: eventId } });

describe("the audit trail", () => {
  it("refuses an UPDATE of an entry, even in raw SQL", async () => {
    const before = await stored();
    await expect(
      t.db.prisma
        .$executeRaw`UPDATE "AuditEvent" SET "action" = 'area.forged', "actorId" = NULL WHERE "id" = ${eventId}`,
    ).rejects.toThrow(/append-only/);
    expect(await stored()).toEqual(before);
  });

  it("refuses a DELETE of an entry, even in raw SQL", async () => {
    await expect(t.db.prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${eventId}`).rejects.toThrow(
      /append-only/,
    );
    await expect(stored()).resolves.toMatchObject({ action: "area.create" });
  });

  it("refuses a TRUNCATE of the whole trail", async () => {
    await expect(t.db.prisma.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(stored()).resolves.toMatchObject({ action: "area.create" });
  });

  it("refuses rewriting through the Prisma client too", async () => {
    await expect(
      t.db.prisma.auditEvent.update({ where: { id: eventId }, data: { action: "area.forged" } }),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.prisma.auditEvent.deleteMany({ where: { id: eventId } })).rejects.toThrow(/append-only/);
    await expect(stored()).resolves.toMatchObject({ action: "area.create" });
  });

  it("still takes new entries", async () => {
    // A subject id no other entry has: this entry's own number.
    const subjectId = Number(eventId);
    await t.db.prisma
      .$executeRaw`INSERT INTO "AuditEvent" ("action", "subjectType", "subjectId") VALUES ('test.append', 'AREA', ${subjectId})`;
    expect(await t.db.prisma.auditEvent.count({ where: { action: "test.append", subjectId } })).toBe(1);
  });
});

describe("the auditEvents query", () => {
  const AUDIT = `query($areaId: ID, $subjectType: SubjectType, $actorId: ID, $from: Date, $to: Date, $first: Int, $after: String) {
    auditEvents(areaId: $areaId, subjectType: $subjectType, actorId: $actorId, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id action subjectType subjectId at actor { id } area { id } data } }
    }
  }`;
  type Trail = {
    auditEvents: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: {
          id: string;
          action: string;
          subjectType: string;
          actor: { id: string } | null;
          area: { id: string } | null;
          data: unknown;
          at: string;
        };
      }[];
    } | null;
  };
  let sanlinStaff: Person;
  let jinjuStaff: Person;
  /** A unique action name per test run: the filters are checked on these entries only. */
  const marker = `test.audit.${Date.now()}`;

  const insert = (values: {
    at: string;
    areaId: number;
    actorId?: number | null;
    subjectType?: string;
    data?: object;
  }) =>
    t.db.prisma.$executeRaw`
      INSERT INTO "AuditEvent" ("at", "action", "subjectType", "subjectId", "areaId", "actorId", "data")
      VALUES (${new Date(values.at)}, ${marker}, ${values.subjectType ?? "AREA"}::"SubjectType", 1, ${values.areaId},
              ${values.actorId ?? null}, ${JSON.stringify(values.data ?? {})}::jsonb)`;

  const trail = async (variables: Record<string, unknown>, token: string) => {
    const response = await t.gql<Trail>(AUDIT, { first: 100, ...variables }, token);
    expect(response.errors).toBeUndefined();
    return response.data?.auditEvents?.edges.map((edge) => edge.node).filter((node) => node.action === marker) ?? [];
  };

  beforeAll(async () => {
    const f = factories(t);
    sanlinStaff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    jinjuStaff = await f.seedStaff({ area: tree.jinju.neighbourhood });
    // 23:59 on 1 March and 00:00 on 2 March, Shanghai time.
    await insert({ at: "2026-03-01T15:59:00Z", areaId: tree.sanlin.building.id, actorId: admin.account.id });
    await insert({
      at: "2026-03-01T16:00:00Z",
      areaId: tree.sanlin.neighbourhood.id,
      actorId: sanlinStaff.account.id,
      subjectType: "COUNCIL",
      data: { note: "改选" },
    });
    await insert({ at: "2026-03-02T08:00:00Z", areaId: tree.jinju.neighbourhood.id, actorId: jinjuStaff.account.id });
  });

  it("shows staff of 三林苑 the entries of 三林苑 and below, with their details, not those of 金橘苑", async () => {
    const seen = await trail({}, sanlinStaff.token);
    expect(seen.map((e) => e.area?.id).sort()).toEqual(
      [String(tree.sanlin.neighbourhood.id), String(tree.sanlin.building.id)].sort(),
    );
    expect(seen.find((e) => e.subjectType === "COUNCIL")?.data).toEqual({ note: "改选" });
    // The street's admin sees all three.
    expect(await trail({}, admin.token)).toHaveLength(3);
  });

  it("filters by kind of subject, by actor and by calendar day in Shanghai", async () => {
    expect((await trail({ subjectType: "COUNCIL" }, admin.token)).map((e) => e.actor?.id)).toEqual([
      String(sanlinStaff.account.id),
    ]);
    expect((await trail({ actorId: String(admin.account.id) }, admin.token)).map((e) => e.at)).toEqual([
      "2026-03-01T15:59:00.000Z",
    ]);
    const secondOfMarch = await trail({ from: "2026-03-02", to: "2026-03-02" }, admin.token);
    expect(secondOfMarch.map((e) => e.at).sort()).toEqual(["2026-03-01T16:00:00.000Z", "2026-03-02T08:00:00.000Z"]);
    expect(await trail({ to: "2026-03-01" }, admin.token)).toHaveLength(1);
    expect(await trail({ areaId: String(tree.jinju.neighbourhood.id) }, admin.token)).toHaveLength(1);
  });

  it("pages newest first with a total", async () => {
    const first = await t.gql<Trail>(AUDIT, { first: 1, from: "2026-03-01", to: "2026-03-02" }, admin.token);
    const page = first.data?.auditEvents;
    expect(page?.totalCount).toBe(3);
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql<Trail>(
      AUDIT,
      { first: 1, after: page?.pageInfo.endCursor, from: "2026-03-01", to: "2026-03-02" },
      admin.token,
    );
    const [a, b] = [page?.edges[0]?.node, second.data?.auditEvents?.edges[0]?.node];
    expect(Number(a?.id)).toBeGreaterThan(Number(b?.id));
  });

  it("refuses 金橘苑 to staff of 三林苑, residents and visitors, and a range that ends before it starts", async () => {
    const other = await t.gql<Trail>(AUDIT, { areaId: String(tree.jinju.neighbourhood.id) }, sanlinStaff.token);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const resident = await factories(t).seedPerson();
    expect((await t.gql<Trail>(AUDIT, {}, resident.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql<Trail>(AUDIT, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const backwards = await t.gql<Trail>(AUDIT, { from: "2026-03-02", to: "2026-03-01" }, admin.token);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "to" });
  });
});
