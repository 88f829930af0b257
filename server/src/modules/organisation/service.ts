import type { Context } from "../../context.js";
import { AppError, ErrorCode, forbidden, invalid, notFound, unauthenticated } from "../../errors.js";
import type { CouncilKind, PostKind, Prisma, SubjectType } from "../../generated/prisma/client.js";
import { getAreaOrThrow } from "../areas/service.js";
import { recordAudit } from "../audit/service.js";
import { isUniqueViolation } from "../shared/prisma-errors.js";

/** Councils, departments and liaison posts are set up by staff of the area they belong to. */
async function staffArea(ctx: Context, areaId: number) {
  if (!ctx.viewer.signedIn) throw unauthenticated();
  const area = await getAreaOrThrow(ctx, areaId);
  if (!ctx.viewer.isStaffFor(area.path)) throw forbidden("只有本区域的街道工作人员可以进行此操作");
  return area;
}

async function audited<T extends { id: number }>(
  ctx: Context,
  subjectType: SubjectType,
  action: string,
  areaId: number,
  write: (tx: Prisma.TransactionClient) => Promise<T>,
  duplicateMessage: string,
): Promise<T> {
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const row = await write(tx);
      await recordAudit(tx, { actorId: ctx.viewer.accountId, action, subjectType, subjectId: row.id, areaId });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(ErrorCode.CONFLICT, duplicateMessage, { field: "name" });
    throw error;
  }
}

export interface CouncilInput {
  name: string;
  kind: CouncilKind;
  areaId: number;
  supportThreshold: number;
  meetingQuorum: number;
}

export async function createCouncil(ctx: Context, input: CouncilInput) {
  const area = await staffArea(ctx, input.areaId);
  if (input.kind === "BLOCK" && area.kind !== "BLOCK") throw invalid("areaId", "街区议事会须建立在街区上");
  return audited(
    ctx,
    "COUNCIL",
    "council.create",
    area.id,
    (tx) => tx.council.create({ data: { ...input, name: input.name.trim() } }),
    "该区域已有同名议事会",
  );
}

export async function updateCouncil(
  ctx: Context,
  councilId: number,
  input: Partial<Omit<CouncilInput, "areaId" | "kind">>,
) {
  const council = await ctx.prisma.council.findUnique({ where: { id: councilId } });
  if (!council) throw notFound("Council");
  await staffArea(ctx, council.areaId);
  return audited(
    ctx,
    "COUNCIL",
    "council.update",
    council.areaId,
    (tx) =>
      tx.council.update({
        where: { id: councilId },
        data: { ...input, ...(input.name !== undefined ? { name: input.name.trim() } : {}) },
      }),
    "该区域已有同名议事会",
  );
}

export async function createDepartment(ctx: Context, input: { name: string; areaId: number; contact?: string | null }) {
  const area = await staffArea(ctx, input.areaId);
  return audited(
    ctx,
    "DEPARTMENT",
    "department.create",
    area.id,
    (tx) => tx.department.create({ data: { ...input, name: input.name.trim() } }),
    "该区域已有同名部门",
  );
}

export async function updateDepartment(
  ctx: Context,
  departmentId: number,
  input: { name?: string | null; contact?: string | null },
) {
  const department = await ctx.prisma.department.findUnique({ where: { id: departmentId } });
  if (!department) throw notFound("Department");
  await staffArea(ctx, department.areaId);
  return audited(
    ctx,
    "DEPARTMENT",
    "department.update",
    department.areaId,
    (tx) =>
      tx.department.update({
        where: { id: departmentId },
        data: {
          ...(input.name ? { name: input.name.trim() } : {}),
          ...(input.contact !== undefined ? { contact: input.contact?.trim() || null } : {}),
        },
      }),
    "该区域已有同名部门",
  );
}

/** 家站点: 代表之家 at the top, 联络站 under it, 联系点 under a 联络站. */
const PARENT_KIND: Record<PostKind, PostKind | null> = { HOME: null, STATION: "HOME", POINT: "STATION" };

export interface PostInput {
  kind: PostKind;
  name: string;
  parentId: number | null;
  areaId: number;
  address: string;
  openHours?: string | null;
}

export async function createLiaisonPost(ctx: Context, input: PostInput) {
  const area = await staffArea(ctx, input.areaId);
  const wantedParent = PARENT_KIND[input.kind];
  if (wantedParent === null && input.parentId !== null) throw invalid("parentId", "代表之家不设上级");
  if (wantedParent !== null) {
    if (input.parentId === null) throw invalid("parentId", "请选择上级站点");
    const parent = await ctx.prisma.liaisonPost.findUnique({
      where: { id: input.parentId },
      include: { area: { select: { path: true } } },
    });
    if (!parent) throw notFound("Parent post");
    if (parent.kind !== wantedParent) throw invalid("parentId", "联络站隶属代表之家，联系点隶属联络站");
    // A post hangs in its parent's tree (its figures, its deputies' view): that is the business of
    // staff of the parent's area, not of whoever serves the new post's area.
    if (!ctx.viewer.isStaffFor(parent.area.path)) {
      throw forbidden(`上级站点「${parent.name}」不在本人负责的区域内`);
    }
  }
  return audited(
    ctx,
    "LIAISON_POST",
    "post.create",
    area.id,
    (tx) => tx.liaisonPost.create({ data: { ...input, name: input.name.trim() } }),
    "已有同名站点",
  );
}

export async function updateLiaisonPost(
  ctx: Context,
  postId: number,
  input: { name?: string | null; address?: string | null; openHours?: string | null },
) {
  const post = await ctx.prisma.liaisonPost.findUnique({ where: { id: postId } });
  if (!post) throw notFound("Liaison post");
  await staffArea(ctx, post.areaId);
  return audited(
    ctx,
    "LIAISON_POST",
    "post.update",
    post.areaId,
    (tx) =>
      tx.liaisonPost.update({
        where: { id: postId },
        data: {
          name: input.name?.trim() || post.name,
          address: input.address?.trim() || post.address,
          // Sent as null or "": cleared; left out: unchanged.
          ...(input.openHours !== undefined ? { openHours: input.openHours?.trim() || null } : {}),
        },
      }),
    "已有同名站点",
  );
}
