import { Card, Descriptions, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { addressOf, useFormatDateTime } from "../../components/format";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { useViewer } from "../../session/ViewerProvider";

const DepartmentDocument = graphql(`
  query DepartmentHome($areaId: ID!) {
    area(id: $areaId) {
      id
      name
      ancestors {
        id
        name
        kind
      }
    }
    departments(areaId: $areaId) {
      id
      name
      contact
    }
  }
`);

/** 承办部门: the department this person handles for, where it serves and how to reach it. */
export function DepartmentPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { viewer } = useViewer();
  const formatDateTime = useFormatDateTime();
  const grant = viewer.roles.find((r) => r.role === "DEPARTMENT_HANDLER" && r.department?.id === id);
  const areaId = grant?.area.id ?? "";
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DepartmentDocument,
    variables: { areaId },
    pause: !grant,
  });
  const department = data?.departments.find((d) => d.id === id);
  const colleagues = data?.departments.filter((d) => d.id !== id) ?? [];

  return (
    <Page title={grant?.department?.name ?? t("department.title")} description={t("department.lead")}>
      <QueryState
        fetching={fetching}
        error={error}
        hasData={Boolean(data) || !grant}
        empty={!grant || (data !== undefined && !department)}
        emptyText={t("department.notYours")}
        onRetry={() => reexecute({ requestPolicy: "network-only" })}
      >
        {department && data?.area && grant && (
          <Flex vertical gap={16}>
            <Card title={t("department.about")}>
              <Descriptions
                column={1}
                items={[
                  { key: "name", label: t("department.name"), children: department.name },
                  {
                    key: "area",
                    label: t("department.serves"),
                    children: addressOf(data.area.ancestors, data.area.name) || data.area.name,
                  },
                  {
                    key: "contact",
                    label: t("department.contact"),
                    children: department.contact || t("organisation.noContact"),
                  },
                  { key: "since", label: t("department.handlerSince"), children: formatDateTime(grant.grantedAt) },
                ]}
              />
            </Card>
            {colleagues.length > 0 && (
              <Card title={t("department.others", { area: data.area.name })}>
                <Flex vertical gap={8}>
                  {colleagues.map((other) => (
                    <Flex key={other.id} justify="space-between" wrap gap={8}>
                      <Typography.Text strong>{other.name}</Typography.Text>
                      <Typography.Text type="secondary">{other.contact || t("organisation.noContact")}</Typography.Text>
                    </Flex>
                  ))}
                </Flex>
              </Card>
            )}
          </Flex>
        )}
      </QueryState>
    </Page>
  );
}
