import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { CursorPager, useCursorPages } from "../../components/CursorPager";
import { formatArea } from "../../components/format";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";

const HouseholdsPageDocument = graphql(`
  query HouseholdsPage($id: ID!, $first: Int!, $after: String) {
    area(id: $id) {
      id
      households(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            unit
            floorAreaSqm
          }
        }
      }
    }
  }
`);

export function HouseholdsTable({ buildingId }: { buildingId: string }) {
  const { t, i18n } = useTranslation();
  const pages = useCursorPages(20);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: HouseholdsPageDocument,
    variables: { id: buildingId, first: pages.first, after: pages.after },
  });
  const connection = data?.area?.households;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  return (
    <QueryState
      fetching={fetching}
      error={error}
      hasData={Boolean(connection)}
      empty={connection?.totalCount === 0}
      emptyText={t("adminAreas.noHouseholds")}
      onRetry={() => reexecute({ requestPolicy: "network-only" })}
    >
      <Table
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        loading={fetching}
        columns={[
          { key: "unit", title: t("adminAreas.unit"), dataIndex: "unit" },
          {
            key: "area",
            title: t("adminAreas.floorArea"),
            dataIndex: "floorAreaSqm",
            align: "right",
            render: (value: number) => `${formatArea(value, i18n.language)} ㎡`,
          },
        ]}
      />
      <CursorPager
        page={pages.page}
        pageSize={pages.pageSize}
        total={connection?.totalCount}
        hasNext={Boolean(connection?.pageInfo.hasNextPage)}
        onNext={() => pages.next(connection?.pageInfo.endCursor)}
        onPrevious={pages.previous}
      />
    </QueryState>
  );
}
