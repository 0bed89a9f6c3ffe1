import { html, type SafeHtml } from './html.js';
import { page } from './layout.js';

/**
 * What a person's browser shows when a page or form is refused for too many
 * requests (429): phones behind a branch's Wi-Fi or a mobile operator's
 * shared address can meet it. Answered before any page knows the visitor's
 * language, so it says it in Georgian first and in English, each marked as
 * its language for screen readers; a form refused here was not stored.
 */
export function tooManyRequestsPage(retryAfterSeconds: number): SafeHtml {
  const seconds = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return page({
    title: 'გთხოვთ, ცოტა მოიცადოთ',
    lang: 'ka',
    siteName: 'იუსტიციის სახლი · Public Service Hall',
    nav: [],
    skipLabel: 'მთავარ შინაარსზე გადასვლა',
    body: html`<p>ამ ქსელიდან ძალიან ბევრი მოთხოვნა მოვიდა ერთდროულად. ამ გვერდიდან გაგზავნილი პასუხები არ შენახულა: დაბრუნდით უკან და კვლავ გაგზავნეთ ${seconds} წამში.</p>
<div lang="en">
<h2>Please wait a moment</h2>
<p>Too many requests came from this network at once. What this page sent was not saved: go back and send it again in ${seconds} seconds.</p>
</div>`,
  });
}
