import { useEffect, useState } from "react";
import { useClient } from "urql";
import { OfficePostsDocument } from "./documents";

export interface PostOption {
  value: string;
  label: string;
}

/** The liaison posts serving the staff's areas (each root's, merged), for a post filter. */
export function usePostOptions(rootIds: readonly string[]): PostOption[] {
  const client = useClient();
  const [options, setOptions] = useState<PostOption[]>([]);
  const key = rootIds.join(",");

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloaded when the set of roots changes (key), not on every render
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const results = await Promise.all(
        rootIds.map((areaId) => client.query(OfficePostsDocument, { areaId }).toPromise()),
      );
      if (cancelled) return;
      const seen = new Set<string>();
      const merged: PostOption[] = [];
      for (const result of results) {
        for (const post of result.data?.liaisonPosts ?? []) {
          if (seen.has(post.id)) continue;
          seen.add(post.id);
          merged.push({ value: post.id, label: post.name });
        }
      }
      setOptions(merged);
    })();
    return () => {
      cancelled = true;
    };
  }, [client, key]);

  return options;
}
