import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "../../auth/session.js";
import { type AreaTree, type Factories, factories, type Person } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, errorCode, failed, succeeded, typename } from "../../testing/results.js";
import { residentAreaPathsOf } from "./service.js";

// The area tree 区 → 街道 → 居民区 → 小区 → 楼栋 and the households in its buildings.

let t: TestApp;
let f: Factories;
let tree: AreaTree;
let districtAdmin: Person;
let resident: Person;

beforeAll(async () => {
  t = await startTestApp();
  f = factories(t);
  tree = await f.createAreaTree();
  districtAdmin = await f.seedStaff({ area: tree.district, role: "ADMIN" });
  resident = await f.seedPerson();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const CREATE = `mutation($parentId: ID!, $kind: AreaKind!, $name: String!) {
  createArea(parentId: $parentId, kind: $kind, name: $name) {
    __typename ${APP_ERROR}
    ... on MutationCreateAreaSuccess { data { id kind name parent { id } } }
  }
}`;
const ADD_HOUSEHOLDS = `mutation($buildingId: ID!, $households: [NewHouseholdInput!]!) {
  addHouseholds(buildingId: $buildingId, households: $households) {
    __typename ${APP_ERROR}
    ... on MutationAddHouseholdsSuccess { data { id unit floorAreaSqm building { id } } }
  }
}`;
type Created = { id: string; kind: string; name: string; parent: { id: string } | null };

const create = (parentId: number | string, kind: string, name: string) =>
  t.gql(CREATE, { parentId: String(parentId), kind, name }, districtAdmin.token);

describe("createArea", () => {
  it("puts a STREET under a DISTRICT, with the parent's path plus its own id", async () => {
    const created = succeeded<Created>(await create(tree.district.id, "STREET", "古美路街道"), "createArea");
    expect(created).toMatchObject({ kind: "STREET", name: "古美路街道", parent: { id: String(tree.district.id) } });
    const row = await t.db.prisma.area.findUniqueOrThrow({ where: { id: Number(created.id) } });
    expect(row.path).toBe(`${tree.district.path}${created.id}/`);
  });

  it("refuses a BUILDING directly under a STREET: VALIDATION on field kind", async () => {
    const error = failed(await create(tree.street.id, "BUILDING", "孤楼"), "createArea");
    expect(error).toMatchObject({ code: "VALIDATION", field: "kind" });
    expect(await t.db.prisma.area.count({ where: { name: "孤楼" } })).toBe(0);
  });

  it("refuses a name already used under the same parent: CONFLICT on field name", async () => {
    succeeded(await create(tree.sanlin.compound.id, "BUILDING", "8号楼"), "createArea");
    const error = failed(await create(tree.sanlin.compound.id, "BUILDING", " 8号楼 "), "createArea");
    expect(error).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(error.message).toContain("8号楼");
    // The same name under another parent is fine.
    succeeded(await create(tree.jinju.compound.id, "BUILDING", "8号楼"), "createArea");
  });

  it("refuses an empty name: VALIDATION on field name", async () => {
    expect(failed(await create(tree.sanlin.compound.id, "BUILDING", "  "), "createArea")).toMatchObject({
      code: "VALIDATION",
      field: "name",
    });
  });

  it("is for staff only: a resident is FORBIDDEN", async () => {
    const response = await t.gql(
      CREATE,
      { parentId: String(tree.sanlin.compound.id), kind: "BUILDING", name: "私楼" },
      resident.token,
    );
    expect(failed(response, "createArea").code).toBe("FORBIDDEN");
  });
});

describe("area.ancestors", () => {
  it("lists the tree from the top down to the parent", async () => {
    const { data } = await t.gql<{ area: { ancestors: { id: string; kind: string }[] } }>(
      `query($id: ID!) { area(id: $id) { ancestors { id kind } } }`,
      { id: String(tree.sanlin.building.id) },
    );
    expect(data?.area.ancestors).toEqual([
      { id: String(tree.district.id), kind: "DISTRICT" },
      { id: String(tree.street.id), kind: "STREET" },
      { id: String(tree.sanlin.neighbourhood.id), kind: "NEIGHBOURHOOD" },
      { id: String(tree.sanlin.compound.id), kind: "COMPOUND" },
    ]);
  });

  it("is empty at the top of the tree", async () => {
    const { data } = await t.gql<{ area: { ancestors: unknown[] } }>(
      `query($id: ID!) { area(id: $id) { ancestors { id } } }`,
      {
        id: String(tree.district.id),
      },
    );
    expect(data?.area.ancestors).toEqual([]);
  });
});

describe("households", () => {
  const HOUSEHOLDS = `query($id: ID!) { area(id: $id) { households(first: 50) { totalCount edges { node { unit floorAreaSqm } } } } }`;
  type Households = {
    area: { households: { totalCount: number; edges: { node: { unit: string; floorAreaSqm: number } }[] } } | null;
  };

  const unitsOf = async (buildingId: number) => {
    const { data, errors } = await t.gql<Households>(HOUSEHOLDS, { id: String(buildingId) }, resident.token);
    expect(errors).toBeUndefined();
    return data?.area?.households.edges.map((edge) => edge.node.unit) ?? [];
  };

  it("are added all or nothing: one unit already there is a CONFLICT naming it, and none is added", async () => {
    const building = await f.createArea({ kind: "BUILDING", name: "9号楼", parent: tree.sanlin.compound });
    const first = succeeded<{ unit: string; floorAreaSqm: number; building: { id: string } }[]>(
      await t.gql(
        ADD_HOUSEHOLDS,
        { buildingId: String(building.id), households: [{ unit: "101室", floorAreaSqm: 89.5 }] },
        districtAdmin.token,
      ),
      "addHouseholds",
    );
    expect(first).toEqual([
      { id: expect.any(String), unit: "101室", floorAreaSqm: 89.5, building: { id: String(building.id) } },
    ]);

    const clash = await t.gql(
      ADD_HOUSEHOLDS,
      {
        buildingId: String(building.id),
        households: [
          { unit: "201室", floorAreaSqm: 90 },
          { unit: "101室", floorAreaSqm: 90 },
          { unit: "202室", floorAreaSqm: 90 },
        ],
      },
      districtAdmin.token,
    );
    const error = failed(clash, "addHouseholds");
    expect(error).toMatchObject({ code: "CONFLICT", field: "households" });
    expect(error.message).toContain("101室");
    expect(error.message).not.toContain("201室");
    expect(await unitsOf(building.id)).toEqual(["101室"]);

    const rest = [
      { unit: "201室", floorAreaSqm: 90 },
      { unit: "202室", floorAreaSqm: 75.25 },
    ];
    succeeded(
      await t.gql(ADD_HOUSEHOLDS, { buildingId: String(building.id), households: rest }, districtAdmin.token),
      "addHouseholds",
    );
    expect(await unitsOf(building.id)).toEqual(["101室", "201室", "202室"]);
  });

  it("added by two staff at once: one registers the unit, the other gets a CONFLICT naming it", async () => {
    const building = await f.createArea({ kind: "BUILDING", name: "11号楼", parent: tree.sanlin.compound });
    const variables = { buildingId: String(building.id), households: [{ unit: "601室", floorAreaSqm: 80 }] };
    const results = await Promise.all([1, 2, 3].map(() => t.gql(ADD_HOUSEHOLDS, variables, districtAdmin.token)));
    const outcomes = results.map((response) => typename(response, "addHouseholds"));
    expect(
      outcomes.filter((outcome) => outcome === "MutationAddHouseholdsSuccess"),
      JSON.stringify(results),
    ).toHaveLength(1);
    for (const response of results.filter((r) => typename(r, "addHouseholds") !== "MutationAddHouseholdsSuccess")) {
      const error = failed(response, "addHouseholds");
      expect(error).toMatchObject({ code: "CONFLICT", field: "households" });
      expect(error.message).toContain("601室");
    }
    expect(await unitsOf(building.id)).toEqual(["601室"]);
  });

  it("name the unit at fault when one is given twice in the same list (VALIDATION)", async () => {
    const building = await f.createArea({ kind: "BUILDING", name: "10号楼", parent: tree.sanlin.compound });
    const response = await t.gql(
      ADD_HOUSEHOLDS,
      {
        buildingId: String(building.id),
        households: [
          { unit: "301室", floorAreaSqm: 80 },
          { unit: "301室", floorAreaSqm: 80 },
        ],
      },
      districtAdmin.token,
    );
    expect(failed(response, "addHouseholds")).toMatchObject({ code: "VALIDATION", field: "households.1.unit" });
    expect(await unitsOf(building.id)).toEqual([]);
  });

  it("are only added to a BUILDING (VALIDATION on field buildingId)", async () => {
    const response = await t.gql(
      ADD_HOUSEHOLDS,
      { buildingId: String(tree.sanlin.compound.id), households: [{ unit: "1室", floorAreaSqm: 80 }] },
      districtAdmin.token,
    );
    expect(failed(response, "addHouseholds")).toMatchObject({ code: "VALIDATION", field: "buildingId" });
  });

  it("of a building are listed to signed-in people only: anonymous is UNAUTHENTICATED", async () => {
    await f.createHousehold({ building: tree.jinju.building, unit: "501室" });
    const anonymous = await t.gql<Households>(HOUSEHOLDS, { id: String(tree.jinju.building.id) });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    expect(anonymous.data?.area ?? null).toBeNull();

    const { data } = await t.gql<Households>(HOUSEHOLDS, { id: String(tree.jinju.building.id) }, resident.token);
    expect(data?.area?.households.edges.map((edge) => edge.node.unit)).toContain("501室");
    expect(data?.area?.households.totalCount).toBeGreaterThanOrEqual(1);
  });
});

describe("街区 (BLOCK): the areas it covers are where its residents live", () => {
  const SET = `mutation($blockId: ID!, $areaIds: [ID!]!) {
    setBlockCoverage(blockId: $blockId, areaIds: $areaIds) {
      __typename ${APP_ERROR}
      ... on MutationSetBlockCoverageSuccess { data { id coveredAreas { id name } } }
    }
  }`;
  type Covered = { id: string; coveredAreas: { id: string; name: string }[] };
  const setCoverage = (block: { id: number }, areas: { id: number }[], token = districtAdmin.token) =>
    t.gql(SET, { blockId: String(block.id), areaIds: areas.map((a) => String(a.id)) }, token);
  const newBlock = () =>
    f.createArea({ kind: "BLOCK", name: `街区${Math.random().toString(36).slice(2, 7)}`, parent: tree.street });

  it("an ordinary area's residents live under its own path", async () => {
    expect(await residentAreaPathsOf(t.db.prisma, tree.sanlin.neighbourhood.id)).toEqual([
      tree.sanlin.neighbourhood.path,
    ]);
    expect(await residentAreaPathsOf(t.db.prisma, tree.jinju.building.id)).toEqual([tree.jinju.building.path]);
  });

  it("a block covering nothing has no residents", async () => {
    expect(await residentAreaPathsOf(t.db.prisma, (await newBlock()).id)).toEqual([]);
  });

  it("staff set the 居民区 and 小区 a block covers; its residents are theirs, and anyone can read the list", async () => {
    const block = await newBlock();
    const saved = succeeded<Covered>(
      await setCoverage(block, [tree.sanlin.neighbourhood, tree.jinju.compound]),
      "setBlockCoverage",
    );
    expect(saved.coveredAreas.map((a) => a.id).sort()).toEqual(
      [String(tree.sanlin.neighbourhood.id), String(tree.jinju.compound.id)].sort(),
    );
    expect(await residentAreaPathsOf(t.db.prisma, block.id)).toEqual(
      [tree.sanlin.neighbourhood.path, tree.jinju.compound.path].sort(),
    );
    // Public, like the rest of the tree; and each covered area names the blocks covering it.
    const { data } = await t.gql<{
      block: { coveredAreas: { id: string }[] };
      covered: { coveringBlocks: { id: string }[] };
    }>(
      `query($block: ID!, $covered: ID!) {
        block: area(id: $block) { coveredAreas { id } }
        covered: area(id: $covered) { coveringBlocks { id } }
      }`,
      { block: String(block.id), covered: String(tree.jinju.compound.id) },
    );
    expect(data?.block.coveredAreas).toHaveLength(2);
    expect(data?.covered.coveringBlocks.map((b) => b.id)).toContain(String(block.id));
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "block.coverage", subjectId: block.id },
    });
    expect(audit).toMatchObject({ actorId: districtAdmin.account.id, areaId: block.id, subjectType: "AREA" });
  });

  it("replaces the whole list on each save, and lists a 小区 inside a covered 居民区 once", async () => {
    const block = await newBlock();
    succeeded(await setCoverage(block, [tree.sanlin.neighbourhood]), "setBlockCoverage");
    const saved = succeeded<Covered>(
      await setCoverage(block, [tree.jinju.neighbourhood, tree.jinju.compound]),
      "setBlockCoverage",
    );
    expect(saved.coveredAreas.map((a) => a.id).sort()).toEqual(
      [String(tree.jinju.neighbourhood.id), String(tree.jinju.compound.id)].sort(),
    );
    // Both rows kept as staff chose them, but a household is matched by one path only.
    expect(await residentAreaPathsOf(t.db.prisma, block.id)).toEqual([tree.jinju.neighbourhood.path]);
    succeeded(await setCoverage(block, []), "setBlockCoverage");
    expect(await residentAreaPathsOf(t.db.prisma, block.id)).toEqual([]);
  });

  it("makes a verified resident of a covered 居民区 a resident of the block (Viewer.livesIn), no one else", async () => {
    const block = await newBlock();
    succeeded(await setCoverage(block, [tree.sanlin.neighbourhood]), "setBlockCoverage");
    const paths = await residentAreaPathsOf(t.db.prisma, block.id);
    const sanlin = await f.seedResident({ building: tree.sanlin.building });
    const jinju = await f.seedResident({ building: tree.jinju.building });
    const pending = await f.seedResident({ building: tree.sanlin.building, status: "PENDING" });
    expect((await loadViewer(t.db.prisma, sanlin.token)).livesIn(paths)).toBe(true);
    expect((await loadViewer(t.db.prisma, jinju.token)).livesIn(paths)).toBe(false);
    expect((await loadViewer(t.db.prisma, pending.token)).livesIn(paths)).toBe(false);
    // The block's own path holds no households: asking by it alone finds no one.
    expect((await loadViewer(t.db.prisma, sanlin.token)).livesIn(block.path)).toBe(false);
  });

  it("covers only 居民区 and 小区 of the block's street (VALIDATION on areaIds), and only a BLOCK (on blockId)", async () => {
    const block = await newBlock();
    const building = failed(await setCoverage(block, [tree.sanlin.building]), "setBlockCoverage");
    expect(building).toMatchObject({ code: "VALIDATION", field: "areaIds" });
    expect(building.message).toContain(tree.sanlin.building.name);

    const otherStreet = await f.createArea({ kind: "STREET", name: `别的街道${block.id}`, parent: tree.district });
    const elsewhere = await f.createArea({ kind: "NEIGHBOURHOOD", name: "外街居民区", parent: otherStreet });
    const outside = failed(await setCoverage(block, [elsewhere]), "setBlockCoverage");
    expect(outside).toMatchObject({ code: "VALIDATION", field: "areaIds" });
    expect(outside.message).toContain("外街居民区");

    const notBlock = failed(await setCoverage(tree.sanlin.neighbourhood, [tree.jinju.compound]), "setBlockCoverage");
    expect(notBlock).toMatchObject({ code: "VALIDATION", field: "blockId" });
    expect(await residentAreaPathsOf(t.db.prisma, block.id)).toEqual([]);
  });

  it("is for staff of the block and of every area it covers; others are refused and nothing changes", async () => {
    const block = await newBlock();
    // Staff of the block alone may cover 三林苑 only if they are staff there too.
    const blockStaff = await f.seedStaff({ area: block });
    const refused = failed(await setCoverage(block, [tree.sanlin.neighbourhood], blockStaff.token), "setBlockCoverage");
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain(tree.sanlin.neighbourhood.name);
    await t.db.prisma.roleGrant.create({
      data: { accountId: blockStaff.account.id, role: "STAFF", areaId: tree.sanlin.neighbourhood.id },
    });
    succeeded(await setCoverage(block, [tree.sanlin.neighbourhood], blockStaff.token), "setBlockCoverage");

    // Staff of 三林苑 are not staff of the block.
    const sanlinStaff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    expect(failed(await setCoverage(block, [], sanlinStaff.token), "setBlockCoverage").code).toBe("FORBIDDEN");
    expect(failed(await setCoverage(block, [], resident.token), "setBlockCoverage").code).toBe("FORBIDDEN");
    const anonymous = failed(await t.gql(SET, { blockId: String(block.id), areaIds: [] }), "setBlockCoverage");
    expect(anonymous.code).toBe("UNAUTHENTICATED");
    expect(await residentAreaPathsOf(t.db.prisma, block.id)).toEqual([tree.sanlin.neighbourhood.path]);
  });
});

describe("renameArea", () => {
  const RENAME = `mutation($id: ID!, $name: String!) {
    renameArea(id: $id, name: $name) { __typename ${APP_ERROR} ... on MutationRenameAreaSuccess { data { id name } } }
  }`;
  const rename = (area: { id: number }, name: string, token = districtAdmin.token) =>
    t.gql(RENAME, { id: String(area.id), name }, token);

  it("renames an area, trimmed, and the audit trail keeps the old and the new name", async () => {
    const building = await f.createArea({ kind: "BUILDING", name: "旧楼名", parent: tree.sanlin.compound });
    const sanlinStaff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    expect(succeeded<{ name: string }>(await rename(building, " 新楼名 ", sanlinStaff.token), "renameArea").name).toBe(
      "新楼名",
    );
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "area.rename", subjectId: building.id },
    });
    expect(audit).toMatchObject({ actorId: sanlinStaff.account.id, data: { from: "旧楼名", to: "新楼名" } });
  });

  it("refuses the name of a sibling (CONFLICT on name) and an empty one (VALIDATION on name)", async () => {
    const a = await f.createArea({ kind: "BUILDING", name: "甲楼", parent: tree.jinju.compound });
    await f.createArea({ kind: "BUILDING", name: "乙楼", parent: tree.jinju.compound });
    const clash = failed(await rename(a, "乙楼"), "renameArea");
    expect(clash).toMatchObject({ code: "CONFLICT", field: "name" });
    expect(clash.message).toContain("乙楼");
    expect(failed(await rename(a, "   "), "renameArea")).toMatchObject({ code: "VALIDATION", field: "name" });
    expect(failed(await rename(a, "楼".repeat(51)), "renameArea")).toMatchObject({ code: "VALIDATION", field: "name" });
    expect((await t.db.prisma.area.findUniqueOrThrow({ where: { id: a.id } })).name).toBe("甲楼");
  });

  it("is for staff of the area: 金橘苑's staff renaming 三林苑 and a resident are FORBIDDEN; an unknown area NOT_FOUND", async () => {
    const jinjuStaff = await f.seedStaff({ area: tree.jinju.neighbourhood });
    expect(failed(await rename(tree.sanlin.neighbourhood, "改名苑", jinjuStaff.token), "renameArea").code).toBe(
      "FORBIDDEN",
    );
    expect(failed(await rename(tree.sanlin.neighbourhood, "改名苑", resident.token), "renameArea").code).toBe(
      "FORBIDDEN",
    );
    expect((await t.db.prisma.area.findUniqueOrThrow({ where: { id: tree.sanlin.neighbourhood.id } })).name).toBe(
      "三林苑",
    );
    expect(failed(await rename({ id: 99_999_999 }, "无名"), "renameArea").code).toBe("NOT_FOUND");
  });
});
