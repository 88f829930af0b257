import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Flex } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/Page";
import type { MembershipStatus } from "../../gql/graphql";
import { useViewer } from "../../session/ViewerProvider";
import { HouseholdPicker } from "./HouseholdPicker";
import { MembershipCard } from "./MembershipCard";

/** A resident's homes and their verification; verification is what lets them vote. */
export function MyHomePage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const memberships = viewer.memberships;
  const verified = memberships.some((m) => m.status === "VERIFIED");
  const pending = memberships.some((m) => m.status === "PENDING");
  const [adding, setAdding] = useState(false);
  useAnnounceDecisions(memberships);

  const showPicker = adding || (!verified && !pending);
  return (
    <Page title={t("myHome.title")} description={t("myHome.lead")}>
      <Flex vertical gap={16}>
        {verified ? (
          <Alert type="success" showIcon title={t("myHome.verifiedBanner")} />
        ) : pending ? (
          <Alert type="info" showIcon title={t("myHome.pendingBanner")} />
        ) : (
          <Alert type="warning" showIcon title={t("myHome.unverifiedBanner")} />
        )}
        {memberships.map((membership) => (
          <MembershipCard key={membership.id} membership={membership} />
        ))}
        {showPicker ? (
          <HouseholdPicker onDone={() => setAdding(false)} onCancel={adding ? () => setAdding(false) : undefined} />
        ) : (
          <Button icon={<PlusOutlined />} size="large" onClick={() => setAdding(true)} className="add-home-button">
            {t("myHome.addAnother")}
          </Button>
        )}
      </Flex>
    </Page>
  );
}

/** When staff decide while the page is open (live via viewerChanged), say so. */
function useAnnounceDecisions(memberships: readonly { id: string; status: MembershipStatus }[]) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const previous = useRef(new Map<string, MembershipStatus>());
  useEffect(() => {
    for (const m of memberships) {
      const before = previous.current.get(m.id);
      if (before && before !== m.status) {
        notification.info({ title: t(`myHome.changed.${m.status}`), placement: "top" });
      }
      previous.current.set(m.id, m.status);
    }
  }, [memberships, notification, t]);
}
