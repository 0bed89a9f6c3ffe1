import type { FastifyReply } from 'fastify';
import { submitFromPhone, type PhoneSubmission } from '../services/phoneSubmit.js';
import type { PhoneState } from '../services/phoneSessions.js';
import { html } from '../web/html.js';
import { sendPage } from '../web/layout.js';
import type { PhoneContext, PhoneDeps } from './phoneContext.js';

/**
 * Sends a finished flow through Central's ingest and answers as GOV.UK's
 * confirmation pattern does: after the commit, a redirect to the desk's
 * thank-you page (a reload does not send twice), the draft forgotten and the
 * form token replaced (the same post replayed is refused). A submission
 * ingest refuses is shown with its reason, and the draft is kept.
 */
export async function sendFromPhone(
  deps: PhoneDeps,
  context: PhoneContext,
  reply: FastifyReply,
  submission: Omit<PhoneSubmission, 'branchId' | 'channel'>,
  done: {
    readonly kind: NonNullable<PhoneState['done']>['kind'];
    readonly trackingCode?: string;
    /** A vote: say on its confirmation whether it counted (a person's earlier vote on the ballot counts, not this one). */
    readonly vote?: boolean;
  },
  clearDraft: (state: PhoneState) => PhoneState,
): Promise<FastifyReply> {
  const outcome = await submitFromPhone(deps.db, deps.keys, { ...submission, channel: context.channel, branchId: context.desk.branchId });
  if (outcome.receipt.status !== 'accepted') {
    const { t } = context;
    return sendPage(
      reply,
      context.page({
        title: t.p.problemTitle,
        back: context.home,
        body: html`<p>${t.p.notSent}</p><p class="error">${outcome.receipt.reason ?? outcome.receipt.status}</p>`,
      }),
      422,
    );
  }
  const counted =
    done.vote === true
      ? await deps.db
          .selectFrom('votes')
          .select('counted')
          .where('device_id', '=', outcome.deviceId)
          .where('submission_id', '=', outcome.id)
          .executeTakeFirst()
      : undefined;
  await context.save(
    {
      ...clearDraft(context.session.state),
      done: {
        kind: done.kind,
        confirmationCode: outcome.confirmationCode,
        receiptCode: outcome.receiptCode,
        ...(done.trackingCode === undefined ? {} : { trackingCode: done.trackingCode }),
        ...(counted?.counted === 0 ? { notCounted: true } : {}),
      },
    },
    true,
  );
  return reply.redirect(`${context.home}/thanks`, 303);
}
