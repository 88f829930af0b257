import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { LiaisonPostCard } from "./LiaisonPostCard";
import { QueryState } from "./QueryState";

const LiaisonTreeDocument = graphql(`
  query LiaisonTree {
    liaisonPosts {
      ...LiaisonPostInfo
      children {
        ...LiaisonPostInfo
        children {
          ...LiaisonPostInfo
        }
      }
    }
  }
`);

/** 代表之家 → 联络站 → 联系点, nested the way residents find them. */
export function LiaisonPostTree({ highlightIds = [] }: { highlightIds?: readonly string[] }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: LiaisonTreeDocument });
  const homes = data?.liaisonPosts ?? [];
  const mark = (id: string) =>
    highlightIds.includes(id) ? <span className="mine-badge">{t("deputy.mine")}</span> : null;
  return (
    <QueryState
      fetching={fetching}
      error={error}
      hasData={Boolean(data)}
      empty={homes.length === 0}
      emptyText={t("posts.none")}
      onRetry={() => reexecute({ requestPolicy: "network-only" })}
    >
      <div className="post-tree">
        {homes.map((home) => (
          <LiaisonPostCard key={home.id} post={home} extra={mark(home.id)}>
            {home.children.length > 0 && (
              <div className="post-children">
                {home.children.map((station) => (
                  <LiaisonPostCard key={station.id} post={station} extra={mark(station.id)}>
                    {station.children.length > 0 && (
                      <div className="post-children">
                        {station.children.map((point) => (
                          <LiaisonPostCard key={point.id} post={point} extra={mark(point.id)} />
                        ))}
                      </div>
                    )}
                  </LiaisonPostCard>
                ))}
              </div>
            )}
          </LiaisonPostCard>
        ))}
      </div>
    </QueryState>
  );
}
