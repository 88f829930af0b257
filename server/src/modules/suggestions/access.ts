import type { Context } from "../../context.js";
import type { Prisma, SuggestionStatus } from "../../generated/prisma/client.js";
import { maskPersonalNumbers } from "../shared/redact.js";

/** What plugin-prisma must load with a suggestion to decide who may see what of it. */
export const accessSelection = {
  submitterId: true,
  postId: true,
  allowPublish: true,
  hiddenAt: true,
  status: true,
  area: { select: { path: true } },
  transfers: { select: { departmentId: true } },
} as const;

export interface SuggestionForAccess {
  submitterId: number | null;
  postId: number;
  allowPublish: boolean;
  hiddenAt: Date | null;
  status: SuggestionStatus;
  area: { path: string };
  transfers: { departmentId: number }[];
}

/** Not published before a deputy accepts it, nor when declined. */
const UNPUBLISHABLE: readonly SuggestionStatus[] = ["SUBMITTED", "DECLINED"];

/** On the public board: the submitter consents, a deputy accepted it, and nobody took it off. */
export function isPublic(s: Pick<SuggestionForAccess, "allowPublish" | "hiddenAt" | "status">): boolean {
  return s.allowPublish && s.hiddenAt === null && !UNPUBLISHABLE.includes(s.status);
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
  hiddenAt: null,
  status: { notIn: [...UNPUBLISHABLE] },
};

/**
 * Free text as the viewer may read it: handlers read what was written; everyone else (the public
 * board) reads it with phone and ID-card numbers masked.
 */
export function textFor(ctx: Pick<Context, "viewer">, s: SuggestionForAccess, text: string): string;
export function textFor(ctx: Pick<Context, "viewer">, s: SuggestionForAccess, text: string | null): string | null;
export function textFor(ctx: Pick<Context, "viewer">, s: SuggestionForAccess, text: string | null) {
  if (text === null || isHandler(ctx, s)) return text;
  return maskPersonalNumbers(text);
}
