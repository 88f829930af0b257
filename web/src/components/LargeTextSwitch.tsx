import { FontSizeOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { usePreferences } from "../session/preferences";
import { useViewer } from "../session/ViewerProvider";

const SaveLargeTextDocument = graphql(`
  mutation SaveLargeText($largeText: Boolean!) {
    updateMyProfile(largeText: $largeText) {
      __typename
      ... on MutationUpdateMyProfileSuccess {
        data {
          id
          largeText
        }
      }
    }
  }
`);

/** 长辈模式: bigger text and taller buttons everywhere, remembered like the language. */
export function LargeTextSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { largeText, setPreferences } = usePreferences();
  const { viewer } = useViewer();
  const [, save] = useMutation(SaveLargeTextDocument);

  const toggle = () => {
    const next = !largeText;
    setPreferences({ largeText: next }, { madeSignedOut: !viewer.signedIn });
    if (viewer.signedIn) void save({ largeText: next });
  };

  const button = (
    <Button
      type={largeText ? "primary" : "text"}
      ghost={largeText}
      className="header-icon-button"
      aria-pressed={largeText}
      aria-label={t("settings.largeText")}
      onClick={toggle}
    >
      {compact ? (
        t("settings.largeTextShort")
      ) : (
        <>
          <FontSizeOutlined /> {t("settings.largeText")}
        </>
      )}
    </Button>
  );
  // On phones a tooltip would stay on screen after the tap; the label says enough there.
  return compact ? (
    button
  ) : (
    <Tooltip title={largeText ? t("settings.largeTextOff") : t("settings.largeTextOn")}>{button}</Tooltip>
  );
}
