import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type { AreaKind } from "../../generated/prisma/client.js";
import { recordAudit } from "../audit/service.js";
import { isUniqueViolation } from "../shared/prisma-errors.js";

/** Which kinds of area may sit under which: the map of 区 → 街道 → 居民区/街区 → 小区 → 楼栋. */
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
