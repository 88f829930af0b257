import { graphql } from "../gql";

/**
 * What an expected failure carries (read by `toOutcome`). Every mutation's result union spreads
 * it as `...Failure`; codegen embeds it in each document that does.
 */
export const FailureFragment = graphql(`
  fragment Failure on AppError {
    code
    message
    field
    retryAfterSeconds
  }
`);
