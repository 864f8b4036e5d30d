import { withTransaction } from "@/lib/database/with-transaction";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";
import { ensurePlanPeriod } from "@/lib/credits/ensure-plan-period";

/**
 * Opens the current period (its allowance granted in the ledger) if no charge has yet, so a ledger
 * shown to the owner always sums to the balance shown beside it.
 */
export async function openCurrentPeriod(workspaceId: string): Promise<void> {
  await withTransaction(async (client) => {
    const billing = await readWorkspaceBilling(client, workspaceId, { lock: true });
    await ensurePlanPeriod(client, workspaceId, billing);
  });
}
