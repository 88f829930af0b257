import { useEffect, useMemo, useState } from "react";
import { useClient, useQuery } from "urql";
import { graphql } from "../../../gql";
import type { ManagedPostFragment } from "../../../gql/graphql";
import { useViewer } from "../../../session/ViewerProvider";

export const ManagedPostFields = graphql(`
  fragment ManagedPost on LiaisonPost {
    id
    name
    kind
    address
    area {
      ...AreaTreeNode
    }
  }
`);

const MyDeputyPostsDocument = graphql(`
  query MyDeputyPosts {
    viewer {
      roles {
        id
        role
        post {
          ...ManagedPost
        }
      }
    }
  }
`);

const AreaPostsDocument = graphql(`
  query AreaPosts($areaId: ID!) {
    liaisonPosts(areaId: $areaId) {
      ...ManagedPost
    }
  }
`);

export interface HandlerScope {
  /** A deputy at some post: the inbox of their posts. */
  isDeputy: boolean;
  /** Staff of some area: the suggestions and reception days of every post in it. */
  isStaff: boolean;
  /** Posts whose suggestions and reception days the viewer handles (deputy posts first). */
  posts: ManagedPostFragment[];
  /** Ids of the posts where the viewer is a deputy. */
  deputyPostIds: string[];
  loading: boolean;
  failed: boolean;
}

/**
 * Who handles what: deputies act for the posts where they serve, staff for every post in their
 * areas (the server checks the same: `actsForPost`, `managesPost`).
 */
export function useHandlerScope(): HandlerScope {
  const { viewer } = useViewer();
  const client = useClient();
  const isDeputy = viewer.roles.some((r) => r.role === "DEPUTY" && r.post);
  const staffAreaIds = useMemo(
    () => [...new Set(viewer.roles.filter((r) => r.role === "STAFF" || r.role === "ADMIN").map((r) => r.area.id))],
    [viewer.roles],
  );
  const staffKey = staffAreaIds.join(",");
  const [mine] = useQuery({ query: MyDeputyPostsDocument, pause: !isDeputy });
  const [staffPosts, setStaffPosts] = useState<{ posts: ManagedPostFragment[]; loading: boolean; failed: boolean }>({
    posts: [],
    loading: staffAreaIds.length > 0,
    failed: false,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: refetched when the set of areas changes
  useEffect(() => {
    if (!staffAreaIds.length) {
      setStaffPosts({ posts: [], loading: false, failed: false });
      return;
    }
    let cancelled = false;
    setStaffPosts((s) => ({ ...s, loading: true }));
    Promise.all(staffAreaIds.map((areaId) => client.query(AreaPostsDocument, { areaId }).toPromise())).then(
      (results) => {
        if (cancelled) return;
        setStaffPosts({
          posts: results.flatMap((r) => r.data?.liaisonPosts ?? []),
          loading: false,
          failed: results.some((r) => r.error),
        });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [staffKey, client]);

  const deputyPosts = (mine.data?.viewer.roles ?? []).flatMap((r) => (r.role === "DEPUTY" && r.post ? [r.post] : []));
  const seen = new Set<string>();
  const posts = [...deputyPosts, ...staffPosts.posts].filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
  return {
    isDeputy,
    isStaff: staffAreaIds.length > 0,
    posts,
    deputyPostIds: deputyPosts.map((p) => p.id),
    loading: (isDeputy && mine.fetching && !mine.data) || staffPosts.loading,
    failed: Boolean(mine.error) || staffPosts.failed,
  };
}
