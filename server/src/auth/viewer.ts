import type { Account, AreaKind, MembershipStatus, Role } from "../generated/prisma/client.js";

/** A role the viewer holds, with the area subtree it covers. */
export interface HeldRole {
  grantId: number;
  role: Role;
  areaId: number;
  areaPath: string;
  /** Whose residents the role covers, as path prefixes (residentPathsOf its area). */
  residentAreaPaths: readonly string[];
  councilId: number | null;
  departmentId: number | null;
  postId: number | null;
}

export interface HeldMembership {
  householdId: number;
  buildingId: number;
  /** Path of the household's building: every area above it is "where the resident lives". */
  buildingPath: string;
  status: MembershipStatus;
}

/** Roles whose holders may act for others in their area (administration). */
const STAFF_ROLES: readonly Role[] = ["STAFF", "ADMIN"];

/**
 * Who is asking, and what they may do where. Authorisation is by role AND area: a role held on
 * an area covers that area's whole subtree (paths are prefixes), and ADMIN covers every role.
 */
export class Viewer {
  constructor(
    readonly account: Account | null,
    readonly sessionId: string | null,
    readonly roles: readonly HeldRole[],
    readonly memberships: readonly HeldMembership[],
    /** When the session ends by itself; open sockets close then. */
    readonly sessionExpiresAt: Date | null = null,
  ) {}

  static anonymous(): Viewer {
    return new Viewer(null, null, [], []);
  }

  get signedIn(): boolean {
    return this.account !== null;
  }

  get accountId(): number | null {
    return this.account?.id ?? null;
  }

  /** Holds `role` (or ADMIN) on an area that contains `areaPath`. */
  hasRoleIn(role: Role | readonly Role[], areaPath: string): boolean {
    const wanted = typeof role === "string" ? [role] : role;
    return this.roles.some(
      (held) => (wanted.includes(held.role) || held.role === "ADMIN") && areaPath.startsWith(held.areaPath),
    );
  }

  isStaffFor(areaPath: string): boolean {
    return this.hasRoleIn(STAFF_ROLES, areaPath);
  }

  get isStaffAnywhere(): boolean {
    return this.roles.some((held) => STAFF_ROLES.includes(held.role));
  }

  /** Holds ADMIN on some area: for what belongs to no area, such as the one working-day calendar. */
  get isAdminAnywhere(): boolean {
    return this.roles.some((held) => held.role === "ADMIN");
  }

  isAdminFor(areaPath: string): boolean {
    return this.roles.some((held) => held.role === "ADMIN" && areaPath.startsWith(held.areaPath));
  }

  /** Area paths where the viewer is staff: the `where` of every staff list. */
  staffAreaPaths(): string[] {
    return this.roles.filter((held) => STAFF_ROLES.includes(held.role)).map((held) => held.areaPath);
  }

  /**
   * Staff whose residents include those of a household under `buildingPath`: staff of an area
   * above it, or of a 街区 covering it. Seeing, verifying and registering residents goes by this.
   */
  isStaffForResidentsOf(buildingPath: string): boolean {
    return this.staffResidentAreaPaths().some((path) => buildingPath.startsWith(path));
  }

  /** Path prefixes of the households whose residents the viewer serves as staff: the `where` of resident lists. */
  staffResidentAreaPaths(): string[] {
    return this.roles.filter((held) => STAFF_ROLES.includes(held.role)).flatMap((held) => held.residentAreaPaths);
  }

  /**
   * A verified resident living in (a household under) `areaPath`, or under any of `areaPaths`.
   * For an area that may be a 街区 (whose residents live in the areas it covers), pass
   * `residentAreaPathsOf(db, areaId)` from the areas service, or call its `livesInArea`.
   */
  livesIn(areaPaths: string | readonly string[]): boolean {
    const paths = typeof areaPaths === "string" ? [areaPaths] : areaPaths;
    return this.memberships.some(
      (m) => m.status === "VERIFIED" && paths.some((path) => m.buildingPath.startsWith(path)),
    );
  }

  get isVerifiedResident(): boolean {
    return this.memberships.some((m) => m.status === "VERIFIED");
  }

  councilRole(councilId: number): "FACILITATOR" | "COUNCIL_MEMBER" | null {
    const held = this.roles.filter((r) => r.councilId === councilId);
    if (held.some((r) => r.role === "FACILITATOR")) return "FACILITATOR";
    if (held.some((r) => r.role === "COUNCIL_MEMBER")) return "COUNCIL_MEMBER";
    return null;
  }

  isDeputyOfPost(postId: number): boolean {
    return this.roles.some((r) => r.role === "DEPUTY" && r.postId === postId);
  }

  handlesDepartment(departmentId: number): boolean {
    return this.roles.some((r) => r.role === "DEPARTMENT_HANDLER" && r.departmentId === departmentId);
  }
}

/** Prisma `where` matching areas under any of `paths` (an empty list matches nothing). */
export function areaUnderAny(paths: readonly string[]) {
  return { OR: paths.length ? paths.map((path) => ({ path: { startsWith: path } })) : [{ id: -1 }] };
}

/** An area as residentPathsOf needs it: its kind, path, and (a 街区) the areas it covers. */
export interface AreaWithCoverage {
  kind: AreaKind;
  path: string;
  blockCoverage: readonly { area: { path: string } }[];
}

/**
 * The path prefixes of an area's residents: its own path, except for a 街区 (BLOCK), which has no
 * households of its own: the 居民区/小区 it covers, outermost only (none yet: `[]`, no one).
 */
export function residentPathsOf(area: AreaWithCoverage): string[] {
  if (area.kind !== "BLOCK") return [area.path];
  return outermostPaths(area.blockCoverage.map((coverage) => coverage.area.path));
}

/** Drops paths lying under another path of the list, and sorts: no resident is matched twice. */
function outermostPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort();
  return sorted.filter((path) => !sorted.some((other) => other !== path && path.startsWith(other)));
}
