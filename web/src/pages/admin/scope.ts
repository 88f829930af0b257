import type { AreaKind, Role } from "../../gql/graphql";
import { useViewer } from "../../session/ViewerProvider";

/** Mirrors the server's rule of which kinds of area sit under which (the server still checks). */
export const CHILD_KINDS: Readonly<Record<AreaKind, readonly AreaKind[]>> = {
  DISTRICT: ["STREET"],
  STREET: ["NEIGHBOURHOOD", "BLOCK"],
  NEIGHBOURHOOD: ["COMPOUND"],
  COMPOUND: ["BUILDING"],
  BUILDING: [],
  BLOCK: [],
};

/** Roles any staff member may grant; STAFF and ADMIN need an admin. */
export const STAFF_GRANTABLE: readonly Role[] = [
  "COUNCIL_MEMBER",
  "FACILITATOR",
  "PLANNER",
  "DEPUTY",
  "DEPARTMENT_HANDLER",
];
export const ALL_ROLES: readonly Role[] = [...STAFF_GRANTABLE, "STAFF", "ADMIN"];

/** The areas this person administers (the roots of every staff page) and whether they are admin. */
export function useStaffScope() {
  const { viewer } = useViewer();
  const grants = viewer.roles.filter((r) => r.role === "STAFF" || r.role === "ADMIN");
  const seen = new Set<string>();
  const roots = grants.map((r) => r.area).filter((area) => !seen.has(area.id) && seen.add(area.id));
  const rootIds = new Set(roots.map((r) => r.id));
  return {
    roots,
    isAdmin: grants.some((r) => r.role === "ADMIN"),
    /** Whether an area (given its id and its ancestors' ids) lies within the staff's areas. */
    covers: (area: { id: string; ancestors: readonly { id: string }[] }) =>
      rootIds.has(area.id) || area.ancestors.some((a) => rootIds.has(a.id)),
  };
}
