import { CalendarOutlined } from "@ant-design/icons";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { LiaisonPostTree } from "../../components/LiaisonPostTree";
import { LinkButton } from "../../components/LinkButton";
import { Page } from "../../components/Page";

/** 家站点: where residents can meet their people's-congress deputies. */
export function LiaisonPostsPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    // Posts render after their query; wait a moment for the anchor to exist.
    const timer = window.setTimeout(() => document.querySelector(hash)?.scrollIntoView({ block: "start" }), 300);
    return () => window.clearTimeout(timer);
  }, [hash]);
  return (
    <Page
      title={t("posts.title")}
      description={t("posts.lead")}
      extra={
        // Each post's days are under /receptions?post=ID; the tree's cards take no per-post actions.
        <LinkButton to="/receptions" size="large" icon={<CalendarOutlined />}>
          {t("nav.receptions")}
        </LinkButton>
      }
    >
      <LiaisonPostTree />
    </Page>
  );
}
