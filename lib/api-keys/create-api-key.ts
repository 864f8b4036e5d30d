import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateApiKey } from "@/lib/api-keys/generate-api-key";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  /** The whole key. Returned once, at creation; only its hash is stored. */
  key: string;
}

export async function createApiKey(
  tx: Tx,
  input: { workspaceId: string; name: string; actorUserId: string | null },
): Promise<CreatedApiKey> {
  const generated = generateApiKey();
  const row = await tx.apiKey.create({
    data: { workspaceId: input.workspaceId, name: input.name, prefix: generated.prefix, keyHash: generated.hash },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  await recordAudit(tx, {
    workspaceId: input.workspaceId,
    actorUserId: input.actorUserId,
    action: "api_key.created",
    details: { keyId: row.id, name: row.name, prefix: row.prefix },
  });
  return { ...row, key: generated.key };
}
