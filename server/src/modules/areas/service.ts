import { areaUnderAny, residentPathsOf } from "../../auth/viewer.js";
import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type { AreaKind, Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/service.js";
import { isUniqueViolation } from "../shared/prisma-errors.js";

/** A client or a transaction: the read helpers below work inside either. */
type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Which kinds of area may sit under which: the map of 区 → 街道 → 居民区/街区 → 小区 → 楼栋.
 * A 街区 has no areas under it: it covers 居民区 and 小区 of its street (BlockCoverage).
 */
export const CHILD_KINDS: Readonly<Record<AreaKind, readonly AreaKind[]>> = {
  DISTRICT: ["STREET"],
  STREET: ["NEIGHBOURHOOD", "BLOCK"],
  NEIGHBOURHOOD: ["COMPOUND"],
  COMPOUND: ["BUILDING"],
  BUILDING: [],
  BLOCK: [],
};

export async function getAreaOrThrow(ctx: Context, areaId: number) {
  const area = await ctx.prisma.area.findUnique({ where: { id: areaId } });
  if (!area) throw notFound("Area");
  return area;
}

function requireStaffFor(ctx: Context, path: string) {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  if (!ctx.viewer.isStaffFor(path)) throw forbidden("只有本区域的街道工作人员可以进行此操作");
}

export async function createArea(ctx: Context, options: { parentId: number; kind: AreaKind; name: string }) {
  const parent = await getAreaOrThrow(ctx, options.parentId);
  requireStaffFor(ctx, parent.path);
  if (!CHILD_KINDS[parent.kind].includes(options.kind)) {
    throw invalid("kind", `${parent.name} 下不能建立此类区域`);
  }
  const name = options.name.trim();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.area.create({
        // The path needs the new id; a unique placeholder keeps the constraint satisfied meanwhile.
        data: { kind: options.kind, name, parentId: parent.id, path: `${parent.path}new-${crypto.randomUUID()}/` },
      });
      const area = await tx.area.update({ where: { id: created.id }, data: { path: `${parent.path}${created.id}/` } });
      await recordAudit(tx, {
        actorId: ctx.viewer.accountId,
        action: "area.create",
        subjectType: "AREA",
        subjectId: area.id,
        areaId: area.id,
        data: { name, kind: options.kind, parentId: parent.id },
      });
      return area;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(ErrorCode.CONFLICT, `${parent.name} 下已有名为「${name}」的区域`, { field: "name" });
    throw error;
  }
}

export async function renameArea(ctx: Context, options: { areaId: number; name: string }) {
  const area = await getAreaOrThrow(ctx, options.areaId);
  requireStaffFor(ctx, area.path);
  const name = options.name.trim();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const updated = await tx.area.update({ where: { id: area.id }, data: { name } });
      await recordAudit(tx, {
        actorId: ctx.viewer.accountId,
        action: "area.rename",
        subjectType: "AREA",
        subjectId: area.id,
        areaId: area.id,
        data: { from: area.name, to: name },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(ErrorCode.CONFLICT, `同一上级下已有名为「${name}」的区域`, { field: "name" });
    throw error;
  }
}

export interface NewHousehold {
  unit: string;
  /** Square metres, up to two decimals. */
  floorAreaSqm: number;
}

/** Registers the households of a building; all or nothing, and existing units are named. */
export async function addHouseholds(ctx: Context, options: { buildingId: number; households: NewHousehold[] }) {
  const building = await getAreaOrThrow(ctx, options.buildingId);
  requireStaffFor(ctx, building.path);
  if (building.kind !== "BUILDING") throw invalid("buildingId", "住户只能登记在楼栋下");
  if (options.households.length === 0) throw invalid("households", "请至少填写一户");
  const seen = new Set<string>();
  const rows = options.households.map((household, index) => {
    const unit = household.unit.trim();
    if (!unit) throw invalid(`households.${index}.unit`, "请填写门牌号");
    if (seen.has(unit)) throw invalid(`households.${index}.unit`, `门牌号「${unit}」重复`);
    seen.add(unit);
    if (!(household.floorAreaSqm > 0 && household.floorAreaSqm < 10_000)) {
      throw invalid(`households.${index}.floorAreaSqm`, "建筑面积应在 0 到 10000 平方米之间");
    }
    return { buildingId: building.id, unit, floorAreaCentiSqm: Math.round(household.floorAreaSqm * 100) };
  });
  return ctx.prisma
    .$transaction(async (tx) => {
      const existing = await tx.household.findMany({
        where: { buildingId: building.id, unit: { in: [...seen] } },
        select: { unit: true },
      });
      if (existing.length) {
        throw new AppError(ErrorCode.CONFLICT, `以下门牌号已登记：${existing.map((h) => h.unit).join("、")}`, {
          field: "households",
        });
      }
      await tx.household.createMany({ data: rows });
      await recordAudit(tx, {
        actorId: ctx.viewer.accountId,
        action: "household.create",
        subjectType: "AREA",
        subjectId: building.id,
        areaId: building.id,
        data: { units: rows.map((r) => r.unit) },
      });
      return tx.household.findMany({
        where: { buildingId: building.id, unit: { in: [...seen] } },
        orderBy: { id: "asc" },
      });
    })
    .catch(async (error: unknown) => {
      // Another request registered some of these units after the check above (PostgreSQL runs both
      // at once): the unique index refused the insert. Name the units like the check does.
      if (!isUniqueViolation(error)) throw error;
      const existing = await ctx.prisma.household.findMany({
        where: { buildingId: building.id, unit: { in: [...seen] } },
        select: { unit: true },
      });
      throw new AppError(ErrorCode.CONFLICT, `以下门牌号已登记：${existing.map((h) => h.unit).join("、")}`, {
        field: "households",
      });
    });
}

// ─── 街区: the areas a block covers ───

/** What a 街区 may cover: whole 居民区, or single 小区 of a 居民区 it does not cover whole. */
export const COVERABLE_KINDS: readonly AreaKind[] = ["NEIGHBOURHOOD", "COMPOUND"];

/**
 * The area path prefixes whose residents count as residents of `areaId`: a household belongs to
 * the area when its building's path starts with one of them.
 *
 * - An ordinary area (street, 居民区, 小区, 楼栋 …): its own path, `[area.path]`.
 * - A 街区 (BLOCK), which has no households of its own: the paths of the 居民区 and 小区 it covers
 *   (BlockCoverage, set by staff), outermost only, so a 小区 inside a covered 居民区 is not listed
 *   twice. A block that covers nothing yet gives `[]`: nobody lives there.
 *
 * Use it wherever "lives in" matters for an area that may be a block — an electorate, an
 * eligibility check (`viewer.livesIn(await residentAreaPathsOf(db, areaId))`), a count — e.g.
 * in SQL as `building.path LIKE ANY (<paths with '%' appended>)`, treating `[]` as no one.
 * Works inside a transaction (pass `tx`). Throws NOT_FOUND for an unknown area.
 */
export async function residentAreaPathsOf(db: Db, areaId: number): Promise<string[]> {
  const area = await db.area.findUnique({
    where: { id: areaId },
    select: { kind: true, path: true, blockCoverage: { select: { area: { select: { path: true } } } } },
  });
  if (!area) throw notFound("Area");
  return residentPathsOf(area);
}

/** Whether the viewer is a verified resident of `areaId`, a 街区 included (see residentAreaPathsOf). */
export async function livesInArea(ctx: Context, areaId: number): Promise<boolean> {
  if (!ctx.viewer.isVerifiedResident) return false;
  return ctx.viewer.livesIn(await residentAreaPathsOf(ctx.prisma, areaId));
}

/**
 * Staff set which 居民区 and 小区 of its street a 街区 covers (the whole list, replacing the
 * previous one). The block and every covered area must lie within the staff member's areas.
 */
export async function setBlockCoverage(ctx: Context, options: { blockId: number; areaIds: readonly number[] }) {
  const block = await getAreaOrThrow(ctx, options.blockId);
  requireStaffFor(ctx, block.path);
  if (block.kind !== "BLOCK") throw invalid("blockId", `${block.name} 不是街区，不能设置覆盖范围`);
  const areaIds = [...new Set(options.areaIds)];
  // The street the block belongs to: its path without the block's own id.
  const streetPath = block.path.slice(0, block.path.lastIndexOf("/", block.path.length - 2) + 1);
  const found = await ctx.prisma.area.findMany({ where: { id: { in: areaIds } } });
  for (const id of areaIds) {
    const area = found.find((a) => a.id === id);
    if (!area) throw notFound(`Area ${id}`);
    if (!COVERABLE_KINDS.includes(area.kind)) {
      throw invalid("areaIds", `街区只能覆盖居民区或小区，「${area.name}」不是`);
    }
    if (!area.path.startsWith(streetPath)) throw invalid("areaIds", `「${area.name}」不在${block.name}所属街道内`);
  }
  // Authorisation in the query: of those areas, the ones under the viewer's staff areas.
  const permitted = await ctx.prisma.area.findMany({
    where: { id: { in: areaIds }, ...areaUnderAny(ctx.viewer.staffAreaPaths()) },
    select: { id: true },
  });
  const outside = found.filter((area) => !permitted.some((p) => p.id === area.id));
  if (outside.length) {
    throw forbidden(`只能选择本人负责区域内的居民区或小区：${outside.map((a) => a.name).join("、")} 不在其中`);
  }
  return ctx.prisma.$transaction(async (tx) => {
    // Two staff saving at once: one after the other, each replacing the whole list.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`block-coverage:${block.id}`}))`;
    const before = await tx.blockCoverage.findMany({ where: { blockId: block.id }, select: { areaId: true } });
    await tx.blockCoverage.deleteMany({ where: { blockId: block.id, areaId: { notIn: areaIds } } });
    await tx.blockCoverage.createMany({
      data: areaIds.map((areaId) => ({ blockId: block.id, areaId })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: ctx.viewer.accountId,
      action: "block.coverage",
      subjectType: "AREA",
      subjectId: block.id,
      areaId: block.id,
      data: {
        previousAreaIds: before.map((c) => c.areaId).sort((a, b) => a - b),
        areaIds: [...areaIds].sort((a, b) => a - b),
        // Names as they were at the time, for people reading the trail.
        areas: found.map((area) => area.name),
      },
    });
    return block;
  });
}
