import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { addressOf, useFormatDateTime } from "../../components/format";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { useViewer } from "../../session/ViewerProvider";

const CouncilDocument = graphql(`
  query Council($id: ID!) {
    council(id: $id) {
      id
      name
      kind
      supportThreshold
      meetingQuorum
      area {
        id
        name
        kind
        ancestors {
          id
          name
          kind
        }
        liaisonPosts {
          id
          name
        }
      }
      members {
        id
        role
        grantedAt
        account {
          id
          displayName
          realName
        }
      }
    }
  }
`);

/** A 议事会: the area it serves, its rules, and who sits on it (public names). */
export function CouncilPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { viewer } = useViewer();
  const formatDateTime = useFormatDateTime();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CouncilDocument, variables: { id } });
  const council = data?.council;
  const myRole = viewer.roles.find(
    (r) => r.council?.id === id && (r.role === "FACILITATOR" || r.role === "COUNCIL_MEMBER"),
  );
  const facilitators = council?.members.filter((m) => m.role === "FACILITATOR") ?? [];
  const members = council?.members.filter((m) => m.role !== "FACILITATOR") ?? [];

  return (
    <Page
      title={council?.name ?? t("council.title")}
      description={council ? t(`councilKind.${council.kind}`) : undefined}
    >
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data)}
        empty={data !== undefined && !council}
        emptyText={t("council.notFound")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {council && (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10}>
              <Card title={t("council.about")}>
                {myRole && (
                  <Tag color="blue" className="my-role-tag">
                    {t("council.youAre", { role: t(`role.${myRole.role}`) })}
                  </Tag>
                )}
                <Descriptions
                  column={1}
                  items={[
                    {
                      key: "area",
                      label: t("council.area"),
                      children: addressOf(council.area.ancestors, council.area.name) || council.area.name,
                    },
                    {
                      key: "threshold",
                      label: t("council.supportThreshold"),
                      children: t("council.supportThresholdValue", { count: council.supportThreshold }),
                    },
                    {
                      key: "quorum",
                      label: t("council.meetingQuorum"),
                      children: t("council.meetingQuorumValue", { count: council.meetingQuorum }),
                    },
                    ...(council.area.liaisonPosts.length
                      ? [
                          {
                            key: "posts",
                            label: t("council.posts"),
                            children: council.area.liaisonPosts.map((p) => p.name).join("、"),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t("council.members", { count: council.members.length })}>
                {council.members.length === 0 ? (
                  <Typography.Paragraph type="secondary">{t("council.noMembers")}</Typography.Paragraph>
                ) : (
                  <Flex vertical gap={8}>
                    {[...facilitators, ...members].map((member) => (
                      <Flex key={member.id} justify="space-between" align="center" gap={8} wrap className="member-row">
                        <Flex gap={8} align="center">
                          <Typography.Text strong>
                            {member.account.realName || member.account.displayName}
                          </Typography.Text>
                          <Tag color={member.role === "FACILITATOR" ? "blue" : undefined}>
                            {t(`role.${member.role}`)}
                          </Tag>
                        </Flex>
                        <Typography.Text type="secondary">
                          {t("council.since", { time: formatDateTime(member.grantedAt) })}
                        </Typography.Text>
                      </Flex>
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </Page>
  );
}
