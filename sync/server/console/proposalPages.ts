import type { ContentPack } from '../../protocol/contentPack.js';
import { csrfField } from './csrf.js';
import { pickText } from '../../protocol/languages.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { ProposalRow } from '../services/proposals.js';
import type { StaffSession } from '../services/staffAuth.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../public/publicTexts.js';

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
<form class="stack" method="post" action="${action('accept')}">${csrfField(session)}
<label for="ballot">Ballot</label><select id="ballot" name="ballot">${pack.ballots.map((ballot) => html`<option value="${ballot.id}">${pickText(ballot.title, 'en')}</option>`)}</select>
<label for="title-ka">Title (Georgian, required)</label><input id="title-ka" name="titleKa" required value="${proposal.language === 'ka' ? proposal.title : ''}">
<label for="title-en">Title (English)</label><input id="title-en" name="titleEn" value="${proposal.language === 'en' ? proposal.title : ''}">
<label for="description-ka">Description (Georgian, required)</label><textarea id="description-ka" name="descriptionKa" required>${proposal.language === 'ka' ? (proposal.description ?? '') : ''}</textarea>
<label for="description-en">Description (English)</label><textarea id="description-en" name="descriptionEn">${proposal.language === 'en' ? (proposal.description ?? '') : ''}</textarea>
<div><button type="submit">Accept into the ballot</button></div></form>
<h2>Reject</h2>
<form class="stack" method="post" action="${action('reject')}">${csrfField(session)}
<label for="reason">Public reason (the proposer and everyone can read it)</label><textarea id="reason" name="reason" required></textarea>
<div><button type="submit" class="secondary">Reject with this reason</button></div></form>`
    : ''
}`,
  );
}
