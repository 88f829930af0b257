import type { Context } from "../../context.js";
import type { Prisma, SuggestionStatus } from "../../generated/prisma/client.js";

/** What plugin-prisma must load with a suggestion to decide who may see what of it. */
export const accessSelection = {
  submitterId: true,
  postId: true,
  allowPublish: true,
  status: true,
  area: { select: { path: true } },
  transfers: { select: { departmentId: true } },
} as const;

export interface SuggestionForAccess {
  submitterId: number | null;
  postId: number;
  allowPublish: boolean;
  status: SuggestionStatus;
  area: { path: string };
  transfers: { departmentId: number }[];
}

/** Not published before a deputy accepts it, nor when declined. */
const UNPUBLISHABLE: readonly SuggestionStatus[] = ["SUBMITTED", "DECLINED"];

export function isPublic(s: Pick<SuggestionForAccess, "allowPublish" | "status">): boolean {
  return s.allowPublish && !UNPUBLISHABLE.includes(s.status);
}

/**
 * The people handling a suggestion: its submitter, the deputies of its post, the departments it
 * was transferred to, and staff of its area. Only they see who submitted it and how to reach them.
 */
export function isHandler(ctx: Pick<Context, "viewer">, s: SuggestionForAccess): boolean {
  const viewer = ctx.viewer;
  if (!viewer.signedIn) return false;
  return (
    (s.submitterId !== null && s.submitterId === viewer.accountId) ||
    viewer.isDeputyOfPost(s.postId) ||
    s.transfers.some((transfer) => viewer.handlesDepartment(transfer.departmentId)) ||
    viewer.isStaffFor(s.area.path)
  );
}

export const publicSuggestionWhere: Prisma.SuggestionWhereInput = {
  allowPublish: true,
  status: { notIn: [...UNPUBLISHABLE] },
};
