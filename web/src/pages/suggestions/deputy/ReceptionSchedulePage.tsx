import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function ReceptionSchedulePage() {
  return <Page title="接待日安排">{null}</Page>;
}
