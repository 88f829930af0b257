import { Card, Descriptions, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { addressOf } from "../../components/format";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";

const AreaDetailsDocument = graphql(`
  query AreaDetails($id: ID!) {
    area(id: $id) {
      id
      name
      kind
      childCount
      ancestors {
        id
        name
        kind
      }
      councils {
        id
        name
        kind
      }
      liaisonPosts {
        id
        name
        kind
        address
        openHours
      }
      departments {
        id
        name
      }
    }
  }
`);

export function AreaDetails({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AreaDetailsDocument, variables: { id: areaId } });
  const area = data?.area;
  return (
    <QueryState
      fetching={fetching}
      error={error}
      hasData={Boolean(data)}
      empty={data !== undefined && !area}
      emptyText={t("areas.notFound")}
      onRetry={() => reexecute({ requestPolicy: "network-only" })}
    >
      {area && (
        <Card
          title={
            <Flex gap={8} align="center" wrap>
              <span>{area.name}</span>
              <Tag variant="filled">{t(`areaKind.${area.kind}`)}</Tag>
            </Flex>
          }
          className="area-details"
        >
          <Descriptions
            column={1}
            size="small"
            items={[
              ...(area.ancestors.length
                ? [
                    {
                      key: "in",
                      label: t("areas.belongsTo"),
                      children: addressOf(area.ancestors) || area.ancestors.map((a) => a.name).join(" "),
                    },
                  ]
                : []),
              {
                key: "children",
                label: t("areas.subAreas"),
                children: t("areas.childCount", { count: area.childCount }),
              },
            ]}
          />
          <Typography.Title level={5}>{t("areas.councils")}</Typography.Title>
          {area.councils.length ? (
            <ul className="plain-list">
              {area.councils.map((council) => (
                <li key={council.id}>
                  <Link to={`/councils/${council.id}`}>{council.name}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary">{t("areas.noCouncils")}</Typography.Paragraph>
          )}
          <Typography.Title level={5}>{t("areas.posts")}</Typography.Title>
          {area.liaisonPosts.length ? (
            <ul className="plain-list">
              {area.liaisonPosts.map((post) => (
                <li key={post.id}>
                  <Link to={`/posts#post-${post.id}`}>{post.name}</Link>
                  <Typography.Text type="secondary"> · {post.address}</Typography.Text>
                  {post.openHours && <Typography.Text type="secondary"> · {post.openHours}</Typography.Text>}
                </li>
              ))}
            </ul>
          ) : (
            <Typography.Paragraph type="secondary">{t("areas.noPosts")}</Typography.Paragraph>
          )}
          {area.departments.length > 0 && (
            <>
              <Typography.Title level={5}>{t("areas.departments")}</Typography.Title>
              <Flex gap={8} wrap>
                {area.departments.map((d) => (
                  <Tag key={d.id}>{d.name}</Tag>
                ))}
              </Flex>
            </>
          )}
        </Card>
      )}
    </QueryState>
  );
}
