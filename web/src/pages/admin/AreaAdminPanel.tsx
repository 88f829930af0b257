import { Card, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { addressOf } from "../../components/format";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { AddHouseholdsForm } from "./AddHouseholdsForm";
import { BlockCoverageForm } from "./BlockCoverageForm";
import { CreateAreaForm } from "./CreateAreaForm";
import { HouseholdsTable } from "./HouseholdsTable";
import { RenameAreaForm } from "./RenameAreaForm";
import { CHILD_KINDS } from "./scope";

const AdminAreaDocument = graphql(`
  query AdminArea($id: ID!) {
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
      children {
        ...AreaTreeNode
      }
    }
  }
`);

/**
 * Everything staff do to one area: rename, add areas under it, for a building its households,
 * for a 街区 the 居民区 and 小区 it covers.
 */
export function AreaAdminPanel({ areaId, onOpenArea }: { areaId: string; onOpenArea(id: string): void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AdminAreaDocument, variables: { id: areaId } });
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
        <Flex vertical gap={16}>
          <Card
            title={
              <Flex gap={8} align="center" wrap>
                <span>{area.name}</span>
                <Tag variant="filled">{t(`areaKind.${area.kind}`)}</Tag>
              </Flex>
            }
          >
            {area.ancestors.length > 0 && (
              <Typography.Paragraph type="secondary">
                {t("areas.belongsTo")}：{addressOf(area.ancestors) || area.ancestors.map((a) => a.name).join(" ")}
              </Typography.Paragraph>
            )}
            <RenameAreaForm key={area.id} area={area} />
          </Card>
          {CHILD_KINDS[area.kind].length > 0 && (
            <Card title={t("adminAreas.children", { count: area.childCount })}>
              {area.children.length > 0 ? (
                <Flex gap={8} wrap className="child-chips">
                  {area.children.map((child) => (
                    <Tag key={child.id} className="child-chip" onClick={() => onOpenArea(child.id)}>
                      {child.name}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Paragraph type="secondary">{t("adminAreas.noChildren")}</Typography.Paragraph>
              )}
              <CreateAreaForm key={area.id} parent={area} kinds={CHILD_KINDS[area.kind]} />
            </Card>
          )}
          {area.kind === "BLOCK" && (
            <Card title={t("adminAreas.coverage")}>
              <BlockCoverageForm key={area.id} blockId={area.id} />
            </Card>
          )}
          {area.kind === "BUILDING" && (
            <>
              <Card title={t("adminAreas.households")}>
                <HouseholdsTable key={area.id} buildingId={area.id} />
              </Card>
              <Card title={t("adminAreas.addHouseholds")}>
                <AddHouseholdsForm key={area.id} buildingId={area.id} />
              </Card>
            </>
          )}
        </Flex>
      )}
    </QueryState>
  );
}
