"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { createAlertRule, deleteAlertRule, saveAlertChannels, sendTestAlert, updateAlertRule } from "@/lib/alerts/manage-alerts";
import { alertChannelsSchema, alertRuleSchema, deleteAlertRuleSchema, testAlertSchema, updateAlertRuleSchema } from "@/lib/alerts/schemas";

const actor = (context: { workspace: { id: string }; user: { id: string } }) => ({ workspaceId: context.workspace.id, actorUserId: context.user.id });

export const addAlertRule = workspaceAction({ schema: alertRuleSchema, role: "admin" }, async (rule, context) => {
  await createAlertRule(actor(context), rule);
  revalidatePath("/dashboard", "layout");
  return { done: true };
});

export const editAlertRule = workspaceAction({ schema: updateAlertRuleSchema, role: "admin" }, async ({ ruleId, ...rule }, context) => {
  await updateAlertRule(actor(context), ruleId, rule);
  revalidatePath("/dashboard", "layout");
  return { done: true };
});

export const removeAlertRule = workspaceAction({ schema: deleteAlertRuleSchema, role: "admin" }, async ({ ruleId }, context) => {
  await deleteAlertRule(actor(context), ruleId);
  revalidatePath("/dashboard", "layout");
  return { done: true };
});

export const saveChannels = workspaceAction({ schema: alertChannelsSchema, role: "admin" }, async (channels, context) => {
  const result = await saveAlertChannels(actor(context), channels);
  revalidatePath("/dashboard/settings");
  return result;
});

export const sendTest = workspaceAction({ schema: testAlertSchema, role: "admin" }, async ({ channel }, context) => {
  await sendTestAlert(actor(context), channel);
  revalidatePath("/dashboard", "layout");
  return { queued: true };
});
