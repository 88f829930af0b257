import type { AreaTreeNodeFragment } from "../../../gql/graphql";
import { useViewer } from "../../../session/ViewerProvider";

export interface OrganiserScope {
  /** Staff of some area (may enter paper ballots there). */
  isStaff: boolean;
  /** The areas to organise votes in: staff areas, and the areas of councils the person facilitates. */
  roots: AreaTreeNodeFragment[];
  /** Councils the person facilitates. */
  councils: { id: string; name: string; areaId: string }[];
  /** Whether the person may organise any vote at all. */
  any: boolean;
}

/** Who may organise votes where: staff of an area, or a council's facilitator (the server checks again). */
export function useOrganiserScope(): OrganiserScope {
  const { viewer } = useViewer();
  const staff = viewer.roles.filter((r) => r.role === "STAFF" || r.role === "ADMIN");
  const facilitating = viewer.roles.filter((r) => r.role === "FACILITATOR" && r.council);
  const seen = new Set<string>();
  const roots = [...staff, ...facilitating]
    .map((r) => r.area)
    .filter((area) => !seen.has(area.id) && Boolean(seen.add(area.id)));
  const councils = facilitating.map((r) => ({
    id: r.council?.id ?? "",
    name: r.council?.name ?? "",
    areaId: r.area.id,
  }));
  return { isStaff: viewer.isStaff, roots, councils, any: roots.length > 0 };
}
