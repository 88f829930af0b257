import { Card, Col, Row } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AreaTree } from "../../components/AreaTree";
import { Page } from "../../components/Page";
import { QueryState } from "../../components/QueryState";
import { AreaAdminPanel } from "./AreaAdminPanel";
import { useStaffScope } from "./scope";

/** 区域与住户: the staff's part of the tree; add areas, rename them, register households. */
export function AreasPage() {
  const { t } = useTranslation();
  const { roots } = useStaffScope();
  const [selectedId, setSelectedId] = useState<string | null>(roots[0]?.id ?? null);
  const panel = useRef<HTMLDivElement>(null);
  return (
    <Page title={t("adminAreas.title")} description={t("adminAreas.lead")}>
      <QueryState fetching={false} hasData empty={roots.length === 0} emptyText={t("adminAreas.noScope")}>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card title={t("areas.treeTitle")} className="tree-card">
              <AreaTree
                roots={roots}
                selectedId={selectedId}
                initiallyExpanded={roots.map((r) => r.id)}
                onSelect={(area) => {
                  setSelectedId(area.id);
                  requestAnimationFrame(() => panel.current?.scrollIntoView({ behavior: "smooth", block: "start" }));
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14} ref={panel}>
            {selectedId && <AreaAdminPanel areaId={selectedId} onOpenArea={setSelectedId} />}
          </Col>
        </Row>
      </QueryState>
    </Page>
  );
}
