import { pickText } from '../../protocol/languages.js';
import type { Service } from '../../protocol/contentPack.js';
import type { Branch } from '../services/desks.js';
import { deskQr, deskQrSvg } from '../web/deskQr.js';
import { html, trustedHtml, type SafeHtml } from '../web/html.js';
import type { ConsoleSession } from './consoleSession.js';
import { consolePage } from './consolePages.js';
import { csrfField } from './csrf.js';

export interface DeskFormOutcome {
  readonly problem?: string;
  readonly notice?: string;
}

/** Branches and their desks (admins): each desk's phone page and its branch's printable cards. */
export function desksPage(
  session: ConsoleSession,
  branches: readonly Branch[],
  services: readonly Service[],
  outcome: DeskFormOutcome = {},
): SafeHtml {
  const words = session.t.desks;
  const lang = session.t.lang;
  const serviceName = (id: string) => {
    const service = services.find((candidate) => candidate.id === id);
    return service ? pickText(service.name, lang) : id;
  };
  return consolePage(
    session,
    words.title,
    html`${outcome.notice ? html`<p class="notice" role="status">${outcome.notice}</p>` : ''}${outcome.problem ? html`<p class="error" role="alert">${outcome.problem}</p>` : ''}
<p>${words.intro}</p>
<h2>${words.branchesHeading}</h2>
${branches.length === 0 ? html`<p>${words.none}</p>` : ''}
${branches.map(
  (branch) => html`<h3>${branch.code} · ${pickText(branch.name, lang)} <span class="code">(${branch.id})</span></h3>
${
  branch.desks.length === 0
    ? html`<p>${words.noDesks}</p>`
    : html`<table><thead><tr>${words.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead><tbody>
${branch.desks.map(
  (desk) =>
    html`<tr><th scope="row" class="code">${desk.code}</th><td>${desk.id}</td><td>${desk.services.map(serviceName).join(', ')}</td><td><a href="/D/${desk.code}">/D/${desk.code}</a></td></tr>`,
)}</tbody></table>
<p><a class="button" href="/console/desks/cards?branch=${branch.id}">${words.cards(branch.code)}</a> <a href="/console/desks/cards?branch=${branch.id}&amp;size=a7">A7</a></p>`
}`,
)}
<h2>${words.addBranch}</h2>
<form class="stack" method="post" action="/console/desks/branches">${csrfField(session)}
<label for="branch-id">${words.branchId}</label><input id="branch-id" name="id" required maxlength="64" pattern="[a-z0-9][a-z0-9\\-]*">
<label for="branch-code">${words.branchCode}</label><input id="branch-code" name="code" required maxlength="4" pattern="[A-Z]{2}[0-9]{2}">
<label for="name-ka">${words.nameKa}</label><input id="name-ka" name="nameKa" required maxlength="120">
<label for="name-en">${words.nameEn}</label><input id="name-en" name="nameEn" required maxlength="120">
<div><button type="submit">${words.addBranchButton}</button></div></form>
${
  branches.length === 0
    ? ''
    : html`<h2>${words.addDesk}</h2>
<form class="stack" method="post" action="/console/desks/desks">${csrfField(session)}
<label for="desk-branch">${words.branch}</label><select id="desk-branch" name="branchId">${branches.map((branch) => html`<option value="${branch.id}">${branch.code} · ${pickText(branch.name, lang)}</option>`)}</select>
<label for="desk-id">${words.deskId}</label><input id="desk-id" name="id" required maxlength="64">
<label for="desk-number">${words.deskNumber}</label><input id="desk-number" name="number" type="number" min="1" max="99" required inputmode="numeric">
<fieldset><legend>${words.services}</legend>${services.map(
        (service, index) =>
          html`<div class="choice"><input type="checkbox" id="service-${index}" name="services" value="${service.id}"><label for="service-${index}">${pickText(service.name, lang)} (${service.id})</label></div>`,
      )}</fieldset>
<div><button type="submit">${words.addDeskButton}</button></div></form>`
}`,
  );
}

/** Printed card sizes: the sheet, and the QR code's printed width on it. */
export const CARD_SIZES = { a6: { qrMm: 56 }, a7: { qrMm: 36 } } as const;
export type CardSize = keyof typeof CARD_SIZES;

/**
 * A branch's desk cards, one per printed page (A6 or A7; the browser's print
 * makes the PDF): PSH's name, the desk, a short instruction in Georgian and
 * English, the QR code and its URL written out for those who type it.
 */
export function deskCardsPage(session: ConsoleSession, branch: Branch, publicUrl: string, size: CardSize): SafeHtml {
  return consolePage(
    session,
    session.t.desks.cards(branch.code),
    html`<div class="cards size-${size}">${branch.desks.map((desk) => {
      const qr = deskQr(publicUrl, desk.code);
      return html`<section class="card" aria-label="${desk.code}">
<p class="card-org"><span lang="ka">იუსტიციის სახლი</span> · <span lang="en">Public Service Hall</span></p>
<p class="card-desk"><span lang="ka">სარკმელი</span> / <span lang="en">Desk</span> <strong>${desk.code}</strong></p>
<p class="card-branch"><span lang="ka">${branch.name.ka}</span> · <span lang="en">${branch.name.en ?? branch.name.ka}</span></p>
${trustedHtml(deskQrSvg(qr, CARD_SIZES[size].qrMm, `QR: ${qr.text}`))}
<p class="card-do" lang="ka">დაასკანერეთ ტელეფონით: შეაფასეთ მომსახურება, მიიღეთ მონაწილეობა გამოკითხვაში, დაგვიტოვეთ უკუკავშირი.</p>
<p class="card-do" lang="en">Scan with your phone: rate this service, take a survey, leave feedback.</p>
<p class="card-url">${qr.text}</p>
</section>`;
    })}</div>`,
  );
}
