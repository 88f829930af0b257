import "i18next";
import type { zhCN } from "../locales";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
