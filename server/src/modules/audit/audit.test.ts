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
