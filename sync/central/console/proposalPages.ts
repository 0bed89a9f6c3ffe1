import type { ContentPack } from '../../protocol/contentPack.js';
import { csrfField } from './csrf.js';
import { pickText } from '../../protocol/languages.js';
import { formatTrackingCode } from '../../protocol/trackingCode.js';
import type { ProposalRow } from '../services/proposals.js';
import type { ConsoleSession } from './consoleSession.js';
import { named } from './consoleTexts.js';
import { consolePage } from './consolePages.js';
import { html, type SafeHtml } from '../web/html.js';
import { tbilisiTime } from '../web/tbilisiTime.js';

export function proposalQueuePage(session: ConsoleSession, proposals: readonly ProposalRow[]): SafeHtml {
  const words = session.t.proposals;
  return consolePage(
    session,
    words.title,
    html`<p>${words.intro}</p>
<table><caption class="skip">${words.title}</caption>
<thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${proposals.map(
      (proposal) =>
        html`<tr><td><a class="code" href="/console/proposals/${proposal.code}">${formatTrackingCode(proposal.code)}</a></td><td>${tbilisiTime(proposal.received_at)}</td><td>${proposal.branch_id}</td><td>${named(words.statuses, proposal.status)}</td><td class="message">${proposal.title}</td></tr>`,
    )}</tbody></table>
${proposals.length === 0 ? html`<p class="notice" role="status">${words.none}</p>` : ''}`,
  );
}

export function proposalDetailPage(
  session: ConsoleSession,
  proposal: ProposalRow,
  pack: ContentPack,
  problem?: string,
  flash?: string,
): SafeHtml {
  const action = (path: string) => `/console/proposals/${proposal.code}/${path}`;
  const words = session.t.proposals;
  return consolePage(
    session,
    words.detailTitle(formatTrackingCode(proposal.code)),
    html`${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
<dl class="facts"><dt>${words.status}</dt><dd>${named(words.statuses, proposal.status)}${proposal.reason ? words.reason(proposal.reason) : ''}</dd><dt>${words.received}</dt><dd>${tbilisiTime(proposal.received_at)}</dd><dt>${words.branch}</dt><dd>${proposal.branch_id}</dd><dt>${words.language}</dt><dd>${named(session.t.languages, proposal.language)}</dd><dt>${words.voice}</dt><dd>${proposal.has_voice ? words.yes : words.no}</dd></dl>
<h2>${words.titleHeading}</h2><p class="message">${proposal.title}</p>
<h2>${words.description}</h2><p class="message">${proposal.description ?? words.noDescription}</p>
${proposal.has_voice ? html`<h2 id="voice-heading">${words.voice}</h2><audio controls preload="none" aria-labelledby="voice-heading" src="${action('voice.wav')}"></audio>` : ''}
${
  proposal.status === 'pending'
    ? html`<h2>${words.acceptHeading}</h2>
<form class="stack" method="post" action="${action('accept')}">${csrfField(session)}
<label for="ballot">${words.ballot}</label><select id="ballot" name="ballot">${pack.ballots.map((ballot) => html`<option value="${ballot.id}">${pickText(ballot.title, session.t.lang)}</option>`)}</select>
<label for="title-ka">${words.titleKa}</label><input id="title-ka" name="titleKa" required value="${proposal.language === 'ka' ? proposal.title : ''}">
<label for="title-en">${words.titleEn}</label><input id="title-en" name="titleEn" value="${proposal.language === 'en' ? proposal.title : ''}">
<label for="description-ka">${words.descriptionKa}</label><textarea id="description-ka" name="descriptionKa" required>${proposal.language === 'ka' ? (proposal.description ?? '') : ''}</textarea>
<label for="description-en">${words.descriptionEn}</label><textarea id="description-en" name="descriptionEn">${proposal.language === 'en' ? (proposal.description ?? '') : ''}</textarea>
<div><button type="submit">${words.accept}</button></div></form>
<h2>${words.rejectHeading}</h2>
<form class="stack" method="post" action="${action('reject')}">${csrfField(session)}
<label for="reason">${words.publicReason}</label><textarea id="reason" name="reason" required></textarea>
<div><button type="submit" class="secondary">${words.reject}</button></div></form>`
    : ''
}`,
  );
}
