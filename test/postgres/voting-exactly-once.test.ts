import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Factories, factories } from "../../server/src/testing/factories.js";
import { startTestApp, type TestApp } from "../../server/src/testing/harness.js";
import { APP_ERROR, succeeded } from "../../server/src/testing/results.js";
import { postgresAvailability, postgresTestUrl, redisAvailability, redisTestUrl } from "../support/services.js";

const available = (await postgresAvailability()).available && (await redisAvailability()).available;

const CAST = `mutation($voteId: ID!, $optionIds: [ID!]!) { castBallot(voteId: $voteId, optionIds: $optionIds) {
  __typename ... on MutationCastBallotSuccess { data { receiptCode replaced } } ${APP_ERROR} } }`;

async function closeVote(app: TestApp, id: string, token: string) {
  succeeded(
    await app.gql(
      `mutation($id: ID!) { transitionVote(id: $id, to: CLOSED) { __typename ... on MutationTransitionVoteSuccess { data { id } } ${APP_ERROR} } }`,
      { id },
      token,
    ),
    "transitionVote",
  );
}

// Exactly once is enforced by the database, not by one process: two server instances on one
// PostgreSQL, clients hammering both at once, and the count must equal a recount of the ballots.
describe.skipIf(!available)("casting a ballot, concurrently, on two server instances", () => {
  let a: TestApp;
  let b: TestApp;
  let f: Factories;
  beforeAll(async () => {
    a = await startTestApp({ databaseUrl: postgresTestUrl(), redisUrl: redisTestUrl() });
    b = await startTestApp({ databaseUrl: postgresTestUrl(), redisUrl: redisTestUrl() });
    f = factories(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function householdVote(secret: boolean) {
    const tree = await f.createAreaTree();
    const staff = await f.seedStaff({ area: tree.sanlin.neighbourhood });
    const topic = await f.createTopic({ area: tree.sanlin, title: "电梯" });
    return { tree, staff, topic, secret };
  }

  it.each([false, true])("counts one ballot per household however many casts race (secret: %s)", async (secret) => {
    const { tree, staff, topic } = await householdVote(secret);
    const first = await f.seedResident({ building: tree.sanlin.building });
    const second = await f.seedPerson();
    await a.db.prisma.householdMember.create({
      data: { householdId: first.household.id, accountId: second.account.id, status: "VERIFIED" },
    });
    const others = await Promise.all(
      Array.from({ length: 12 }, () => f.seedResident({ building: tree.sanlin.building })),
    );

    const created = succeeded<{ id: string; options: { id: string }[] }>(
      await a.gql(
        `mutation($s: ID!, $area: ID!, $secret: Boolean) { createVote(subject: TOPIC, subjectId: $s, title: "加装电梯", question: "是否同意？",
          ballotType: YES_NO_ABSTAIN, countingUnit: HOUSEHOLD, areaId: $area, secret: $secret, sealed: $secret) {
          __typename ... on MutationCreateVoteSuccess { data { id options { id } } } ${APP_ERROR} } }`,
        { s: String(topic.id), area: String(tree.sanlin.building.id), secret },
        staff.token,
      ),
      "createVote",
    );
    succeeded(
      await b.gql(
        `mutation($id: ID!) { transitionVote(id: $id, to: OPEN) { __typename ... on MutationTransitionVoteSuccess { data { id } } ${APP_ERROR} } }`,
        { id: created.id },
        staff.token,
      ),
      "transitionVote",
    );
    const [yes, no, abstain] = created.options.map((o) => o.id);

    // 40 casts for the one household, from both of its adults, through both instances at once,
    // mixed with one cast from each of 12 other households.
    const racing = Array.from({ length: 40 }, (_, i) => {
      const app = i % 2 ? a : b;
      const who = i % 4 < 2 ? first.token : second.token;
      return app.gql(CAST, { voteId: created.id, optionIds: [[yes, no, abstain][i % 3]] }, who);
    });
    const rest = others.map((other, i) =>
      (i % 2 ? a : b).gql(CAST, { voteId: created.id, optionIds: [yes] }, other.token),
    );
    const results = await Promise.all([...racing, ...rest]);
    for (const result of results) {
      expect((result.data?.castBallot as { __typename: string } | undefined)?.__typename).toBe(
        "MutationCastBallotSuccess",
      );
    }

    const voteId = Number(created.id);
    const prisma = a.db.prisma;
    const participations = await prisma.voteParticipation.findMany({ where: { voteId } });
    expect(participations).toHaveLength(13);
    expect(participations.reduce((sum, p) => sum + p.castCount, 0)).toBe(52);
    expect(await prisma.ballot.count({ where: { voteId } })).toBe(13);

    // A secret vote is sealed: its per-option count shows only once closed.
    if (secret) await closeVote(b, created.id, staff.token);
    const tally = await b.gql<{
      vote: { tally: { participants: number; version: number; options: { optionId: string; count: number }[] } };
    }>(`query($id: ID!) { vote(id: $id) { tally { participants version options { optionId count } } } }`, {
      id: created.id,
    });
    const recount = await prisma.ballotChoice.groupBy({
      by: ["optionId"],
      where: { ballot: { voteId } },
      _count: { _all: true },
    });
    const live = Object.fromEntries(
      (tally.data?.vote.tally.options ?? []).filter((o) => o.count).map((o) => [o.optionId, o.count]),
    );
    expect(live).toEqual(Object.fromEntries(recount.map((r) => [String(r.optionId), r._count._all])));
    expect(tally.data?.vote.tally.participants).toBe(13);
    expect(tally.data?.vote.tally.version).toBe(52);
  });
  it("counts one ballot per resident, and one of paper or online per household, however they race", async () => {
    const { tree, staff, topic } = await householdVote(false);
    const voter = await f.seedResident({ building: tree.sanlin.building });
    const create = (countingUnit: string) =>
      a.gql(
        `mutation($s: ID!, $area: ID!, $unit: CountingUnit!) { createVote(subject: TOPIC, subjectId: $s, title: "口袋公园", question: "是否同意？",
          ballotType: YES_NO_ABSTAIN, countingUnit: $unit, areaId: $area) {
          __typename ... on MutationCreateVoteSuccess { data { id options { id } } } ${APP_ERROR} } }`,
        { s: String(topic.id), area: String(tree.sanlin.building.id), unit: countingUnit },
        staff.token,
      );
    const open = async (id: string) =>
      succeeded(
        await a.gql(
          `mutation($id: ID!) { transitionVote(id: $id, to: OPEN) { __typename ... on MutationTransitionVoteSuccess { data { id } } ${APP_ERROR} } }`,
          { id },
          staff.token,
        ),
        "transitionVote",
      );

    // One resident, 30 casts through both instances at once: one participation, one ballot.
    const perResident = succeeded<{ id: string; options: { id: string }[] }>(await create("RESIDENT"), "createVote");
    await open(perResident.id);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).gql(CAST, { voteId: perResident.id, optionIds: [perResident.options[i % 3]?.id] }, voter.token),
      ),
    );
    const voteId = Number(perResident.id);
    expect(await a.db.prisma.ballot.count({ where: { voteId } })).toBe(1);
    expect(await a.db.prisma.voteParticipation.findMany({ where: { voteId } })).toMatchObject([{ castCount: 30 }]);

    // Staff enter the household's paper ballot while its member votes online, on both instances:
    // exactly one of the two channels wins, never both.
    const perHousehold = succeeded<{ id: string; options: { id: string }[] }>(await create("HOUSEHOLD"), "createVote");
    await open(perHousehold.id);
    const [yes, no] = perHousehold.options.map((o) => o.id);
    const paper = `mutation($voteId: ID!, $householdId: ID, $optionIds: [ID!]!) { recordPaperBallot(voteId: $voteId, householdId: $householdId, optionIds: $optionIds) {
      __typename ... on MutationRecordPaperBallotSuccess { data { receiptCode } } ${APP_ERROR} } }`;
    const raced = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2
          ? a.gql(
              paper,
              { voteId: perHousehold.id, householdId: String(voter.household.id), optionIds: [no] },
              staff.token,
            )
          : b.gql(CAST, { voteId: perHousehold.id, optionIds: [yes] }, voter.token),
      ),
    );
    const household = Number(perHousehold.id);
    const participations = await a.db.prisma.voteParticipation.findMany({ where: { voteId: household } });
    expect(participations).toHaveLength(1);
    expect(await a.db.prisma.ballot.count({ where: { voteId: household } })).toBe(1);
    const winner = participations[0]?.channel;
    const succeededChannels = raced
      .map((r, i) => ({ ok: JSON.stringify(r.data).includes("Success"), channel: i % 2 ? "PAPER" : "ONLINE" }))
      .filter((r) => r.ok)
      .map((r) => r.channel);
    // Only the winning channel ever succeeded; the other got CONFLICT every time.
    expect(new Set(succeededChannels)).toEqual(new Set([winner]));
  });
});
