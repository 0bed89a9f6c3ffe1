/**
 * The one stylesheet of the console and the public pages, served as
 * /static/site.css (no inline styles: the CSP allows only 'self').
 * Large type, strong focus ring, WCAG AA contrast, usable by keyboard alone.
 */
export const SITE_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #4a4a4a; --line: #c8c8c8; --brand: #0b4f8a; --warn: #8a1c00; --soon: #5c4300; --ok: #0a5c2b; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.125rem/1.5 "Noto Sans", "Noto Sans Georgian", system-ui, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--brand); }
:focus-visible { outline: 4px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 2; }
header.site { background: var(--brand); color: #fff; padding: .75rem 1.5rem; display: flex; gap: 2rem; align-items: center; flex-wrap: wrap; }
header.site a { color: #fff; }
header.site nav ul { list-style: none; display: flex; gap: 1.5rem; margin: 0; padding: 0; flex-wrap: wrap; }
header.site .who { margin-left: auto; display: flex; gap: .5rem 1rem; align-items: center; flex-wrap: wrap; }
main { padding: 1.5rem; max-width: 1400px; }
h1 { font-size: 2rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.4rem; margin: 1.5rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f0f3f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.message { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 60ch; }
.tag { display: inline-block; padding: 0 .5rem; border-radius: .25rem; font-weight: 600; }
.overdue { background: #fde7e1; color: var(--warn); }
.due-soon { background: #fff3cd; color: var(--soon); }
.on-time { background: #e3f4e8; color: var(--ok); }
form.inline { display: inline; }
form.stack { display: grid; grid-template-columns: minmax(0, 1fr); gap: .5rem; max-width: 48rem; margin: .5rem 0 1.5rem; }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
.filters label, form.stack label { display: grid; gap: .25rem; font-weight: 600; }
input, select, textarea, button { font: inherit; }
input, select, textarea { max-width: 100%; }
input, select, textarea { padding: .4rem .5rem; border: 2px solid #555; border-radius: .25rem; min-height: 2.75rem; }
textarea { min-height: 8rem; }
button, .button { min-height: 2.75rem; padding: .4rem 1rem; border: 2px solid var(--brand); background: var(--brand); color: #fff; border-radius: .25rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--brand); }
.error { border-left: 6px solid var(--warn); background: #fde7e1; padding: .75rem 1rem; margin: 1rem 0; }
.notice { border-left: 6px solid var(--brand); background: #e8f0f8; padding: .75rem 1rem; margin: 1rem 0; }
/* The receipt's check in the citizen's browser (public/browser/receiptCheck.ts): each finding in words, its state by border too. */
.findings { list-style: none; padding: 0; max-width: 60ch; }
.findings li { border-left: 6px solid var(--line); padding: .5rem .75rem; margin: .5rem 0; overflow-wrap: anywhere; }
.findings li.ok { border-color: var(--ok); background: #e3f4e8; }
.findings li.bad { border-color: var(--warn); background: #fde7e1; font-weight: 600; }
.findings li.wait { border-color: var(--soon); background: #fff3cd; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
dl.facts dt { font-weight: 600; overflow-wrap: anywhere; }
.chart-pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: .5rem; max-width: 70rem; }
.chart-pair table { max-width: 70rem; }
/* A table scrolls inside its own named region (web/tableRegion.ts): on a phone the page itself never scrolls sideways. */
.table-region { max-width: 100%; overflow-x: auto; margin: .5rem 0 1rem; }
.table-region > table { margin: 0; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }
svg.chart { width: 100%; max-width: 800px; height: auto; }
svg.chart-narrow { display: none; max-width: 30rem; }
tbody th { background: none; }
svg.chart text { font-size: 14px; fill: #111; }
.big { font-size: 3rem; font-weight: 700; margin: 0; }
.code { font-family: "Noto Sans Mono", ui-monospace, monospace; letter-spacing: .1em; }
table.figures { width: auto; min-width: 24rem; }
table.figures td { min-width: 7rem; }
table.figures tfoot th, table.figures tfoot td { font-weight: 700; border-top: 2px solid #333; background: none; }
ul.sources { margin: 0; padding-left: 1.1rem; }
ol.timeline li { margin: .35rem 0; }
ol.timeline .when { font-variant-numeric: tabular-nums; color: #333; margin-right: .5rem; }
code.entry { font-size: .85rem; overflow-wrap: anywhere; }
td.progress { white-space: nowrap; }
.chart-title { font-weight: 600; margin: 1rem 0 0; }
.proof { font-family: "Noto Sans Mono", ui-monospace, monospace; font-size: .9rem; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100ch; background: #f0f3f7; padding: .5rem .75rem; }
/* Phone pages (sync/central/phone): one column, targets of at least 44 CSS px, usable at 320 px and 400% zoom. */
body.phone main { max-width: 40rem; padding: 1rem; }
body.phone h1 { font-size: 1.75rem; overflow-wrap: anywhere; }
header.site.phone { padding: .5rem 1rem; gap: .5rem 1rem; }
ul.languages { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0; padding: 0; }
ul.languages a { display: inline-block; min-height: 44px; padding: .6rem .25rem; }
ul.languages a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
ul.tiles { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: .75rem; }
a.tile { display: block; min-height: 44px; padding: .9rem 1rem; border: 2px solid var(--brand); border-radius: .4rem; font-weight: 600; text-decoration: none; }
a.tile:hover { background: #e8f0f8; }
a.back { display: inline-block; min-height: 44px; padding: .6rem 0; }
a.back::before { content: "‹ "; }
fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; min-width: 0; }
legend { font-weight: 600; margin-bottom: .5rem; padding: 0; }
legend.question h1, h1.question { margin: 0 0 .5rem; }
div.choice { display: flex; align-items: center; gap: .75rem; margin: .5rem 0; }
div.choice input { width: 44px; height: 44px; margin: 0; flex: none; accent-color: var(--brand); }
div.choice label { padding: .5rem 0; flex: 1; min-width: 0; overflow-wrap: anywhere; }
div.choice label .hint { display: block; margin: .15rem 0 0; font-weight: 400; }
div.choice:has(.hint) { align-items: flex-start; }
div.single { margin: 0 0 1.5rem; }
div.field { display: grid; gap: .35rem; margin: 0 0 1.5rem; }
div.field label { font-weight: 600; }
div.field textarea, div.field input[type=text] { width: 100%; }
.hint { color: var(--muted); margin: 0 0 .5rem; }
.field-error { color: var(--warn); font-weight: 700; margin: 0 0 .5rem; }
.has-error { border-left: 5px solid var(--warn); padding-left: .75rem; }
.error-summary { border: 4px solid var(--warn); padding: .75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: var(--warn); font-weight: 700; }
.caption { color: var(--muted); margin: 0 0 .25rem; }
body.phone button, body.phone .button { min-height: 48px; padding: .6rem 1.25rem; font-weight: 600; }
ol#answer { padding-left: 1.75rem; }
ol#answer li { display: flex; align-items: center; justify-content: space-between; gap: .5rem; padding: .4rem 0; border-bottom: 1px solid var(--line); }
ol#answer .item { flex: 1; min-width: 0; overflow-wrap: anywhere; }
ol#answer .moves { display: flex; gap: .35rem; flex: none; }
ol#answer .moves button { min-width: 48px; padding: .4rem; font-size: 1.25rem; }
button:disabled { opacity: .45; cursor: default; }
dl.summary > div { border-bottom: 1px solid var(--line); padding: .5rem 0; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: .25rem 0 0; overflow-wrap: anywhere; }
dl.summary dd.change a { display: inline-block; min-height: 44px; padding: .5rem 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.panel { background: var(--ok); color: #fff; padding: 1rem; border-radius: .4rem; text-align: center; }
.panel p { margin: 0; }
.panel .big { overflow-wrap: anywhere; }
/* The Listen button: the browser's own audio player, full width, tall enough to touch. */
.caption .code { white-space: nowrap; }
table.fleet th, table.fleet td.num { white-space: nowrap; }
.listen { display: flex; flex-direction: column; gap: .25rem; margin: 0 0 1rem; font-weight: 600; }
.listen audio { width: 100%; min-height: 48px; }
/* The voice recorder (phone feedback): hidden until its script finds the browser can record. */
/* The page's buttons set their own display, which would otherwise show a hidden one. */
.voice [hidden] { display: none; }
.voice { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1.5rem; }
.voice audio { width: 100%; min-height: 48px; margin: .5rem 0; }
.voice .actions, form .actions { display: flex; flex-wrap: wrap; gap: .5rem; }
footer.phone { border-top: 1px solid var(--line); margin-top: 2rem; padding: .5rem 1rem 2rem; }
footer.phone ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; padding: 0; margin: 0; }
footer.phone a { display: inline-block; min-height: 44px; padding: .6rem 0; }
html.large-text body { font-size: 1.5rem; }
html.large-text body.phone h1 { font-size: 2.1rem; }
html.high-contrast body, html.high-contrast header.site, html.high-contrast .panel { background: #000; color: #fff; }
html.high-contrast a, html.high-contrast header.site a, html.high-contrast .error-summary a { color: #ffeb3b; }
html.high-contrast a.tile { border-color: #ffeb3b; }
html.high-contrast a.tile:hover { background: #222; }
html.high-contrast .hint, html.high-contrast .caption { color: #e0e0e0; }
html.high-contrast .field-error { color: #ff9e80; }
html.high-contrast .error-summary, html.high-contrast .has-error { border-color: #ff9e80; }
html.high-contrast input, html.high-contrast textarea { background: #000; color: #fff; border-color: #fff; }
html.high-contrast button, html.high-contrast .button { background: #ffeb3b; color: #000; border-color: #ffeb3b; }
html.high-contrast button.secondary { background: #000; color: #ffeb3b; }
html.high-contrast .notice { background: #000; color: #fff; border-color: #ffeb3b; }
html.high-contrast .findings li { background: #000; color: #fff; }
/* Desk cards (console/deskPages.ts): on screen a row of cards; printed, one card per A6 or A7 page. */
.cards { display: flex; flex-wrap: wrap; gap: 1rem; }
.card { border: 1px dashed #888; padding: 5mm; width: 105mm; min-height: 148mm; display: flex; flex-direction: column; align-items: center; text-align: center; gap: 2mm; color: #000; background: #fff; font-size: 10pt; line-height: 1.45; }
.size-a7 .card { width: 74mm; min-height: 105mm; padding: 3mm; gap: 1mm; font-size: 7.5pt; }
.card p { margin: 0; }
.card svg.qr { flex: none; }
.card-org { font-weight: 700; color: var(--brand); }
.card-desk { font-size: 1.3em; }
.card-desk strong { font-family: "Noto Sans Mono", ui-monospace, monospace; letter-spacing: .05em; }
.card-url { font-family: "Noto Sans Mono", ui-monospace, monospace; font-size: .75em; overflow-wrap: anywhere; }
@page desk-a6 { size: 105mm 148mm; margin: 0; }
@page desk-a7 { size: 74mm 105mm; margin: 0; }
/* A phone (320 px and up), last so it overrides the rules above: narrower margins, long words and hashes wrap, a fact's name above its value. */
@media (max-width: 40rem) {
  main { padding: 1rem .75rem; }
  header.site { padding: .75rem; gap: .5rem 1rem; }
  header.site nav ul { gap: .25rem 1rem; }
  h1 { font-size: 1.6rem; overflow-wrap: anywhere; }
  h2, h3, p, li, header.site { overflow-wrap: anywhere; }
  .big { font-size: 2.25rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.facts dd { margin-bottom: .5rem; }
  svg.chart-wide { display: none; }
  svg.chart-narrow { display: block; }
}
@media print {
  header.site, .skip, body > main > h1 { display: none; }
  main { padding: 0; max-width: none; }
  .cards { display: block; }
  .card { border: 0; break-after: page; margin: 0; }
  .size-a6 .card { page: desk-a6; height: 148mm; }
  .size-a7 .card { page: desk-a7; height: 105mm; }
}
`;
