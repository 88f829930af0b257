import { ClockCircleOutlined, EnvironmentOutlined, UserOutlined } from "@ant-design/icons";
import { Card, Flex, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import type { LiaisonPostInfoFragment } from "../gql/graphql";

export const LiaisonPostInfoFragmentDoc = graphql(`
  fragment LiaisonPostInfo on LiaisonPost {
    id
    kind
    name
    address
    openHours
    area {
      id
      name
    }
    deputies {
      id
      name
      title
    }
  }
`);

const KIND_COLORS = { HOME: "red", STATION: "blue", POINT: "cyan" } as const;

/** A 家站点 post: where it is, when it is open, which deputies receive residents there. */
export function LiaisonPostCard({
  post,
  children,
  extra,
}: {
  post: LiaisonPostInfoFragment;
  children?: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      id={`post-${post.id}`}
      className={`post-card post-${post.kind.toLowerCase()}`}
      size={post.kind === "POINT" ? "small" : undefined}
      title={
        <Flex gap={8} align="center" wrap>
          <Tag color={KIND_COLORS[post.kind]}>{t(`postKind.${post.kind}`)}</Tag>
          <span className="post-name">{post.name}</span>
        </Flex>
      }
      extra={extra}
    >
      <dl className="post-facts">
        <dt>
          <EnvironmentOutlined /> {t("posts.address")}
        </dt>
        <dd>{post.address}</dd>
        <dt>
          <ClockCircleOutlined /> {t("posts.openHours")}
        </dt>
        <dd>{post.openHours || t("posts.openHoursUnknown")}</dd>
        <dt>
          <UserOutlined /> {t("posts.deputies")}
        </dt>
        <dd>
          {post.deputies.length ? (
            <Flex gap={8} wrap>
              {post.deputies.map((deputy) => (
                <Tag key={deputy.id} className="deputy-tag">
                  {deputy.name}
                  <Typography.Text type="secondary"> · {deputy.title}</Typography.Text>
                </Tag>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t("posts.noDeputies")}</Typography.Text>
          )}
        </dd>
        <dt>{t("posts.serves")}</dt>
        <dd>{post.area.name}</dd>
      </dl>
      {children}
    </Card>
  );
}
