import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Area } from "../../generated/prisma/client.js";
import { createLogger } from "../../logger.js";
import { type AreaTree, type Factories, factories, type Person } from "../../testing/factories.js";
import { startTestApp, type TestApp } from "../../testing/harness.js";
import { APP_ERROR, failed, succeeded } from "../../testing/results.js";
import { runVoteClock } from "./service.js";

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
const TALLY = `query($id: ID!) { vote(id: $id) { tally { version participants rollSize sealed options { optionId label count floorAreaSqm } funded { optionIds totalFen remainingFen } } } }`;

type Created = { id: string; options: { id: string; label: string }[] };
type Tally = {
  version: number;
  participants: number;
  rollSize: number;
  sealed: boolean;
  options: { optionId: string; label: string; count: number; floorAreaSqm: number }[] | null;
  funded: { optionIds: string[]; totalFen: number; remainingFen: number | null } | null;
};

function topic(area = tree.sanlin) {
  return f.createTopic({ area, title: "加装电梯" });
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
    where: { ballot: { voteId: Number(voteId) } },
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
    const vote = await createVote({
      ballotType: "YES_NO_ABSTAIN",
      countingUnit: "RESIDENT",
      secret: true,
      sealed: true,
    });
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
    // The receipt proves the ballot counted, not how it chose: it cannot be shown off as proof.
    expect(check.data?.verifyReceipt).toEqual({ found: true, optionLabels: null });
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

  it("does not say which projects a sealed budget would fund until it closes", async () => {
    const options = [
      { label: "口袋公园", costFen: 3_000_000 },
      { label: "充电棚", costFen: 2_000_000 },
    ];
    const vote = await createVote({
      ballotType: "BUDGET",
      countingUnit: "RESIDENT",
      options,
      sealed: true,
      budgetFen: 4_000_000,
    });
    const voter = await f.seedResident({ building: tree.sanlin.building });
    await openVote(vote.id);
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[1]?.id] }, voter.token), "castBallot");
    expect(await tally(vote.id)).toMatchObject({ participants: 1, options: null, funded: null });
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token), "transitionVote");
    expect((await tally(vote.id)).funded).toEqual({
      optionIds: [vote.options[1]?.id],
      totalFen: 2_000_000,
      remainingFen: 2_000_000,
    });
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

describe("counting every ballot type", () => {
  it("counts each option a multiple-choice ballot chose, and the recount agrees", async () => {
    const options = [{ label: "口袋公园" }, { label: "健身步道" }, { label: "充电车棚" }];
    const vote = await createVote({ ballotType: "MULTIPLE_CHOICE", countingUnit: "RESIDENT", options, maxChoices: 3 });
    const voters = await Promise.all([1, 2, 3].map(() => f.seedResident({ building: tree.sanlin.building })));
    await openVote(vote.id);
    const [park, path, shed] = vote.options.map((o) => o.id);
    const ballots = [[park, path], [path], [park, path, shed]];
    for (const [i, voter] of voters.entries())
      succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: ballots[i] }, voter.token), "castBallot");
    const live = await tally(vote.id);
    expect(live.options?.map((o) => o.count)).toEqual([2, 3, 1]);
    expect(Object.fromEntries((live.options ?? []).map((o) => [o.optionId, o.count]))).toEqual(await recount(vote.id));
    const closed = succeeded<{ result: { outcome: string; winners: number[] } }>(
      await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token),
      "transitionVote",
    );
    expect(closed.result).toMatchObject({ outcome: "DECIDED", winners: [Number(path)] });
  });

  it("funds a participatory budget's projects by approvals, within the pool", async () => {
    const options = [
      { label: "凌八口袋公园", costFen: 6_000_000 },
      { label: "金橘苑无障碍坡道", costFen: 5_000_000 },
      { label: "新三健身步道", costFen: 4_000_000 },
    ];
    const vote = await createVote({ ballotType: "BUDGET", countingUnit: "RESIDENT", options, budgetFen: 10_000_000 });
    const voters = await Promise.all([1, 2, 3].map(() => f.seedResident({ building: tree.sanlin.building })));
    await openVote(vote.id);
    const [park, ramp, path] = vote.options.map((o) => o.id);
    // Over the pool (60 + 50 万 > 100 万): refused, nothing counted.
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [park, ramp] }, voters[0]?.token), "castBallot"),
    ).toMatchObject({ code: "VALIDATION", field: "optionIds" });
    const ballots = [[park, path], [ramp, path], [path]];
    for (const [i, voter] of voters.entries())
      succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: ballots[i] }, voter.token), "castBallot");
    const live = await tally(vote.id);
    expect(live.options?.map((o) => o.count)).toEqual([1, 1, 3]);
    // Live, the page shows what would be funded if it closed now: the same allocation as the close.
    expect(live.funded).toEqual({ optionIds: [path, park], totalFen: 10_000_000, remainingFen: 0 });
    const closed = succeeded<{ result: { allocation: { optionId: number }[]; remainingFen: number } }>(
      await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token),
      "transitionVote",
    );
    // 步道 (3 approvals, 40 万) first; then the tie at 1 goes to the option listed first (公园, 60 万);
    // the 坡道 no longer fits.
    expect(closed.result.allocation.map((a) => String(a.optionId))).toEqual([path, park]);
    expect(closed.result.remainingFen).toBe(0);
  });

  it("refuses a threshold that the ballot type would not apply", async () => {
    const subject = await topic();
    const refused = await t.gql(
      CREATE,
      {
        input_subjectId: String(subject.id),
        ballotType: "SINGLE_CHOICE",
        countingUnit: "RESIDENT",
        options: [{ label: "甲" }, { label: "乙" }],
        threshold: "TWO_THIRDS",
      },
      staff.token,
    );
    expect(failed(refused, "createVote")).toMatchObject({ code: "VALIDATION", field: "threshold" });
  });
});

describe("who may organise a vote", () => {
  it("keeps a facilitator to their own council's subjects and area, and shows them the result at close", async () => {
    const facilitator = await f.seedCouncilMember({ council: tree.sanlin.council, role: "FACILITATOR" });
    const base = { ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT" };
    // Another council's topic, even with their own council named: refused.
    const jinjuTopic = await topic(tree.jinju);
    const otherTopic = await t.gql(
      CREATE,
      { ...base, input_subjectId: String(jinjuTopic.id), areaId: String(tree.jinju.compound.id) },
      facilitator.token,
    );
    expect(failed(otherTopic, "createVote").code).toBe("FORBIDDEN");
    // Their own topic, but the whole street as the electorate: refused.
    const ownTopic = await topic(tree.sanlin);
    const tooWide = await t.gql(
      CREATE,
      { ...base, input_subjectId: String(ownTopic.id), areaId: String(tree.street.id) },
      facilitator.token,
    );
    expect(failed(tooWide, "createVote").code).toBe("FORBIDDEN");
    // Their own topic inside their council's area: allowed, and they run it to the end.
    const voter = await f.seedResident({ building: tree.sanlin.building });
    const vote = succeeded<Created>(
      await t.gql(
        CREATE,
        { ...base, input_subjectId: String(ownTopic.id), areaId: String(tree.sanlin.compound.id) },
        facilitator.token,
      ),
      "createVote",
    );
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "OPEN" }, facilitator.token), "transitionVote");
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot");
    const closed = succeeded<{ result: { outcome: string } | null }>(
      await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, facilitator.token),
      "transitionVote",
    );
    expect(closed.result?.outcome).toBe("PASSED");
    // Before 公示 the result is the organisers' alone.
    const residentView = await t.gql<{ vote: { result: unknown } }>(
      `query($id: ID!) { vote(id: $id) { result } }`,
      { id: vote.id },
      voter.token,
    );
    expect(residentView.data?.vote.result).toBeNull();
  });

  it("refuses a secret ballot whose count would show live", async () => {
    const subject = await topic();
    const refused = await t.gql(
      CREATE,
      { input_subjectId: String(subject.id), ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT", secret: true },
      staff.token,
    );
    expect(failed(refused, "createVote")).toMatchObject({ code: "VALIDATION", field: "sealed" });
  });
});

describe("an open ballot's sheet", () => {
  const SHEET = `query($id: ID!) { vote(id: $id) { openBallots { voter choices channel } } }`;
  it("shows the council who chose what on an open ballot, and nothing on a secret one", async () => {
    const member = await f.seedCouncilMember({ council: tree.sanlin.council });
    const voter = await f.seedResident({ building: tree.sanlin.building });
    const open = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT" });
    const secret = await createVote({
      ballotType: "YES_NO_ABSTAIN",
      countingUnit: "RESIDENT",
      secret: true,
      sealed: true,
    });
    for (const vote of [open, secret]) {
      await openVote(vote.id);
      succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[1]?.id] }, voter.token), "castBallot");
    }
    type Sheet = { vote: { openBallots: { voter: string; choices: string[]; channel: string }[] | null } };
    for (const token of [staff.token, member.token]) {
      const sheet = await t.gql<Sheet>(SHEET, { id: open.id }, token);
      expect(sheet.data?.vote.openBallots).toContainEqual({
        voter: voter.account.displayName,
        choices: ["反对"],
        channel: "ONLINE",
      });
      expect((await t.gql<Sheet>(SHEET, { id: secret.id }, token)).data?.vote.openBallots).toBeNull();
    }
    for (const token of [voter.token, undefined])
      expect((await t.gql<Sheet>(SHEET, { id: open.id }, token)).data?.vote.openBallots).toBeNull();
  });
});

describe("a secret ballot's rows after close", () => {
  it("share nothing with the participation rows: not the writing transaction, not the ids", async () => {
    const vote = await createVote({
      ballotType: "YES_NO_ABSTAIN",
      countingUnit: "RESIDENT",
      secret: true,
      sealed: true,
    });
    const voters = await Promise.all([1, 2, 3].map(() => f.seedResident({ building: tree.sanlin.building })));
    await openVote(vote.id);
    const receipts: string[] = [];
    for (const voter of voters) {
      const cast = succeeded<{ receiptCode: string }>(
        await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token),
        "castBallot",
      );
      receipts.push(cast.receiptCode);
    }
    const paired = async () => {
      const [row] = await t.db.prisma.$queryRaw<{ paired: number }[]>`
        SELECT COUNT(*)::int AS paired FROM "Ballot" b JOIN "VoteParticipation" p ON p.xmin = b.xmin
        WHERE b."voteId" = ${Number(vote.id)} AND p."voteId" = ${Number(vote.id)}`;
      return row?.paired;
    };
    const idsBefore = (await t.db.prisma.ballot.findMany({ where: { voteId: Number(vote.id) } })).map((b) => b.id);
    // While open, each ballot was written with its voter's participation: PostgreSQL pairs them.
    expect(await paired()).toBe(3);
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "CLOSED" }, staff.token), "transitionVote");
    expect(await paired()).toBe(0);
    const after = await t.db.prisma.ballot.findMany({ where: { voteId: Number(vote.id) }, include: { choices: true } });
    expect(after).toHaveLength(3);
    expect(after.some((b) => idsBefore.includes(b.id))).toBe(false);
    expect(after.every((b) => b.choices.length === 1)).toBe(true);
    // The count and every receipt still hold.
    expect((await tally(vote.id)).options?.[0]?.count).toBe(3);
    for (const code of receipts) {
      const check = await t.gql<{ verifyReceipt: { found: boolean } }>(
        `query($voteId: ID!, $code: String!) { verifyReceipt(voteId: $voteId, code: $code) { found } }`,
        { voteId: vote.id, code },
      );
      expect(check.data?.verifyReceipt.found).toBe(true);
    }
  });
});

describe("the clock", () => {
  const deps = () => ({ prisma: t.db.prisma, pubsub: t.pubsub, logger: createLogger("silent", false) });
  const SCHEDULE = `mutation($input_subjectId: ID!, $areaId: ID, $opensAt: DateTime, $closesAt: DateTime) {
    createVote(subject: TOPIC, subjectId: $input_subjectId, title: "定时表决", question: "是否同意？", ballotType: YES_NO_ABSTAIN,
      countingUnit: RESIDENT, areaId: $areaId, opensAt: $opensAt, closesAt: $closesAt) {
      __typename ... on MutationCreateVoteSuccess { data { id options { id label } } } ${APP_ERROR}
    }
  }`;
  async function scheduled(area: Area) {
    const subject = await topic();
    const opensAt = new Date(Date.now() + 60_000);
    const closesAt = new Date(Date.now() + 120_000);
    const vote = succeeded<Created>(
      await t.gql(
        SCHEDULE,
        { input_subjectId: String(subject.id), areaId: String(area.id), opensAt, closesAt },
        staff.token,
      ),
      "createVote",
    );
    succeeded(await t.gql(TRANSITION, { id: vote.id, to: "SCHEDULED" }, staff.token), "transitionVote");
    return { vote, opensAt, closesAt };
  }

  it("opens a scheduled vote when its time comes and closes it at its closing time", async () => {
    const voter = await f.seedResident({ building: tree.sanlin.building });
    const { vote, opensAt, closesAt } = await scheduled(tree.sanlin.compound);
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot"),
    ).toMatchObject({ code: "VOTE_CLOSED", message: "表决尚未开始" });
    await runVoteClock(deps(), new Date(opensAt.getTime() - 1_000));
    expect((await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(vote.id) } })).status).toBe("SCHEDULED");
    await runVoteClock(deps(), opensAt);
    const opened = await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(vote.id) } });
    expect(opened).toMatchObject({ status: "OPEN", rollSize: expect.any(Number) });
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot");
    await runVoteClock(deps(), closesAt);
    const closed = await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(vote.id) } });
    expect(closed.status).toBe("CLOSED");
    expect((closed.result as { participants: number }).participants).toBe(1);
  });

  it("returns a scheduled vote nobody can vote in to draft, and tells its organiser", async () => {
    const empty = await f.createArea({ kind: "BUILDING", name: "空置楼", parent: tree.sanlin.compound });
    const { vote, opensAt } = await scheduled(empty);
    await runVoteClock(deps(), opensAt);
    const after = await t.db.prisma.vote.findUniqueOrThrow({ where: { id: Number(vote.id) } });
    expect(after.status).toBe("DRAFT");
    const notice = await t.db.prisma.notification.findFirst({
      where: { recipientId: staff.account.id, kind: "vote.scheduleFailed", subjectId: Number(vote.id) },
    });
    expect(notice?.body).toContain("该范围内没有符合条件的投票人");
    // The next tick leaves it alone.
    await runVoteClock(deps(), opensAt);
    expect(
      await t.db.prisma.auditEvent.count({ where: { subjectId: Number(vote.id), action: "vote.scheduleFailed" } }),
    ).toBe(1);
  });
});

describe("correcting a paper ballot", () => {
  const PAPER = `mutation($voteId: ID!, $householdId: ID, $optionIds: [ID!]!, $correction: Boolean) {
    recordPaperBallot(voteId: $voteId, householdId: $householdId, optionIds: $optionIds, correction: $correction) {
      __typename ... on MutationRecordPaperBallotSuccess { data { receiptCode replaced } } ${APP_ERROR} } }`;
  it("refuses a second entry for the same household unless marked as a correction, which replaces", async () => {
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "HOUSEHOLD" });
    const household = await f.createHousehold({ building: tree.sanlin.building });
    await openVote(vote.id);
    const [yes, no] = vote.options.map((o) => o.id);
    const entry = { voteId: vote.id, householdId: String(household.id) };
    succeeded(await t.gql(PAPER, { ...entry, optionIds: [yes] }, staff.token), "recordPaperBallot");
    expect(failed(await t.gql(PAPER, { ...entry, optionIds: [no] }, staff.token), "recordPaperBallot")).toMatchObject({
      code: "CONFLICT",
      field: "correction",
    });
    const corrected = succeeded<{ replaced: boolean }>(
      await t.gql(PAPER, { ...entry, optionIds: [no], correction: true }, staff.token),
      "recordPaperBallot",
    );
    expect(corrected.replaced).toBe(true);
    const live = await tally(vote.id);
    expect(live.participants).toBe(1);
    expect(live.options?.map((o) => o.count)).toEqual([0, 1, 0]);
    expect(
      await t.db.prisma.auditEvent.count({ where: { subjectId: Number(vote.id), action: "vote.paperBallot.correct" } }),
    ).toBe(1);
  });
});

describe("drafts", () => {
  it("are read only by their organisers, through vote(id), votes and the subject alike", async () => {
    const subject = await topic();
    const draft = succeeded<Created>(
      await t.gql(
        CREATE,
        { input_subjectId: String(subject.id), ballotType: "YES_NO_ABSTAIN", countingUnit: "RESIDENT" },
        staff.token,
      ),
      "createVote",
    );
    const resident = await f.seedResident({ building: tree.sanlin.building });
    const staffJinju = await f.seedStaff({ area: tree.jinju.neighbourhood });
    const READ = `query($id: ID!, $topic: ID!) {
      vote(id: $id) { id }
      votes(status: [DRAFT], first: 50) { edges { node { id } } }
      topic(id: $topic) { votes { id } }
    }`;
    type Read = {
      vote: { id: string } | null;
      votes: { edges: { node: { id: string } }[] };
      topic: { votes: { id: string }[] };
    };
    const seen = async (token?: string) => {
      const data = (await t.gql<Read>(READ, { id: draft.id, topic: String(subject.id) }, token)).data;
      return [data?.vote?.id ?? null, data?.votes.edges.some((e) => e.node.id === draft.id), data?.topic.votes.length];
    };
    expect(await seen(staff.token)).toEqual([draft.id, true, 1]);
    for (const token of [undefined, resident.token, staffJinju.token])
      expect(await seen(token)).toEqual([null, false, 0]);
  });
});

describe("a council vote", () => {
  it("takes the council's members only, and tells anyone else why not", async () => {
    const member = await f.seedCouncilMember({ council: tree.sanlin.council });
    const facilitator = await f.seedCouncilMember({ council: tree.sanlin.council, role: "FACILITATOR" });
    const resident = await f.seedResident({ building: tree.sanlin.building });
    const vote = await createVote({ ballotType: "YES_NO_ABSTAIN", countingUnit: "COUNCIL_MEMBER", areaId: null });
    const opened = await openVote(vote.id);
    expect(opened.rollSize).toBeGreaterThanOrEqual(2);
    for (const voter of [member, facilitator])
      succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, voter.token), "castBallot");
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, resident.token), "castBallot"),
    ).toMatchObject({ code: "NOT_ELIGIBLE", message: "本表决仅限议事会成员参加" });
    expect((await tally(vote.id)).participants).toBe(2);
  });
});

describe("a 街区 vote", () => {
  it("takes its roll from the areas the block covers", async () => {
    const streetStaff = await f.seedStaff({ area: tree.street });
    const block = await f.createArea({ kind: "BLOCK", name: "灵岩南路街区", parent: tree.street });
    await t.db.prisma.blockCoverage.create({ data: { blockId: block.id, areaId: tree.sanlin.compound.id } });
    const inside = await f.seedResident({ building: tree.sanlin.building });
    const outside = await f.seedResident({ building: tree.jinju.building });
    const vote = await createVote(
      { ballotType: "YES_NO_ABSTAIN", countingUnit: "HOUSEHOLD", areaId: String(block.id) },
      streetStaff.token,
    );
    const opened = succeeded<{ rollSize: number }>(
      await t.gql(TRANSITION, { id: vote.id, to: "OPEN" }, streetStaff.token),
      "transitionVote",
    );
    const households = await t.db.prisma.household.count({
      where: { building: { path: { startsWith: tree.sanlin.compound.path } } },
    });
    expect(opened.rollSize).toBe(households);
    succeeded(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, inside.token), "castBallot");
    expect(
      failed(await t.gql(CAST, { voteId: vote.id, optionIds: [vote.options[0]?.id] }, outside.token), "castBallot")
        .code,
    ).toBe("NOT_ELIGIBLE");
  });
});
