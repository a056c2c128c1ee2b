/**
 * The page's one style sheet, inline: light and dark colours (the reader's preference on screen,
 * light on paper), A4 landscape pages (A3 for wide maps), and print rules that fit every map to
 * the page. Colours pass WCAG AA for their text (4.5:1 and more).
 */
export const CSS = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #4a4a4a; --line: #8a8a8a; --panel: #f3f4f6;
  --accent: #0b5cad; --key: #6b3fa0; --error-bg: #a4161a; --error-fg: #ffffff;
  --warn-bg: #7a4d00; --warn-fg: #ffffff; --open-bg: #fff0e3; --open-line: #b54708;
  --over-bg: #fde0e0; --over-line: #a4161a; --good: #1e7b34; --mid: #9a6700; --bad: #b42318;
  --assumed: #6b6b6b;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --fg: #ececec; --muted: #b8b8b8; --line: #6d6d6d; --panel: #22252a;
    --accent: #8ab4f8; --key: #c9a7ff; --error-bg: #ff8a80; --error-fg: #15171a;
    --warn-bg: #f6c453; --warn-fg: #15171a; --open-bg: #3a2614; --open-line: #f3a45f;
    --over-bg: #4a1c1c; --over-line: #ff8a80; --good: #6fd08c; --mid: #f2c14e; --bad: #ff8a80;
    --assumed: #a0a0a0;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; padding: 1rem 1.5rem 2rem; background: var(--bg); color: var(--fg);
  font: 0.95rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.25rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.4rem; }
p { margin: 0.25rem 0; }
ul { margin: 0.2rem 0; padding-left: 1.2rem; }
code, .id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em; }
.id { color: var(--muted); }
.muted { color: var(--muted); }
.vh {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
.meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.25rem 0 0.5rem; padding: 0; list-style: none; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; }
.badge {
  display: inline-block; margin: 0.1rem 0.2rem 0.1rem 0; padding: 0 0.4rem; border-radius: 0.6rem;
  font-size: 0.75rem; font-weight: 600; text-decoration: none; white-space: nowrap;
}
.badge.error { background: var(--error-bg); color: var(--error-fg); }
.badge.warning { background: var(--warn-bg); color: var(--warn-fg); }
.tag { display: inline-block; padding: 0 0.35rem; border: 1px solid var(--line); border-radius: 0.3rem; font-size: 0.8rem; }
.grid-wrap { overflow-x: auto; margin: 0.5rem 0; }
table { border-collapse: collapse; }
.map { width: 100%; }
.map th, .map td { border: 1px solid var(--line); padding: 0.35rem 0.45rem; vertical-align: top; text-align: left; }
.map td { min-width: 9rem; }
.map thead th { background: var(--panel); }
.map tbody th { background: var(--panel); width: 7.5rem; font-weight: 600; }
.map .stage.key { border-top: 4px solid var(--key); }
.map .stage.open, .map td.open { background: var(--open-bg); border: 2px dashed var(--open-line); }
.key-moment { color: var(--key); font-weight: 700; }
.status { display: block; font-size: 0.8rem; font-weight: 400; }
.map td.curve-cell { padding: 0; }
.curve { display: block; width: 100%; height: 72px; }
.curve line { stroke: var(--fg); stroke-width: 2; }
.curve .grid { stroke: var(--line); stroke-width: 1; stroke-dasharray: 2 4; }
.curve circle { stroke: var(--fg); stroke-width: 1.5; }
.curve .s1, .curve .s2 { fill: var(--bad); }
.curve .s3 { fill: var(--mid); }
.curve .s4, .curve .s5 { fill: var(--good); }
.curve circle.assumed { fill: var(--bg); stroke: var(--assumed); stroke-width: 2.5; stroke-dasharray: 3 2; }
.score { display: block; padding: 0 0.45rem 0.3rem; font-size: 0.85rem; }
.score.assumed { font-style: italic; }
.evidence.none { color: var(--fg); font-style: italic; border-left: 3px dashed var(--assumed); padding-left: 0.4rem; }
.survey { margin: 0.2rem 0 0.4rem; padding: 0.3rem 0.45rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 0.3rem; background: var(--panel); }
.survey p { font-size: 0.85rem; }
.survey-title { font-weight: 600; }
details summary { cursor: pointer; }
.persona-card { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.5rem 1rem; background: var(--panel); }
.persona-card .lists { display: flex; flex-wrap: wrap; gap: 0 2rem; }
.traits th, .traits td, .strip th, .strip td, .findings th, .findings td {
  border: 1px solid var(--line); padding: 0.25rem 0.45rem; text-align: left; vertical-align: top;
}
.traits thead th, .strip thead th, .findings thead th { background: var(--panel); }
.basis-data { font-weight: 600; }
.basis-hypothesis { font-style: italic; }
.strip { width: 100%; table-layout: fixed; }
.strip td { height: 4.5rem; }
.strip .count { display: block; font-size: 1.2rem; font-weight: 700; }
.strip ul { list-style: none; padding: 0; font-size: 0.75rem; }
.strip td.over { background: var(--over-bg); border: 2px solid var(--over-line); }
.strip .over-note { display: block; font-size: 0.75rem; font-weight: 700; }
.findings { width: 100%; }
.findings td { overflow-wrap: anywhere; }
footer { margin-top: 2rem; font-size: 0.8rem; color: var(--muted); }
@page { size: A4 landscape; margin: 10mm; }
@page wide { size: A3 landscape; margin: 10mm; }
@media print {
  body { padding: 0; font-size: 9pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav { display: none; }
  .journey, .persona { break-before: page; }
  .journey.wide { page: wide; }
  .grid-wrap { overflow: visible; }
  .map, .strip, .findings, .traits { table-layout: fixed; width: 100%; }
  .map td { min-width: 0; }
  .map th, .map td, .strip td, .traits td { overflow-wrap: anywhere; }
  .survey, .map tr, .strip tr { break-inside: avoid; }
  .badge { white-space: normal; }
}
`;
