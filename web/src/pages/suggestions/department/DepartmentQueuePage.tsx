import { CheckOutlined, EnvironmentOutlined, RightOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Descriptions, Flex, Input, Segmented, Tag, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { CursorPager, useCursorPages } from "../../../components/CursorPager";
import { useDescribeFailure } from "../../../components/failure";
import { addressOf, useFormatDateTime } from "../../../components/format";
import { Page } from "../../../components/Page";
import { QueryState } from "../../../components/QueryState";
import type { DeptQueueItemFragment, TransferStatus } from "../../../gql/graphql";
import { useAppMutation } from "../../../graphql/outcome";
import { useViewer } from "../../../session/ViewerProvider";
import { formatDay } from "../shared/dates";
import { DueTag, TransferRoleTag, TransferStatusTag } from "../shared/SuggestionTags";
import {
  DeptAcknowledgeDocument,
  DeptColleaguesDocument,
  DeptHomeDocument,
  DeptQueueCountsDocument,
  DeptQueueDocument,
} from "./documents";
import { useWorkbenchChanges } from "./live";

/** What the queue shows: the open ones (default), one status, or the late ones. */
const VIEWS = ["OPEN", "PENDING", "IN_PROGRESS", "OVERDUE", "DUE_SOON", "DONE", "RETURNED"] as const;
type View = (typeof VIEWS)[number];

const isView = (value: string | null): value is View => VIEWS.includes(value as View);

function queueFilter(view: View): {
  status: TransferStatus[] | null;
  overdue: boolean | null;
  dueSoon: boolean | null;
} {
  switch (view) {
    case "OPEN":
      return { status: null, overdue: null, dueSoon: null };
    case "OVERDUE":
      return { status: null, overdue: true, dueSoon: null };
    case "DUE_SOON":
      return { status: null, overdue: null, dueSoon: true };
    default:
      return { status: [view], overdue: null, dueSoon: null };
  }
}

/** 承办件: the transfers to one department, most urgent first, kept live. */
export function DepartmentQueuePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const grant = viewer.roles.find((r) => r.role === "DEPARTMENT_HANDLER" && r.department?.id === id);
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get("view")) ? (params.get("view") as View) : "OPEN";
  const [search, setSearch] = useState("");
  const pages = useCursorPages(20);
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());

  const [queue, reexecuteQueue] = useQuery({
    query: DeptQueueDocument,
    variables: {
      departmentId: id,
      ...queueFilter(view),
      search: search || null,
      first: pages.first,
      after: pages.after,
    },
    requestPolicy: "cache-and-network",
    pause: !grant,
  });
  const [counts, reexecuteCounts] = useQuery({
    query: DeptQueueCountsDocument,
    variables: { departmentId: id },
    requestPolicy: "cache-and-network",
    pause: !grant,
  });

  const reload = useCallback(() => {
    reexecuteQueue({ requestPolicy: "network-only" });
    reexecuteCounts({ requestPolicy: "network-only" });
  }, [reexecuteQueue, reexecuteCounts]);

  // New transfers, steps by colleagues or deputies, due-soon and overdue flags: reload what is in view.
  useWorkbenchChanges(
    (changes) => {
      const fresh = changes.filter((c) => (c.kind === "TRANSFERRED" || c.kind === "TRANSFER_ADDED") && c.transferId);
      if (fresh.length) {
        setArrived((before) => new Set([...before, ...fresh.map((c) => c.transferId as string)]));
        message.info(t("suggestOffice.queue.arrived", { count: fresh.length }));
      }
      reload();
    },
    { pause: !grant },
  );

  const choose = (next: View) => {
    setParams(next === "OPEN" ? {} : { view: next }, { replace: true });
    pages.reset();
  };

  const connection = queue.data?.departmentQueue;
  const items = connection?.edges.map((e) => e.node) ?? [];
  const figures = counts.data;

  if (!grant) {
    return (
      <Page title={t("department.title")}>
        <Alert type="warning" showIcon title={t("department.notYours")} />
      </Page>
    );
  }

  return (
    <Page title={grant.department?.name ?? t("department.title")} description={t("suggestOffice.queue.lead")}>
      <DepartmentCard departmentId={id} grantedAt={grant.grantedAt} />
      <section className="dq-figures" aria-label={t("suggestOffice.queue.figures")}>
        {(
          [
            ["PENDING", figures?.pending.totalCount],
            ["IN_PROGRESS", figures?.inProgress.totalCount],
            ["OVERDUE", figures?.overdue.totalCount],
            ["DUE_SOON", figures?.dueSoon.totalCount],
          ] as const
        ).map(([key, count]) => (
          <button
            type="button"
            key={key}
            className={`dq-figure dq-figure-${key.toLowerCase()}${view === key ? " is-active" : ""}`}
            aria-pressed={view === key}
            onClick={() => choose(view === key ? "OPEN" : key)}
            data-testid={`dq-figure-${key}`}
          >
            <span className="dq-figure-value">{count ?? "–"}</span>
            <span className="dq-figure-label">{t(`suggestOffice.queue.view.${key}`)}</span>
          </button>
        ))}
      </section>
      <Card className="filter-card" size="small">
        <Flex vertical gap={12}>
          <Segmented
            value={view}
            onChange={(value) => choose(value as View)}
            options={VIEWS.map((v) => ({ value: v, label: t(`suggestOffice.queue.view.${v}`) }))}
            className="status-filter"
          />
          <Input.Search
            allowClear
            placeholder={t("suggestOffice.queue.searchPlaceholder")}
            aria-label={t("suggestOffice.queue.searchPlaceholder")}
            onSearch={(value) => {
              setSearch(value.trim());
              pages.reset();
            }}
          />
        </Flex>
      </Card>
      <QueryState
        fetching={queue.fetching}
        error={queue.error}
        hasData={Boolean(connection)}
        empty={items.length === 0}
        emptyText={
          search || view !== "OPEN" ? t("suggestOffice.queue.noneFiltered") : t("suggestOffice.queue.noneOpen")
        }
        onRetry={reload}
      >
        <Flex vertical gap={12} className="dq-list" data-testid="dq-list">
          {items.map((item) => (
            <QueueItem key={item.id} item={item} departmentId={id} isNew={arrived.has(item.id)} onChanged={reload} />
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
    </Page>
  );
}

/** The department's details (the page it used to be), compact above its queue. */
function DepartmentCard({ departmentId, grantedAt }: { departmentId: string; grantedAt: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [{ data }] = useQuery({ query: DeptHomeDocument, variables: { id: departmentId } });
  const department = data?.department;
  const [colleagues] = useQuery({
    query: DeptColleaguesDocument,
    variables: { areaId: department?.area.id ?? "" },
    pause: !department,
  });
  if (!department) return null;
  const others = colleagues.data?.departments.filter((d) => d.id !== departmentId) ?? [];
  return (
    <Card size="small" className="dq-department" title={t("department.about")}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 3 }}
        items={[
          {
            key: "area",
            label: t("department.serves"),
            children: addressOf(department.area.ancestors, department.area.name) || department.area.name,
          },
          {
            key: "contact",
            label: t("department.contact"),
            children: department.contact || t("organisation.noContact"),
          },
          { key: "since", label: t("department.handlerSince"), children: formatDateTime(grantedAt) },
        ]}
      />
      {others.length > 0 && (
        <Typography.Paragraph type="secondary" className="dq-colleagues" ellipsis={{ rows: 2, expandable: true }}>
          {t("department.others", { area: department.area.name })}：
          {others.map((d) => (d.contact ? `${d.name}（${d.contact}）` : d.name)).join("、")}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

interface QueueItemProps {
  item: DeptQueueItemFragment;
  departmentId: string;
  isNew: boolean;
  onChanged(): void;
}

function QueueItem({ item, departmentId, isNew, onChanged }: QueueItemProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const describe = useDescribeFailure();
  const formatDateTime = useFormatDateTime();
  const [state, acknowledge] = useAppMutation(DeptAcknowledgeDocument);
  const { suggestion } = item;
  const to = `/departments/${departmentId}/transfers/${item.id}?s=${suggestion.id}`;
  const open = item.status === "PENDING" || item.status === "IN_PROGRESS";
  const dueText = t("suggestion.due.dueOn", { date: formatDay(item.dueOn, i18n.language) });

  const signFor = async () => {
    const outcome = await acknowledge({ transferId: item.id });
    if (outcome.error) {
      message.error(describe(outcome.error));
      return;
    }
    message.success(t("suggestOffice.transfer.acknowledged"));
    onChanged();
  };

  const className = useMemo(
    () =>
      ["dq-item", item.overdue && "is-overdue", item.dueSoon && "is-due-soon", isNew && "is-new"]
        .filter(Boolean)
        .join(" "),
    [item.overdue, item.dueSoon, isNew],
  );

  return (
    <Card size="small" className={className} data-testid="dq-item" data-transfer={item.id}>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <Link to={to} className="dq-item-main">
          <Flex gap={6} align="center" wrap className="dq-item-tags">
            <TransferStatusTag status={item.status} />
            <TransferRoleTag role={item.role} />
            {suggestion.supervised && <Tag color="volcano">{t("suggestion.supervised")}</Tag>}
            {isNew && <Tag color="magenta">{t("suggestOffice.queue.new")}</Tag>}
          </Flex>
          <Typography.Text strong className="dq-item-title">
            {suggestion.title}
          </Typography.Text>
          <Typography.Text type="secondary" className="dq-item-meta">
            {t(`suggestion.category.${suggestion.category}`)} · <EnvironmentOutlined aria-hidden />{" "}
            {suggestion.area.name} · {suggestion.post.name}
          </Typography.Text>
          <Flex gap={8} align="center" wrap className="dq-item-due">
            {open && (
              <>
                <DueTag overdue={item.overdue} dueSoon={item.dueSoon} workingDaysLeft={item.workingDaysLeft} />
                <Typography.Text type={item.overdue ? "danger" : undefined}>{dueText}</Typography.Text>
              </>
            )}
            {item.status === "DONE" && item.completedAt && (
              <Typography.Text type="secondary">
                {t("suggestOffice.queue.completedAt", { time: formatDateTime(item.completedAt) })}
              </Typography.Text>
            )}
            {item.status === "RETURNED" && item.returnedAt && (
              <Typography.Text type="secondary">
                {t("suggestOffice.queue.returnedAt", { time: formatDateTime(item.returnedAt) })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" className="dq-item-received">
              {t("suggestOffice.queue.transferredAt", { time: formatDateTime(item.transferredAt) })}
            </Typography.Text>
          </Flex>
        </Link>
        <Flex gap={8} align="center" className="dq-item-actions">
          {item.viewerActions.includes("ACKNOWLEDGE") && (
            <Button type="primary" icon={<CheckOutlined />} loading={state.fetching} onClick={signFor}>
              {t("suggestOffice.transfer.acknowledge")}
            </Button>
          )}
          <Link
            to={to}
            className="dq-item-open"
            aria-label={t("suggestOffice.queue.open", { title: suggestion.title })}
          >
            <RightOutlined aria-hidden />
          </Link>
        </Flex>
      </Flex>
    </Card>
  );
}
