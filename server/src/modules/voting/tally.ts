import {
  type BallotType,
  Prisma,
  type PrismaClient,
  type ThresholdRule,
  type VoteStatus,
} from "../../generated/prisma/client.js";

type Db = PrismaClient | Prisma.TransactionClient;

export interface TallyOption {
  optionId: number;
  label: string;
  position: number;
  costFen: number | null;
  /** Ballots choosing it (first preferences for ranked ballots; every choice of multiple-choice and budget ballots). */
  count: number;
  floorArea: number;
}

/** The count as it stands, derived from the ballots every time (never a kept counter). */
export interface Tally {
  voteId: number;
  status: VoteStatus;
  sealed: boolean;
  ballotType: BallotType;
  threshold: ThresholdRule;
  quorumPercent: number;
  /** Budget ballots: the cap the chosen projects' costs must fit. */
  budgetFen: number | null;
  /** Grows with every cast (including changes), so clients can drop stale snapshots. */
  version: number;
  rollSize: number;
  rollFloorArea: number;
  participants: number;
  participantFloorArea: number;
  options: TallyOption[];
  /** ISO time: the snapshot travels through Redis as JSON. */
  computedAt: string;
}

/** Two aggregate statements, whatever the number of ballots. */
export async function computeTally(db: Db, voteId: number): Promise<Tally | null> {
  const vote = await db.vote.findUnique({
    where: { id: voteId },
    select: {
      status: true,
      sealed: true,
      ballotType: true,
      threshold: true,
      quorumPercent: true,
      budgetFen: true,
      rollSize: true,
      rollFloorAreaCentiSqm: true,
    },
  });
  if (!vote) return null;
  const [totals] = await db.$queryRaw<{ participants: number; casts: number; area: number }[]>`
    SELECT
      (SELECT COUNT(*)::int FROM "VoteParticipation" WHERE "voteId" = ${voteId}) AS participants,
      (SELECT COALESCE(SUM("castCount"), 0)::int FROM "VoteParticipation" WHERE "voteId" = ${voteId}) AS casts,
      (SELECT COALESCE(SUM("floorAreaCentiSqm"), 0)::bigint FROM "Ballot" WHERE "voteId" = ${voteId}) AS area`;
  // A multiple-choice or budget ballot counts for every option it chose; a ranked one, live,
  // for its first preference only (the instant runoff at close reads the whole orders).
  const ranks = vote.ballotType === "RANKED" ? Prisma.sql`AND c.rank = 1` : Prisma.empty;
  const options = await db.$queryRaw<
    { id: number; label: string; position: number; costFen: number | null; count: number; area: bigint }[]
  >`
    SELECT o.id, o.label, o.position, o."costFen",
           COUNT(c."ballotId")::int AS count,
           COALESCE(SUM(b."floorAreaCentiSqm"), 0)::bigint AS area
    FROM "VoteOption" o
    LEFT JOIN "BallotChoice" c ON c."optionId" = o.id ${ranks}
    LEFT JOIN "Ballot" b ON b.id = c."ballotId"
    WHERE o."voteId" = ${voteId}
    GROUP BY o.id
    ORDER BY o.position`;
  return {
    voteId,
    status: vote.status,
    sealed: vote.sealed,
    ballotType: vote.ballotType,
    threshold: vote.threshold,
    quorumPercent: vote.quorumPercent,
    budgetFen: vote.budgetFen,
    version: totals?.casts ?? 0,
    rollSize: vote.rollSize ?? 0,
    rollFloorArea: vote.rollFloorAreaCentiSqm ?? 0,
    participants: totals?.participants ?? 0,
    participantFloorArea: Number(totals?.area ?? 0),
    options: options.map((o) => ({
      optionId: o.id,
      label: o.label,
      position: o.position,
      costFen: o.costFen,
      count: o.count,
      floorArea: Number(o.area),
    })),
    computedAt: new Date().toISOString(),
  };
}

/** Ranked ballots' preference orders, for the instant runoff at close. */
export async function loadRankings(db: Db, voteId: number): Promise<number[][]> {
  const rows = await db.$queryRaw<{ ballotId: string; optionId: number }[]>`
    SELECT c."ballotId", c."optionId" FROM "BallotChoice" c JOIN "Ballot" b ON b.id = c."ballotId"
    WHERE b."voteId" = ${voteId} ORDER BY c."ballotId", c.rank`;
  const byBallot = new Map<string, number[]>();
  for (const row of rows) {
    const list = byBallot.get(row.ballotId) ?? [];
    list.push(row.optionId);
    byBallot.set(row.ballotId, list);
  }
  return [...byBallot.values()];
}
