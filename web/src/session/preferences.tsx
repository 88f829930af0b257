import { App as AntApp, theme as antTheme, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "../i18n";

const STORAGE = {
  language: "gz.language",
  largeText: "gz.largeText",
  /** Set when a choice was made while signed out: the next sign-in copies it to the profile. */
  pending: "gz.preferencesPending",
} as const;

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private browsing can refuse storage; the choice still holds for this visit.
  }
}

export function savedLanguage(): Language {
  const value = read(STORAGE.language);
  return isLanguage(value) ? value : "zh-CN";
}

export interface Preferences {
  language: Language;
  largeText: boolean;
}

interface PreferencesContextValue extends Preferences {
  /** Applies and remembers on this device; `madeSignedOut` marks it for the next sign-in. */
  setPreferences(next: Partial<Preferences>, options?: { madeSignedOut?: boolean }): void;
  /** Whether a choice made while signed out still has to be copied to the profile. */
  hasPendingChoice(): boolean;
  clearPendingChoice(): void;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error("usePreferences outside PreferencesProvider");
  return value;
}

/** Theme tokens: bigger type and taller controls than antd's defaults, bigger still in 大字 mode. */
function themeFor(largeText: boolean) {
  return {
    algorithm: antTheme.defaultAlgorithm,
    token: {
      colorPrimary: "#1a5fb4",
      colorLink: "#1a5fb4",
      borderRadius: 8,
      fontFamily:
        '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
      fontSize: largeText ? 20 : 16,
      fontSizeLG: largeText ? 22 : 18,
      fontSizeHeading1: largeText ? 34 : 30,
      fontSizeHeading2: largeText ? 28 : 24,
      fontSizeHeading3: largeText ? 24 : 20,
      fontSizeHeading4: largeText ? 22 : 18,
      controlHeight: largeText ? 48 : 40,
      controlHeightLG: largeText ? 56 : 48,
      controlHeightSM: largeText ? 36 : 30,
      lineHeight: 1.6,
    },
    components: {
      Menu: { itemHeight: largeText ? 56 : 48, fontSize: largeText ? 20 : 16 },
      Layout: { headerBg: "#ffffff", headerPadding: "0 12px", headerHeight: largeText ? 68 : 60, siderBg: "#ffffff" },
    },
  };
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [preferences, setState] = useState<Preferences>(() => ({
    language: savedLanguage(),
    largeText: read(STORAGE.largeText) === "true",
  }));

  useEffect(() => {
    document.documentElement.classList.toggle("large-text", preferences.largeText);
  }, [preferences.largeText]);

  const setPreferences = useCallback<PreferencesContextValue["setPreferences"]>(
    (next, options) => {
      setState((current) => ({ ...current, ...next }));
      if (next.language) {
        write(STORAGE.language, next.language);
        void i18n.changeLanguage(next.language);
        document.documentElement.lang = next.language;
      }
      if (next.largeText !== undefined) write(STORAGE.largeText, String(next.largeText));
      if (options?.madeSignedOut) write(STORAGE.pending, "true");
    },
    [i18n],
  );

  const value = useMemo<PreferencesContextValue>(
    () => ({
      ...preferences,
      setPreferences,
      hasPendingChoice: () => read(STORAGE.pending) === "true",
      clearPendingChoice: () => write(STORAGE.pending, null),
    }),
    [preferences, setPreferences],
  );

  return (
    <PreferencesContext.Provider value={value}>
      <ConfigProvider
        locale={preferences.language === "en" ? enUS : zhCN}
        theme={themeFor(preferences.largeText)}
        // "登录", not "登 录": the extra space reads oddly to Chinese readers and breaks search.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </PreferencesContext.Provider>
  );
}
