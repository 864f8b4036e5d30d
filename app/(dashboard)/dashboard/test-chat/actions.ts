"use server";

import { z } from "zod";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { sendTestMessage } from "@/lib/test-chat/send-test-message";

const testMessageSchema = z.object({
  chatId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  text: z.string().trim().min(1, "Type a message.").max(4_000, "Use at most 4,000 characters."),
});

export const sendTestChatMessage = workspaceAction({ schema: testMessageSchema, role: "viewer" }, ({ chatId, text }, context) =>
  sendTestMessage({ workspaceId: context.workspace.id, userId: context.user.id, chatId, text }),
);
