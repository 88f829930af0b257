import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Page } from "../../components/Page";
import { CouncilsTab } from "./CouncilsTab";
import { DepartmentsTab } from "./DepartmentsTab";
import { PostsTab } from "./PostsTab";

const TABS = ["councils", "departments", "posts"] as const;
type Tab = (typeof TABS)[number];

/** 组织架构: the councils, departments and 家站点 every other feature hangs on. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = TABS.find((tab) => tab === params.get("tab")) ?? "councils";
  return (
    <Page title={t("organisation.title")} description={t("organisation.lead")}>
      <Tabs
        activeKey={current}
        onChange={(key) => setParams({ tab: key as Tab }, { replace: true })}
        items={[
          { key: "councils", label: t("organisation.councils"), children: <CouncilsTab /> },
          { key: "departments", label: t("organisation.departments"), children: <DepartmentsTab /> },
          { key: "posts", label: t("organisation.posts"), children: <PostsTab /> },
        ]}
      />
    </Page>
  );
}
