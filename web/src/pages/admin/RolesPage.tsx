import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Flex, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { Role } from "../../gql/graphql";
import { GrantItem } from "./GrantItem";
import { GrantRoleDialog } from "./GrantRoleDialog";
import { ALL_ROLES, useStaffScope } from "./scope";

const RoleGrantsDocument = graphql(`
  query RoleGrants($areaId: ID!, $role: Role, $first: Int!, $after: String) {
    roleGrants(areaId: $areaId, role: $role, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...GrantInfo
        }
      }
    }
  }
`);

/** 角色授权: who holds which role in the staff's areas; grant by phone number, revoke. */
export function RolesPage() {
  const { t } = useTranslation();
  const { roots } = useStaffScope();
  const [areaId, setAreaId] = useState<string | null>(roots[0]?.id ?? null);
  const [role, setRole] = useState<Role | null>(null);
  const [granting, setGranting] = useState(false);
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RoleGrantsDocument,
    variables: { areaId: areaId ?? "", role, first: pages.first, after: pages.after },
    pause: !areaId,
    requestPolicy: "cache-and-network",
  });
  const connection = data?.roleGrants;
  const grants = connection?.edges.map((e) => e.node) ?? [];

  return (
    <Page
      title={t("roles.title")}
      description={t("roles.lead")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)} size="large">
          {t("roles.grant")}
        </Button>
      }
    >
      <Card className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <AreaSelect
              roots={roots}
              value={areaId}
              onChange={(value) => {
                setAreaId(value ?? roots[0]?.id ?? null);
                pages.reset();
              }}
              aria-label={t("roles.area")}
            />
          </Col>
          <Col xs={24} md={12}>
            <Select<Role | "ALL">
              style={{ width: "100%" }}
              value={role ?? "ALL"}
              onChange={(value) => {
                setRole(value === "ALL" ? null : value);
                pages.reset();
              }}
              options={[
                { value: "ALL", label: t("roles.allRoles") },
                ...ALL_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
              ]}
              aria-label={t("roles.role")}
            />
          </Col>
        </Row>
      </Card>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={grants.length === 0}
        emptyText={t("roles.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Flex vertical gap={12}>
          {grants.map((grant) => (
            <GrantItem key={grant.id} grant={grant} />
          ))}
        </Flex>
      </QueryState>
      {connection && (
        <CursorPager
          page={pages.page}
          pageSize={pages.pageSize}
          hasNext={connection.pageInfo.hasNextPage}
          onNext={() => pages.next(connection.pageInfo.endCursor)}
          onPrevious={pages.previous}
        />
      )}
      {granting && <GrantRoleDialog onClose={() => setGranting(false)} defaultAreaId={areaId} />}
    </Page>
  );
}
