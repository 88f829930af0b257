import { Button, Card, Col, Input, Row, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaSelect } from "../../components/AreaSelect";
import { ConnectionPager, useCursorPages } from "../../components/CursorPager";
import { useFormatDateTime } from "../../components/format";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import type { AuditEventsQuery, SubjectType } from "../../gql/graphql";
import { useStaffScope } from "./scope";

const AuditEventsDocument = graphql(`
  query AuditEvents(
    $areaId: ID
    $subjectType: SubjectType
    $actorId: ID
    $from: Date
    $to: Date
    $first: Int!
    $after: String
  ) {
    auditEvents(
      areaId: $areaId
      subjectType: $subjectType
      actorId: $actorId
      from: $from
      to: $to
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          action
          subjectType
          subjectId
          fromStatus
          toStatus
          data
          area {
            id
            name
          }
          actor {
            id
            displayName
            realName
          }
        }
      }
    }
  }
`);

/** Every kind of subject, in the order of the filter; `satisfies` keeps it complete as the schema grows. */
const SUBJECT_TYPES = Object.keys({
  AREA: true,
  HOUSEHOLD_MEMBER: true,
  ROLE_GRANT: true,
  ACCOUNT: true,
  COUNCIL: true,
  TOPIC: true,
  OPINION: true,
  MEETING: true,
  PROPOSAL: true,
  BUDGET_ROUND: true,
  VOTE: true,
  LIAISON_POST: true,
  RECEPTION_DAY: true,
  DEPARTMENT: true,
  SUGGESTION: true,
  CALENDAR_DAY: true,
} satisfies Record<SubjectType, true>) as SubjectType[];

type AuditRow = NonNullable<AuditEventsQuery["auditEvents"]>["edges"][number]["node"];

/**
 * A short line from an entry's details: `note：…；to：…`, arrays joined, long text cut. Row ids
 * (`accountId`, `areaIds` …) mean nothing to a reader and are left out, as are empty values.
 */
function describeData(data: unknown): string {
  if (data == null || typeof data !== "object") return data == null ? "" : String(data);
  const text = Object.entries(data as Record<string, unknown>)
    .filter(
      ([key, value]) =>
        !/Ids?$/.test(key) && value !== null && value !== "" && !(Array.isArray(value) && !value.length),
    )
    .map(
      ([key, value]) =>
        `${key}：${Array.isArray(value) ? value.join("、") : typeof value === "object" ? JSON.stringify(value) : String(value)}`,
    )
    .join("；");
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * 操作记录: the append-only audit trail of the staff member's areas, newest first, by area, kind
 * of subject, actor (click a name) and Shanghai calendar days, a page at a time.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const formatDateTime = useFormatDateTime();
  const { roots } = useStaffScope();
  const [areaId, setAreaId] = useState<string | null>(null);
  const [subjectType, setSubjectType] = useState<SubjectType | null>(null);
  const [actor, setActor] = useState<{ id: string; name: string } | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AuditEventsDocument,
    variables: {
      areaId,
      subjectType,
      actorId: actor?.id ?? null,
      from: from || null,
      to: to || null,
      first: pages.first,
      after: pages.after,
    },
    requestPolicy: "cache-and-network",
  });
  const connection = data?.auditEvents;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const actionLabel = (action: string) =>
    i18n.exists(`audit.actions.${action}`) ? translate(`audit.actions.${action}`) : action;
  const actorName = (row: AuditRow) => row.actor?.realName || row.actor?.displayName || t("audit.system");
  // Every filter change starts again from the first page.
  const filtered =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      pages.reset();
    };

  return (
    <Page title={t("audit.title")} description={t("audit.lead")}>
      <Card className="filter-card">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <AreaSelect
              roots={roots}
              value={areaId}
              onChange={filtered(setAreaId)}
              allowClear
              placeholder={t("audit.allAreas")}
              aria-label={t("audit.area")}
            />
          </Col>
          <Col xs={24} md={12}>
            <Select<SubjectType | "ALL">
              style={{ width: "100%" }}
              value={subjectType ?? "ALL"}
              onChange={(value) => filtered(setSubjectType)(value === "ALL" ? null : value)}
              options={[
                { value: "ALL", label: t("audit.allSubjectTypes") },
                ...SUBJECT_TYPES.map((type) => ({ value: type, label: t(`audit.subjectTypes.${type}`) })),
              ]}
              aria-label={t("audit.subjectType")}
            />
          </Col>
          <Col xs={12} md={6}>
            <Input
              type="date"
              value={from}
              max={to || undefined}
              onChange={(event) => filtered(setFrom)(event.target.value)}
              aria-label={t("audit.from")}
              addonBefore={t("audit.from")}
            />
          </Col>
          <Col xs={12} md={6}>
            <Input
              type="date"
              value={to}
              min={from || undefined}
              onChange={(event) => filtered(setTo)(event.target.value)}
              aria-label={t("audit.to")}
              addonBefore={t("audit.to")}
            />
          </Col>
          <Col xs={24} md={12}>
            {actor ? (
              <Tag closable onClose={() => filtered(setActor)(null)} className="audit-actor-filter">
                {t("audit.actorFilter", { name: actor.name })}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{t("audit.actorHint")}</Typography.Text>
            )}
          </Col>
        </Row>
      </Card>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(connection)}
        empty={rows.length === 0}
        emptyText={t("audit.none")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        <Table<AuditRow>
          size="small"
          rowKey="id"
          dataSource={rows}
          pagination={false}
          loading={fetching}
          scroll={{ x: 900 }}
          className="audit-table"
          columns={[
            { key: "at", title: t("audit.at"), render: (_, row) => formatDateTime(row.at), width: 170 },
            { key: "action", title: t("audit.action"), render: (_, row) => actionLabel(row.action) },
            {
              key: "subject",
              title: t("audit.subject"),
              render: (_, row) => `${t(`audit.subjectTypes.${row.subjectType}`)} #${row.subjectId}`,
            },
            { key: "area", title: t("audit.where"), render: (_, row) => row.area?.name ?? "" },
            {
              key: "actor",
              title: t("audit.actor"),
              render: (_, row) =>
                row.actor ? (
                  <Button
                    type="link"
                    size="small"
                    className="audit-actor"
                    onClick={() => {
                      const id = row.actor?.id;
                      if (id) filtered(setActor)({ id, name: actorName(row) });
                    }}
                  >
                    {actorName(row)}
                  </Button>
                ) : (
                  actorName(row)
                ),
            },
            {
              key: "status",
              title: t("audit.status"),
              render: (_, row) =>
                row.fromStatus || row.toStatus ? `${row.fromStatus ?? "—"} → ${row.toStatus ?? "—"}` : "",
            },
            {
              key: "details",
              title: t("audit.details"),
              render: (_, row) => <Typography.Text type="secondary">{describeData(row.data)}</Typography.Text>,
            },
          ]}
        />
      </QueryState>
      <ConnectionPager pages={pages} pageInfo={connection?.pageInfo} total={connection?.totalCount} />
    </Page>
  );
}
