import { UserAddOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Input, Row, Segmented } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery, useSubscription } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { MembershipStatus } from "../../gql/graphql";
import { MembershipItem } from "./MembershipItem";
import { RegisterResidentDialog } from "./RegisterResidentDialog";
import { useStaffScope } from "./scope";

const MembershipsDocument = graphql(`
  query StaffMemberships($first: Int!, $after: String, $status: MembershipStatus, $areaId: ID, $search: String) {
    memberships(first: $first, after: $after, status: $status, areaId: $areaId, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...StaffMembership
        }
      }
    }
  }
`);

const QueueChangedDocument = graphql(`
  subscription MembershipQueueChanged {
    membershipQueueChanged
  }
`);

type StatusFilter = MembershipStatus | "ALL";
const FILTERS: StatusFilter[] = ["PENDING", "VERIFIED", "REJECTED", "REVOKED", "ALL"];

/** 居民认证: the verification queue and every resident of the staff's areas. Live. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { roots } = useStaffScope();
  const [status, setStatus] = useState<StatusFilter>("PENDING");
  const [areaId, setAreaId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [registering, setRegistering] = useState(false);
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MembershipsDocument,
    variables: {
      first: pages.first,
      after: pages.after,
      status: status === "ALL" ? null : status,
      areaId,
      search: search || null,
    },
    requestPolicy: "cache-and-network",
  });
  // New requests and other staff's decisions refresh the page in view (see the cache updates).
  useSubscription({ query: QueueChangedDocument });

  const connection = data?.memberships;
  const items = connection?.edges.map((e) => e.node) ?? [];
  const filtered = status !== "PENDING" || Boolean(areaId) || Boolean(search);

  return (
    <Page
      title={t("people.title")}
      description={t("people.lead")}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} size="large" onClick={() => setRegistering(true)}>
          {t("people.register")}
        </Button>
      }
    >
      <Card className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={24}>
            <Segmented
              block
              value={status}
              onChange={(value) => {
                setStatus(value as StatusFilter);
                pages.reset();
              }}
              options={FILTERS.map((f) => ({
                value: f,
                label: f === "ALL" ? t("people.all") : t(`membershipStatus.${f}`),
              }))}
              className="status-filter"
            />
          </Col>
          <Col xs={24} md={12}>
            <AreaSelect
              roots={roots}
              value={areaId}
              onChange={(value) => {
                setAreaId(value);
                pages.reset();
              }}
              allowClear
              placeholder={t("people.allAreas")}
              aria-label={t("people.area")}
            />
          </Col>
          <Col xs={24} md={12}>
            <Input.Search
              allowClear
              placeholder={t("people.searchPlaceholder")}
              aria-label={t("people.searchPlaceholder")}
              onSearch={(value) => {
                setSearch(value.trim());
                pages.reset();
              }}
            />
          </Col>
        </Row>
      </Card>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={items.length === 0}
        emptyText={filtered ? t("people.noneFiltered") : t("people.nonePending")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={12} className="membership-list">
          {items.map((membership) => (
            <MembershipItem key={membership.id} membership={membership} />
          ))}
        </Flex>
      </QueryState>
      {connection && (
        <CursorPager
          page={pages.page}
          pageSize={pages.pageSize}
          total={connection.totalCount}
          hasNext={connection.pageInfo.hasNextPage}
          onNext={() => pages.next(connection.pageInfo.endCursor)}
          onPrevious={pages.previous}
        />
      )}
      {registering && <RegisterResidentDialog onClose={() => setRegistering(false)} />}
    </Page>
  );
}
