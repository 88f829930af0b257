import { describe, expect, it } from "vitest";
import { schema } from "../../schema.js";

/** Unwraps lists and non-nulls (by shape: vitest may load a second copy of graphql). */
function namedType(type: unknown): string {
  let current = type as { ofType?: unknown; name?: string };
  while (current.ofType) current = current.ofType as typeof current;
  return current.name ?? "";
}

// Secret ballots: no API may link a person to a choice. Proven here from the schema itself:
// neither ballots, their choices, nor the roll of who may vote are reachable from any type.
describe("the GraphQL schema", () => {
  const types = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__"));

  it("has no type for ballots, ballot choices, participation or the frozen roll", () => {
    const names = types.map((type) => type.name);
    for (const hidden of ["Ballot", "BallotChoice", "VoteParticipation", "VoteRollEntry"]) {
      expect(names).not.toContain(hidden);
    }
  });

  it("exposes no field that lists ballots, the roll, participations or the secret slots", () => {
    // castBallot/recordPaperBallot/verifyReceipt are fine: they take a ballot in, or answer a
    // receipt holder; what must not exist is a way to list ballots or who is on the roll.
    const forbidden =
      /^(ballots?|ballotChoices|choices|roll|rollEntries|participations?|voters?|slot|slotKey|receiptHash)$/i;
    // An open (记名) ballot's sheet is meant to say who chose what, to the council: it answers
    // null for every secret vote (engine.test.ts proves that from the data).
    const openBallotSheet = new Set(["Vote.openBallots", "OpenBallot.voter", "OpenBallot.choices"]);
    const offending: string[] = [];
    for (const type of types) {
      if (!("getFields" in type && "getInterfaces" in type)) continue; // object types only
      for (const field of Object.values(type.getFields())) {
        if (openBallotSheet.has(`${type.name}.${field.name}`)) continue;
        if (
          forbidden.test(field.name) ||
          /^(Ballot|BallotChoice|VoteParticipation|VoteRollEntry)$/.test(namedType(field.type))
        ) {
          offending.push(`${type.name}.${field.name}: ${namedType(field.type)}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });
});
