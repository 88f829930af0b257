import { InboxOutlined } from "@ant-design/icons";
import { Card, Descriptions, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { LiaisonPostCard } from "../../components/LiaisonPostCard";
import { LiaisonPostTree } from "../../components/LiaisonPostTree";
import { LinkButton } from "../../components/LinkButton";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { useViewer } from "../../session/ViewerProvider";

const DeputyHomeDocument = graphql(`
  query DeputyHome {
    viewer {
      account {
        id
        deputyProfile {
          id
          name
          title
          bio
        }
      }
      roles {
        id
        role
        post {
          ...LiaisonPostInfo
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

/** 人大代表: the deputy's public profile, the posts they receive residents at, and the whole tree. */
export function DeputyPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DeputyHomeDocument });
  const profile = data?.viewer.account?.deputyProfile;
  const posts = (data?.viewer.roles ?? []).flatMap((r) => (r.role === "DEPUTY" && r.post ? [r.post] : []));
  const myPostIds = viewer.roles.flatMap((r) => (r.role === "DEPUTY" && r.post ? [r.post.id] : []));

  return (
    <Page
      title={t("deputy.title")}
      description={t("deputy.lead")}
      extra={
        <LinkButton to="/workbench" type="primary" icon={<InboxOutlined />}>
          {t("suggestDeputy.home.open")}
        </LinkButton>
      }
    >
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={16}>
          <Card title={t("deputy.profile")}>
            {profile ? (
              <Descriptions
                column={1}
                items={[
                  { key: "name", label: t("deputy.name"), children: profile.name },
                  { key: "title", label: t("deputy.titleLabel"), children: profile.title },
                  ...(profile.bio ? [{ key: "bio", label: t("deputy.bio"), children: profile.bio }] : []),
                ]}
              />
            ) : (
              <Typography.Paragraph type="secondary">{t("deputy.noProfile")}</Typography.Paragraph>
            )}
          </Card>
          <Typography.Title level={3} className="section-title">
            {t("deputy.myPosts", { count: posts.length })}
          </Typography.Title>
          {posts.length === 0 && <Typography.Paragraph type="secondary">{t("deputy.noPosts")}</Typography.Paragraph>}
          {posts.map((post) => (
            <LiaisonPostCard
              key={post.id}
              post={post}
              extra={post.parent ? <Typography.Text type="secondary">{post.parent.name}</Typography.Text> : null}
            />
          ))}
          <Typography.Title level={3} className="section-title">
            {t("deputy.tree")}
          </Typography.Title>
          <LiaisonPostTree highlightIds={myPostIds} />
        </Flex>
      </QueryState>
    </Page>
  );
}
