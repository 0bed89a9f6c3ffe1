import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { ProposalRow } from '../services/proposals.js';
import { html, type SafeHtml } from '../web/html.js';
import { participationTexts } from './participationTexts.js';
import { publicPage } from './publicPage.js';
import { publicTexts, withLang, type PublicLanguage } from './publicTexts.js';
import { publicTime } from '../web/tbilisiTime.js';

/** The proposer follows their proposal by its code: status, and the initiative or the public reason. */
export function proposalStatusPage(lang: PublicLanguage, proposal: ProposalRow): SafeHtml {
  const texts = publicTexts(lang);
  const words = participationTexts(lang);
  const status = words.proposalStatuses[proposal.status] ?? proposal.status;
  return publicPage({
    lang,
    title: `${words.proposal} ${formatTrackingCode(proposal.code)}`,
    section: 'status',
    path: `/proposals/${proposal.code}`,
    body: html`<dl class="facts"><dt>${texts.status}</dt><dd><strong>${status}</strong></dd><dt>${texts.received}</dt><dd>${publicTime(proposal.received_at, lang)}</dd></dl>
<h2>${words.yourProposal}</h2><p class="message">${proposal.title}</p>${proposal.description ? html`<p class="message">${proposal.description}</p>` : ''}
${proposal.status === 'accepted' && proposal.ballot_id && proposal.initiative_id ? html`<p><a href="${withLang(lang, `/initiatives/${proposal.ballot_id}/${proposal.initiative_id}`)}">${words.seeInitiative}</a></p>` : ''}
${proposal.status === 'rejected' ? html`<h2>${words.why}</h2><p class="message">${proposal.reason ?? ''}</p>` : ''}`,
  });
}
