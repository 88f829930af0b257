import { Page } from "../../../components/Page";

/** Placeholder: being built. */
export function DepartmentQueuePage() {
  return <Page title="承办件">{null}</Page>;
}
