import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";

/** Revokes a key of this workspace. A key of another workspace is reported as not found. */
export async function revokeApiKey(input: { workspaceId: string; keyId: string; actorUserId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: input.keyId, workspaceId: input.workspaceId },
      select: { id: true, revokedAt: true, prefix: true },
    });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: "api_key.revoked",
      details: { keyId: key.id, prefix: key.prefix },
    });
  });
}
