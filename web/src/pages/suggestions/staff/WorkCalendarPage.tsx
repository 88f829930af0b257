import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function WorkCalendarPage() {
  return <Page title="工作日历">{null}</Page>;
}
