import { useMemo } from "react";
import { useQuery } from "urql";
import { graphql } from "../../../gql";
import type { PostChoiceFragment } from "../../../gql/graphql";

export const PostChoiceFragmentDoc = graphql(`
  fragment PostChoice on LiaisonPost {
    id
    kind
    name
    address
    openHours
    area {
      id
      name
      kind
      childCount
    }
    deputies {
      id
      name
      title
    }
  }
`);

const PostChoicesDocument = graphql(`
  query SuggestionPostChoices {
    liaisonPosts {
      ...PostChoice
      children {
        ...PostChoice
        children {
          ...PostChoice
        }
      }
    }
  }
`);

export interface PostChoice extends PostChoiceFragment {
  /** 0 for a 代表之家, 1 for its 联络站, 2 for their 联系点. */
  depth: number;
}

/** Every 家站点 post, the tree flattened in reading order (each home, then its stations and points). */
export function usePostChoices() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: PostChoicesDocument });
  const posts = useMemo(() => {
    const flat: PostChoice[] = [];
    for (const home of data?.liaisonPosts ?? []) {
      flat.push({ ...home, depth: 0 });
      for (const station of home.children) {
        flat.push({ ...station, depth: 1 });
        for (const point of station.children) flat.push({ ...point, depth: 2 });
      }
    }
    return flat;
  }, [data]);
  return { posts, loaded: Boolean(data), fetching, error, retry: () => reexecute({ requestPolicy: "network-only" }) };
}
