import type { Prisma, SubjectType } from "../../generated/prisma/client.js";

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subjectType: SubjectType;
  subjectId: number;
  areaId?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  /** On the subject's public timeline. */
  public?: boolean;
  data?: Prisma.InputJsonValue;
}

/** Appends to the audit trail; call it inside the transaction that makes the change. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      areaId: entry.areaId ?? null,
      fromStatus: entry.fromStatus ?? null,
      toStatus: entry.toStatus ?? null,
      public: entry.public ?? false,
      data: entry.data,
    },
  });
}
