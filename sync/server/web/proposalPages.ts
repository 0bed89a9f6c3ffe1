import type { ContentPack } from '../../protocol/contentPack.js';
import { pickText } from '../../protocol/languages.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { ProposalRow } from '../services/proposals.js';
import type { StaffSession } from '../services/staffAuth.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';
import { publicNav } from './feedbackStatusPage.js';
import { publicTexts, tbilisiTime, type PublicLanguage } from './publicTexts.js';

const csrf = (session: StaffSession) => html`<input type="hidden" name="_csrf" value="${session.csrfToken}">`;

export function proposalQueuePage(session: StaffSession, proposals: readonly ProposalRow[]): SafeHtml {
  return consolePage(
    session,
    'Citizen proposals',
    html`<p>Pending proposals first, oldest first. Accepting one makes it an initiative of a ballot in the next content pack.</p>
<table><caption class="skip">Citizen proposals</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Received</th><th scope="col">Branch</th><th scope="col">Status</th><th scope="col">Title</th></tr></thead>
<tbody>${proposals.map(
      (proposal) =>
        html`<tr><td><a class="code" href="/console/proposals/${proposal.code}">${formatTrackingCode(proposal.code)}</a></td><td>${tbilisiTime(proposal.received_at)}</td><td>${proposal.branch_id}</td><td>${proposal.status}</td><td class="message">${proposal.title}</td></tr>`,
    )}</tbody></table>
${proposals.length === 0 ? html`<p class="notice" role="status">No proposals yet.</p>` : ''}`,
  );
}

export function proposalDetailPage(
  session: StaffSession,
  proposal: ProposalRow,
  pack: ContentPack,
  problem?: string,
  flash?: string,
): SafeHtml {
  const action = (path: string) => `/console/proposals/${proposal.code}/${path}`;
  return consolePage(
    session,
    `Proposal ${formatTrackingCode(proposal.code)}`,
    html`${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
<dl class="facts"><dt>Status</dt><dd>${proposal.status}${proposal.reason ? ` (reason: ${proposal.reason})` : ''}</dd><dt>Received</dt><dd>${tbilisiTime(proposal.received_at)}</dd><dt>Branch</dt><dd>${proposal.branch_id}</dd><dt>Language</dt><dd>${proposal.language}</dd><dt>Voice message</dt><dd>${proposal.has_voice ? 'yes' : 'no'}</dd></dl>
<h2>Title</h2><p class="message">${proposal.title}</p>
<h2>Description</h2><p class="message">${proposal.description ?? '(none typed)'}</p>
${proposal.has_voice ? html`<h2 id="voice-heading">Voice message</h2><audio controls preload="none" aria-labelledby="voice-heading" src="${action('voice.wav')}"></audio>` : ''}
${
  proposal.status === 'pending'
    ? html`<h2>Accept as an initiative</h2>
<form class="stack" method="post" action="${action('accept')}">${csrf(session)}
<label for="ballot">Ballot</label><select id="ballot" name="ballot">${pack.ballots.map((ballot) => html`<option value="${ballot.id}">${pickText(ballot.title, 'en')}</option>`)}</select>
<label for="title-ka">Title (Georgian, required)</label><input id="title-ka" name="titleKa" required value="${proposal.language === 'ka' ? proposal.title : ''}">
<label for="title-en">Title (English)</label><input id="title-en" name="titleEn" value="${proposal.language === 'en' ? proposal.title : ''}">
<label for="description-ka">Description (Georgian, required)</label><textarea id="description-ka" name="descriptionKa" required>${proposal.language === 'ka' ? (proposal.description ?? '') : ''}</textarea>
<label for="description-en">Description (English)</label><textarea id="description-en" name="descriptionEn">${proposal.language === 'en' ? (proposal.description ?? '') : ''}</textarea>
<div><button type="submit">Accept into the ballot</button></div></form>
<h2>Reject</h2>
<form class="stack" method="post" action="${action('reject')}">${csrf(session)}
<label for="reason">Public reason (the proposer and everyone can read it)</label><textarea id="reason" name="reason" required></textarea>
<div><button type="submit" class="secondary">Reject with this reason</button></div></form>`
    : ''
}`,
  );
}

/** The proposer follows their proposal by its code: status, and the initiative or the public reason. */
export function publicProposalPage(lang: PublicLanguage, proposal: ProposalRow): SafeHtml {
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
  return page({
    title: `${en ? 'Proposal' : 'შემოთავაზება'} ${formatTrackingCode(proposal.code)}`,
    lang,
    siteName: texts.siteName,
    skipLabel: texts.skip,
    nav: publicNav(lang, 'status'),
    body: html`<dl class="facts"><dt>${texts.status}</dt><dd><strong>${status}</strong></dd><dt>${texts.received}</dt><dd>${tbilisiTime(proposal.received_at)}</dd></dl>
<h2>${en ? 'Your proposal' : 'თქვენი შემოთავაზება'}</h2><p class="message">${proposal.title}</p>${proposal.description ? html`<p class="message">${proposal.description}</p>` : ''}
${proposal.status === 'accepted' && proposal.ballot_id && proposal.initiative_id ? html`<p><a href="/initiatives/${proposal.ballot_id}/${proposal.initiative_id}${en ? '?lang=en' : ''}">${en ? 'See the initiative and its support' : 'ინიციატივა და მისი მხარდაჭერა'}</a></p>` : ''}
${proposal.status === 'rejected' ? html`<h2>${en ? 'Why' : 'რატომ'}</h2><p class="message">${proposal.reason ?? ''}</p>` : ''}`,
  });
}
