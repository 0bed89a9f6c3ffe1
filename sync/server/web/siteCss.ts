/**
 * The one stylesheet of the console and the public pages, served as
 * /static/site.css (no inline styles: the CSP allows only 'self').
 * Large type, strong focus ring, WCAG AA contrast, usable by keyboard alone.
 */
export const SITE_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #4a4a4a; --line: #c8c8c8; --brand: #0b4f8a; --warn: #8a1c00; --soon: #5c4300; --ok: #0a5c2b; }
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.5 "Noto Sans", "Noto Sans Georgian", system-ui, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--brand); }
:focus-visible { outline: 4px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 2; }
header.site { background: var(--brand); color: #fff; padding: .75rem 1.5rem; display: flex; gap: 2rem; align-items: center; flex-wrap: wrap; }
header.site a { color: #fff; }
header.site nav ul { list-style: none; display: flex; gap: 1.5rem; margin: 0; padding: 0; flex-wrap: wrap; }
header.site .who { margin-left: auto; display: flex; gap: 1rem; align-items: center; }
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
form.stack { display: grid; gap: .5rem; max-width: 48rem; margin: .5rem 0 1.5rem; }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin-bottom: 1rem; }
.filters label, form.stack label { display: grid; gap: .25rem; font-weight: 600; }
input, select, textarea, button { font: inherit; }
input, select, textarea { padding: .4rem .5rem; border: 2px solid #555; border-radius: .25rem; min-height: 2.75rem; }
textarea { min-height: 8rem; }
button, .button { min-height: 2.75rem; padding: .4rem 1rem; border: 2px solid var(--brand); background: var(--brand); color: #fff; border-radius: .25rem; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: var(--brand); }
.error { border-left: 6px solid var(--warn); background: #fde7e1; padding: .75rem 1rem; margin: 1rem 0; }
.notice { border-left: 6px solid var(--brand); background: #e8f0f8; padding: .75rem 1rem; margin: 1rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
dl.facts dt { font-weight: 600; }
.chart-pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: .5rem; max-width: 70rem; }
.chart-pair table { max-width: 70rem; }
svg.chart { width: 100%; max-width: 800px; height: auto; }
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
`;
