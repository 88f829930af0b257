import { Card, Col, Flex, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../components/LinkButton";
import { Page } from "../../components/Page";
import { useViewer } from "../../session/ViewerProvider";
import { AreaBrowser } from "./AreaBrowser";

const PARTS = ["topics", "projects", "voting", "suggestions"] as const;

/** What 共治 is, and the map of the street's communities, for everyone. */
export function HomePage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  return (
    <Page title={t("home.title")} description={t("home.lead")}>
      <Card className="home-hero" variant="borderless">
        <Typography.Paragraph className="home-hero-text">{t("home.intro")}</Typography.Paragraph>
        <Flex gap={12} wrap>
          {viewer.signedIn ? (
            <LinkButton to="/me/home" type="primary" size="large">
              {t("home.goMyHome")}
            </LinkButton>
          ) : (
            <LinkButton to="/sign-in" type="primary" size="large">
              {t("home.signInCta")}
            </LinkButton>
          )}
          <LinkButton to="/posts" size="large">
            {t("home.postsCta")}
          </LinkButton>
        </Flex>
      </Card>

      <Row gutter={[16, 16]} className="home-parts">
        {PARTS.map((part) => (
          <Col xs={24} sm={12} xl={6} key={part}>
            <Card title={t(`home.parts.${part}.title`)} className="home-part" variant="outlined">
              <Typography.Paragraph className="home-part-text">{t(`home.parts.${part}.text`)}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>

      <Typography.Title level={3} className="section-title">
        {t("home.mapTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("home.mapHint")}</Typography.Paragraph>
      <AreaBrowser />
    </Page>
  );
}
