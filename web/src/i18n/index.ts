import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { english, zhCN } from "../locales";

export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The profile's Locale enum and the UI language are two spellings of the same choice. */
export const languageFromLocale = (locale: "ZH_CN" | "EN"): Language => (locale === "EN" ? "en" : "zh-CN");
export const localeFromLanguage = (language: Language): "ZH_CN" | "EN" => (language === "en" ? "EN" : "ZH_CN");

// `satisfies` makes the compiler check that English has every key the Chinese text has.
export const resources = {
  "zh-CN": { translation: zhCN },
  en: { translation: english },
} as const;

/** Starts i18next synchronously (the strings are bundled), in the saved or default language. */
export function initI18n(language: Language) {
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: "zh-CN",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // No advertisement in residents' consoles.
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  return i18n;
}
