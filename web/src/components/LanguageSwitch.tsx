import { TranslationOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../gql";
import { LANGUAGES, type Language, localeFromLanguage } from "../i18n";
import { usePreferences } from "../session/preferences";
import { useViewer } from "../session/ViewerProvider";

const SaveLocaleDocument = graphql(`
  mutation SaveLocale($locale: Locale!) {
    updateMyProfile(locale: $locale) {
      __typename
      ... on MutationUpdateMyProfileSuccess {
        data {
          id
          locale
        }
      }
    }
  }
`);

const NAMES: Record<Language, string> = { "zh-CN": "中文", en: "English" };
const SHORT: Record<Language, string> = { "zh-CN": "中", en: "EN" };

/** Interface language: kept on this device, and in the profile when signed in. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setPreferences } = usePreferences();
  const { viewer } = useViewer();
  const [, save] = useMutation(SaveLocaleDocument);

  const choose = (next: Language) => {
    if (next === language) return;
    setPreferences({ language: next }, { madeSignedOut: !viewer.signedIn });
    if (viewer.signedIn) void save({ locale: localeFromLanguage(next) });
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((l) => ({ key: l, label: NAMES[l], lang: l })),
        onClick: ({ key }) => choose(key as Language),
      }}
    >
      <Button type="text" className="header-icon-button" aria-label={t("settings.language")}>
        {compact ? (
          SHORT[language]
        ) : (
          <>
            <TranslationOutlined /> {NAMES[language]}
          </>
        )}
      </Button>
    </Dropdown>
  );
}
