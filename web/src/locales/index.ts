import en from "./en.json";
import suggestionsEn from "./suggestions/common.en.json";
import suggestionsZhCN from "./suggestions/common.zh-CN.json";
import deputyEn from "./suggestions/deputy.en.json";
import deputyZhCN from "./suggestions/deputy.zh-CN.json";
import officeEn from "./suggestions/office.en.json";
import officeZhCN from "./suggestions/office.zh-CN.json";
import residentEn from "./suggestions/resident.en.json";
import residentZhCN from "./suggestions/resident.zh-CN.json";
import zhCNBase from "./zh-CN.json";

// One translation per language, assembled from a file per part of the product so that work on
// one part does not touch another's strings. Keys: `suggestion` (shared words: statuses,
// categories…), `suggestResident` (resident and public pages), `suggestDeputy` (the deputy's
// workbench), `suggestOffice` (departments and staff).
export const zhCN = {
  ...zhCNBase,
  suggestion: suggestionsZhCN,
  suggestResident: residentZhCN,
  suggestDeputy: deputyZhCN,
  suggestOffice: officeZhCN,
};

// `satisfies` makes the compiler check that English has every key the Chinese text has.
export const english = {
  ...en,
  suggestion: suggestionsEn,
  suggestResident: residentEn,
  suggestDeputy: deputyEn,
  suggestOffice: officeEn,
} satisfies typeof zhCN;
