import { Card, Col, Row } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { AreaTree } from "../../components/AreaTree";
import { QueryState } from "../../components/QueryState";
import { graphql } from "../../gql";
import { AreaDetails } from "./AreaDetails";

const TopAreasDocument = graphql(`
  query TopAreas {
    areas {
      ...AreaTreeNode
    }
  }
`);

/** Public tree of the street's communities; choosing one shows its councils and liaison posts. */
export function AreaBrowser() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TopAreasDocument });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const details = useRef<HTMLDivElement>(null);
  const roots = data?.areas ?? [];

  return (
    <QueryState
      fetching={fetching}
      error={error}
      hasData={Boolean(data)}
      empty={roots.length === 0}
      emptyText={t("areas.none")}
      onRetry={() => reexecute({ requestPolicy: "network-only" })}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={11}>
          <Card className="tree-card" title={t("areas.treeTitle")}>
            <AreaTree
              roots={roots}
              selectedId={selectedId}
              initiallyExpanded={roots.map((r) => r.id)}
              leafKinds={["COMPOUND", "BLOCK"]}
              onSelect={(area) => {
                setSelectedId(area.id);
                // On phones the details are below the tree: bring them into view.
                requestAnimationFrame(() => details.current?.scrollIntoView({ behavior: "smooth", block: "start" }));
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={13} ref={details}>
          {selectedId ? <AreaDetails areaId={selectedId} /> : <Card className="hint-card">{t("areas.pickHint")}</Card>}
        </Col>
      </Row>
    </QueryState>
  );
}
