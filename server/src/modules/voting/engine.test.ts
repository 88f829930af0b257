import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AreaTree, type Factories, factories, type Person } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";

let t: TestApp;
let f: Factories;
let tree: AreaTree;
let staff: Person;

const CREATE = `mutation($input_subjectId: ID!, $ballotType: BallotType!, $countingUnit: CountingUnit!, $areaId: ID, $threshold: ThresholdRule, $secret: Boolean, $sealed: Boolean, $options: [NewVoteOptionInput!], $quorumPercent: Int, $maxChoices: Int, $budgetFen: Int) {
  createVote(subject: TOPIC, subjectId: $input_subjectId, title: "加装电梯", question: "是否同意为1号楼加装电梯？", ballotType: $ballotType,
    countingUnit: $countingUnit, areaId: $areaId, threshold: $threshold, secret: $secret, sealed: $sealed, options: $options,
    quorumPercent: $quorumPercent, maxChoices: $maxChoices, budgetFen: $budgetFen) {
    __typename ... on MutationCreateVoteSuccess { data { id options { id label } } } ${APP_ERROR}
  }
}`;
const TRANSITION = `mutation($id: ID!, $to: VoteTransition!) { transitionVote(id: $id, to: $to) {
  __typename ... on MutationTransitionVoteSuccess { data { id status rollSize result } } ${APP_ERROR} } }`;
const CAST = `mutation($voteId: ID!, $optionIds: [ID!]!) { castBallot(voteId: $voteId, optionIds: $optionIds) {
  __typename ... on MutationCastBallotSuccess { data { receiptCode replaced } } ${APP_ERROR} } }`;
const TALLY = `query($id: ID!) { vote(id: $id) { tally { version participants rollSize sealed options { optionId label count floorAreaSqm } } } }`;

type Created = { id: string; options: { id: string; label: string }[] };
type Tally = {
  version: number;
  participants: number;
  rollSize: number;
  sealed: boolean;
  options: { optionId: string; label: string; count: number; floorAreaSqm: number }[] | null;
};

async function topic(area = tree.sanlin) {
  const raiser = await f.createAccount();
  return t.db.prisma.topic.create({
    data: {
      councilId: area.council.id,
      areaId: area.neighbourhood.id,
      title: "加装电梯",
      body: "…",
      source: "RESIDENT",
      raisedById: raiser.id,
    },
  });
}

async function createVote(
  variables: Record<string, unknown>,
  token = staff.token,
  area = tree.sanlin,
): Promise<Created> {
  const subject = await topic(area);
  return succeeded<Created>(
    await t.gql(CREATE, { input_subjectId: String(subject.id), areaId: String(area.compound.id), ...variables }, token),
    "createVote",
  );
}

async function openVote(id: string) {
  return succeeded<{ rollSize: number }>(await t.gql(TRANSITION, { id, to: "OPEN" }, staff.token), "transitionVote");
}

async function tally(id: string): Promise<Tally> {
  const response = await t.gql<{ vote: { tally: Tally } }>(TALLY, { id });
  return response.data?.vote.tally as Tally;
}

/** The count recomputed from the ballot rows themselves, to compare with the engine's. */
async function recount(voteId: string) {
  const rows = await t.db.prisma.ballotChoice.groupBy({
    by: ["optionId"],
    where: { ballot: { voteId: Number(voteId) }, rank: 1 },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [String(row.optionId), row._count._all]));
}

beforeAll(async () => {
  t = await startTestApp();
  f = factories(t);
  tree = await f.createAreaTree();
  staff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
});

afterAll(async () => {
  await t?.close();
});

describe("a household vote", () => {
  it("freezes every household of the area on the roll, counts one ballot per household, and the last cast replaces", async () => {
    const a1 = await f.seedResident({ building: tree.sanlin.building });
    // A second adult of the same household.
    const a2 = await f.seedPerson();
    await t.db.prisma.householdMember.create({
      data: { householdId: a1.household.id, accountId: a2.account.id, status: "VERIFIED" },
    });
    const b = await f.seedResident({ building: tree.sanlin.building });
    // A household nobody has verified yet still belongs to the electorate (they can vote on paper).
    await f.createHousehold({ building: tree.sanlin.building });

    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "HOUSEHOLD" });
    const [yes, no] = vote.options;
    const opened = await openVote(vote.id);
    expect(opened.rollSize).toBe(3);

    // Both adults of household A, many times at once, alternating their choice.
    const casts = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        t.gql(CAST, { voteId: vote.id, optionIds: [i % 2 ? yes?.id : no?.id] }, i % 2 ? a1.token : a2.token),
      ),
    );
    const outcomes = casts.map(
      (response) => (response.data?.castBallot as { __typename: string } | undefined)?.__typename,
    );
    expect(outcomes.every((name) => name === "MutationCastBallotSuccess")).toBe(true);
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [yes?.id] }, b.token), "castBallot");

    const participations = await t.db.prisma.voteParticipation.findMany({ where: { voteId: Number(vote.id) } });
    expect(participations).toHaveLength(2);
    expect(participations.map((p) => p.castCount).sort((x, y) => x - y)).toEqual([1, 16]);
    expect(await t.db.prisma.ballot.count({ where: { voteId: Number(vote.id) } })).toBe(2);

    const live = await tally(vote.id);
    expect(live.participants).toBe(2);
    expect(live.version).toBe(17);
    const counted = Object.fromEntries(
      (live.options ?? []).filter((o) => o.count > 0).map((o) => [o.optionId, o.count]),
    );
    expect(counted).toEqual(await recount(vote.id));
  });

  it("refuses people outside the electorate, unverified people, and anyone after close", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "HOUSEHOLD" });
    const insider = await f.seedResident({ building: tree.sanlin.building });
    const outsider = await f.seedResident({ building: tree.jinju.building });
    const pending = await f.seedResident({ building: tree.sanlin.building, status: "PENDING" });
    await openVote(vote.id);
    const yes = vote.options[0]?.id;
    expect(failed(await t.gql(CAST, { voteId: vote.id, optionIds: [yes] }, outsider.token), "castBallot").code).toBe(
      "NOT_ELIGIBLE",
    );
    expect(failed(await t.gql(CAST, { voteId: vote.id, optionIds: [yes] }, pending.token), "castBallot").code).toBe(
      "NOT_ELIGIBLE",
    );
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [yes, vote.options[1]?.id] }, insider.token), "castBallot")
        .code,
    ).toBe("VALIDATION");
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token), "transitionVote");
    expect(failed(await t.gql(CAST, { voteId: vote.id, optionIds: [yes] }, insider.token), "castBallot").code).toBe(
      "VOTE_CLOSED",
    );
    expect((await tally(vote.id)).participants).toBe(0);
  });

  it("keeps the roll frozen: someone verified after opening is not added", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT" });
    const before = await openVote(vote.id);
    const late = await f.seedResident({ building: tree.sanlin.building });
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, late.token), "castBallot").code,
    ).toBe("NOT_ELIGIBLE");
    expect((await tally(vote.id)).rollSize).toBe(before.rollSize);
  });
});

describe("a secret ballot", () => {
  it("stores no link from a person to a choice, yet stops double voting and lets the voter check their receipt", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT", secret: true });
    const voter = await f.seedResident({ building: tree.sanlin.building });
    await openVote(vote.id);
    const [yes, no] = vote.options;
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [yes?.id] }, voter.token), "castBallot");
    const second = succeeded<{ receiptCode: string; replaced: boolean }>(
      await t.gql(CAST, { voteId: vote.id, optionIds: [no?.id] }, voter.token),
      "castBallot",
    );
    expect(second.replaced).toBe(true);

    const ballots = await t.db.prisma.ballot.findMany({ where: { voteId: Number(vote.id) } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]?.rollEntryId).toBeNull();
    // While open the voter sees their own choice…
    const mine = await t.gql<{ vote: { myStatus: { hasVoted: boolean; optionIds: string[] | null } } }>(
      `query($id: ID!) { vote(id: $id) { myStatus { hasVoted optionIds } } }`,
      { id: vote.id },
      voter.token,
    );
    expect(mine.data?.vote.myStatus).toEqual({ hasVoted: true, optionIds: [no?.id] });

    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token), "transitionVote");
    // …after close the key that could relate them is gone, for everyone.
    const closed = await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(vote.id) } });
    expect(closed.slotKey).toBeNull();
    const after = await t.gql<{ vote: { myStatus: { hasVoted: boolean; optionIds: string[] | null } } }>(
      `query($id: ID!) { vote(id: $id) { myStatus { hasVoted optionIds } } }`,
      { id: vote.id },
      voter.token,
    );
    expect(after.data?.vote.myStatus).toEqual({ hasVoted: true, optionIds: null });

    const check = await t.gql<{ verifyReceipt: { found: boolean; optionLabels: string[] } }>(
      `query($voteId: ID!, $code: String!) { verifyReceipt(voteId: $voteId, code: $code) { found optionLabels } }`,
      { voteId: vote.id, code: second.receiptCode.toLowerCase() },
    );
    expect(check.data?.verifyReceipt).toEqual({ found: true, optionLabels: ["反对"] });
  });
});

describe("a sealed vote", () => {
  it("shows turnout but no figure per option until it closes", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT", sealed: true });
    const voter = await f.seedResident({ building: tree.sanlin.building });
    await openVote(vote.id);
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot");
    for (const token of [undefined, staff.token, voter.token]) {
      const sealed = await t.gql<{ vote: { tally: Tally; result: unknown } }>(
        `query($id: ID!) { vote(id: $id) { result tally { participants sealed options { count } checks { label } } } }`,
        { id: vote.id },
        token,
      );
      // Not even the approval condition's progress ("赞成 1，需…") shows while sealed.
      expect(sealed.data?.vote.tally).toMatchObject({ participants: 1, sealed: true, options: null, checks: [] });
      expect(sealed.data?.vote.result).toBeNull();
    }
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token), "transitionVote");
    expect((await tally(vote.id)).options?.[0]?.count).toBe(1);
    const after = await t.gql<{ vote: { tally: { checks: { label: string; met: boolean }[] } } }>(
      `query($id: ID!) { vote(id: $id) { tally { checks { label met } } } }`,
      { id: vote.id },
    );
    expect(after.data?.vote.tally.checks).toEqual([{ label: "赞成 1，需超过参与人数的一半（1）", met: true }]);
  });
});

describe("paper ballots", () => {
  it("count once with online ones: a household that voted on paper cannot vote online too", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "HOUSEHOLD" });
    const resident = await f.seedResident({ building: tree.sanlin.building });
    await openVote(vote.id);
    const PAPER = `mutation($voteId: ID!, $householdId: ID, $optionIds: [ID!]!) { recordPaperBallot(voteId: $voteId, householdId: $householdId, optionIds: $optionIds) {
      __typename ... on MutationRecordPaperBallotSuccess { data { receiptCode } } ${APP_ERROR} } }`;
    succeeded(
      await t.gql(
        PAPER,
        { voteId: vote.id, householdId: String(resident.household.id), optionIds: [vote.options[1]?.id] },
        staff.token,
      ),
      "recordPaperBallot",
    );
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, resident.token), "castBallot")
        .code,
    ).toBe("CONFLICT");
    const participation = await t.db.prisma.voteParticipation.findFirstOrThrow({ where: { voteId: Number(vote.id) } });
    expect(participation).toMatchObject({ channel: "PAPER", enteredById: staff.account.id });
    expect((await tally(vote.id)).participants).toBe(1);
    // Only staff enter paper ballots.
    const someone = await f.seedResident({ building: tree.sanlin.building });
    const refused = await t.gql(
      PAPER,
      { voteId: vote.id, householdId: String(someone.household.id), optionIds: [vote.options[0]?.id] },
      someone.token,
    );
    expect(JSON.stringify(refused)).toContain("FORBIDDEN");
  });
});

describe("closing", () => {
  it("applies 民法典 278 and says which rule applied, with the figures", async () => {
    const staffJinju = await f.seedStaff({ area: tree.jinju.neighbourhood });
    const vote = await createVote(
      {
        ballotType: "YES_NO_ABSTAIN",
        countingUnit: "HOUSEHOLD",
        threshold: "CIVIL_CODE_278",
        areaId: String(tree.jinju.building.id),
      },
      staffJinju.token,
      tree.jinju,
    );
    // 3 households of 90 m²: 2 must take part; both approve.
    const voters = [
      await f.seedResident({ building: tree.jinju.building }),
      await f.seedResident({ building: tree.jinju.building }),
    ];
    await f.createHousehold({ building: tree.jinju.building, floorAreaSqm: 80 });
    const roll = await t.db.prisma.household.count({ where: { buildingId: tree.jinju.building.id } });
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "OPEN" }, staffJinju.token), "transitionVote");
    for (const voter of voters)
      succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot");
    const closed = succeeded<{
      result: {
        rule: string;
        outcome: string;
        checks: { label: string; met: boolean }[];
        participants: number;
        rollSize: number;
      };
    }>(await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staffJinju.token), "transitionVote");
    expect(closed.result.rule).toBe("CIVIL_CODE_278");
    expect(closed.result.rollSize).toBe(roll);
    expect(closed.result.participants).toBe(2);
    expect(closed.result.checks[0]?.label).toContain(`参与户数 2/${roll}`);
    expect(closed.result.outcome).toBe(2 * 3 >= roll * 2 ? "PASSED" : "NOT_PASSED");
    // Staff of another area may not run this vote.
    expect(failed(await t.gql(TRANSITION, { id: vote.id, to: "PUBLISHED" }, staff.token), "transitionVote").code).toBe(
      "FORBIDDEN",
    );
    // Published, the result is public.
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "PUBLISHED" }, staffJinju.token), "transitionVote");
    const publicView = await t.gql<{ vote: { result: { outcome: string } } }>(
      `query($id: ID!) { vote(id: $id) { result } }`,
      { id: vote.id },
    );
    expect(publicView.data?.vote.result.outcome).toBe(closed.result.outcome);
  });
});

describe("the live tally", () => {
  it("reaches subscribers after a cast", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT" });
    const voter = await f.seedResident({ building: tree.sanlin.building });
    await openVote(vote.id);
    const client = t.wsClient();
    const live = t.subscribe<{ voteTally: { participants: number; version: number } }>(
      client,
      `subscription($id: ID!) { voteTally(voteId: $id) { participants version } }`,
      { id: vote.id },
    );
    // The first result is the count at subscription time: from then on the stream is listening.
    await live.waitFor((r) => r.voteTally.participants === 0);
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot");
    const update = await live.waitFor((r) => r.voteTally.participants === 1);
    expect(update.voteTally.version).toBe(1);
  });
});
