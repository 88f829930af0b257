import type { Context } from "../../context.js";
import type { MembershipStatus } from "../../generated/prisma/client.js";

// A claim still waiting (PENDING) lets the area's staff check who is asking; one they turned
// down (REJECTED) or withdrew (REVOKED) ties the person to the area no longer.
const LINKING_STATUSES: MembershipStatus[] = ["PENDING", "VERIFIED"];

/** What plugin-prisma must load with an account to decide who may read its private fields. */
export const privacySelection = {
  memberships: {
    where: { status: { in: LINKING_STATUSES } },
    select: { household: { select: { building: { select: { path: true } } } } },
  },
  roleGrants: { where: { revokedAt: null }, select: { area: { select: { path: true } } } },
} as const;

interface AccountWithAreas {
  id: number;
  memberships: { household: { building: { path: string } } }[];
  roleGrants: { area: { path: string } }[];
}

/**
 * Phone and real name: the person themself, and staff of an area the person lives in (verified
 * or asking to be; a 街区 covering it counts) or holds a role in. Nobody else, never publicly.
 */
export function canReadPrivate(ctx: Context, account: AccountWithAreas): boolean {
  if (ctx.viewer.accountId === account.id) return true;
  if (!ctx.viewer.isStaffAnywhere) return false;
  return (
    account.memberships.some((m) => ctx.viewer.isStaffForResidentsOf(m.household.building.path)) ||
    account.roleGrants.some((g) => ctx.viewer.isStaffFor(g.area.path))
  );
}
