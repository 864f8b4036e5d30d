import Link from "next/link";
import { getServerSession } from "next-auth";
import { getTranslations } from "next-intl/server";
import { authOptions } from "@/lib/auth/options";
import { findInvitation } from "@/lib/members/accept-invitation";
import { invitationTokenSchema } from "@/lib/members/schemas";
import { AcceptInvitation } from "./accept-invitation";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("members");
  const invitation = invitationTokenSchema.safeParse(token).success ? await findInvitation(token) : null;
  if (!invitation) return <p className="text-sm text-slate-700">{t("invalid")}</p>;
  const session = await getServerSession(authOptions());
  const signedIn = Boolean(session?.user?.id);
  return (
    <>
      <h1 className="text-lg font-semibold">{t("inviteTitle", { workspace: invitation.workspace.name })}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("inviteBody", { workspace: invitation.workspace.name, role: t(`roles.${invitation.role}`) })}</p>
      <p className="mt-1 text-sm text-slate-600">{t("inviteFor", { email: invitation.email })}</p>
      {signedIn || !invitation.hasAccount ? (
        <AcceptInvitation token={token} email={invitation.email} mode={signedIn ? "signed-in" : "new-account"} />
      ) : (
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`} className="mt-6 block text-center text-sm font-semibold text-brand-600 hover:underline">
          {t("signInToAccept", { email: invitation.email })}
        </Link>
      )}
    </>
  );
}
