import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { ProposalRow } from '../services/proposals.js';
import { html, type SafeHtml } from '../web/html.js';
import { publicPage } from './publicPage.js';
import { publicTexts, tbilisiTime, type PublicLanguage } from './publicTexts.js';

/** The proposer follows their proposal by its code: status, and the initiative or the public reason. */
export function proposalStatusPage(lang: PublicLanguage, proposal: ProposalRow): SafeHtml {
  const texts = publicTexts(lang);
  const en = lang === 'en';
  const status =
    proposal.status === 'pending'
      ? en
        ? 'Waiting for review'
        : 'განხილვის მოლოდინში'
      : proposal.status === 'accepted'
        ? en
          ? 'Accepted: now an initiative you can vote for'
          : 'მიღებულია: ახლა ინიციატივაა, რომელსაც შეგიძლიათ ხმა მისცეთ'
        : en
          ? 'Not accepted'
          : 'არ იქნა მიღებული';
  return publicPage({
    lang,
    title: `${en ? 'Proposal' : 'შემოთავაზება'} ${formatTrackingCode(proposal.code)}`,
    section: 'status',
    path: `/proposals/${proposal.code}`,
    body: html`<dl class="facts"><dt>${texts.status}</dt><dd><strong>${status}</strong></dd><dt>${texts.received}</dt><dd>${tbilisiTime(proposal.received_at)}</dd></dl>
<h2>${en ? 'Your proposal' : 'თქვენი შემოთავაზება'}</h2><p class="message">${proposal.title}</p>${proposal.description ? html`<p class="message">${proposal.description}</p>` : ''}
${proposal.status === 'accepted' && proposal.ballot_id && proposal.initiative_id ? html`<p><a href="/initiatives/${proposal.ballot_id}/${proposal.initiative_id}${en ? '?lang=en' : ''}">${en ? 'See the initiative and its support' : 'ინიციატივა და მისი მხარდაჭერა'}</a></p>` : ''}
${proposal.status === 'rejected' ? html`<h2>${en ? 'Why' : 'რატომ'}</h2><p class="message">${proposal.reason ?? ''}</p>` : ''}`,
  });
}
