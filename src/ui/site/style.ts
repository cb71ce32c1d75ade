/**
 * The site's one stylesheet, inlined in every page (allowed by its hash: no file to fetch, no
 * style attribute anywhere). System fonts only. Narrow screens first; the timeline keeps its 24
 * hours in the width of a phone, labels above the bars.
 */
export const SITE_CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#5b636d;--bg:#fff;--card:#f5f7f9;--line:#d6dbe1;--work:#2e9e57;--away:#d9a400;--holiday:#b04fc9;--now:#d0362c;--link:#0b62c4}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ec;--muted:#9aa3ad;--bg:#111417;--card:#1b2025;--line:#2f363e;--link:#6fb1ff}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;border-bottom:1px solid var(--line);padding-block:.75rem}
header h1{font-size:1.25rem;margin:0}
nav a{margin-right:1rem}
a{color:var(--link)}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
section{margin-bottom:1.5rem}
.muted,footer{color:var(--muted);font-size:.875rem}
footer{border-top:1px solid var(--line);padding-block:1rem;margin-top:2rem}
.hours,.timeline-row{display:grid;grid-template-columns:minmax(0,1fr);gap:.15rem}
.hours ol{display:grid;grid-template-columns:repeat(24,1fr);list-style:none;margin:0;padding:0;font-size:.7rem;color:var(--muted)}
.hours li:nth-child(3n+2),.hours li:nth-child(3n+3){visibility:hidden}
.timeline-row{padding:.35rem 0;border-bottom:1px solid var(--line)}
.who{font-size:.9rem;line-height:1.35;min-width:0}
.who .line{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;height:1.35em}
.who .state{color:var(--muted)}
.timeline-row[data-online="true"] .state{color:var(--work);font-weight:600}
svg.bar{width:100%;height:1.1rem;display:block;background:var(--card);border-radius:3px}
svg.axis,svg.axis-label{width:100%;height:1.1rem;display:block;overflow:visible}
.axis-cell{display:grid}.axis-cell>svg{grid-area:1/1}
#now-label{fill:var(--now);font-size:.75rem;font-weight:600}
time.stamp,.their,.yours{white-space:nowrap}
.bar .work{fill:var(--work)}.bar .away{fill:var(--away);opacity:.55}.bar .holiday{fill:var(--holiday);opacity:.55}
.bar .grid{stroke:var(--line);stroke-width:1;vector-effect:non-scaling-stroke}
.now-line,#now{stroke:var(--now);stroke-width:2;vector-effect:non-scaling-stroke}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.8rem;color:var(--muted);list-style:none;padding:0}
.legend .k{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-.1rem;margin-right:.25rem}
.k.work{background:var(--work)}.k.away{background:var(--away)}.k.holiday{background:var(--holiday)}.k.now{background:var(--now)}
ul.items,ol.items{padding-left:1.2rem}
li[data-kind]{margin:.3rem 0}
.tag{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:3px;background:var(--card);border:1px solid var(--line);margin-right:.3rem}
li[data-kind="overdue"] .tag{border-color:var(--now);color:var(--now)}
.day h3{font-size:1rem;margin:1rem 0 .25rem}
.person h4{font-size:.9rem;margin:.5rem 0 0;color:var(--muted)}
article.entry{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;margin:1rem 0;overflow-wrap:anywhere}
article.entry h2{margin-top:.5rem}
pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
pre{overflow-x:auto;background:var(--bg);padding:.5rem;border-radius:4px}
input#search{width:100%;font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:4px;background:var(--bg);color:var(--fg)}
@media (min-width:40rem){.timeline-row,.hours{grid-template-columns:15rem minmax(0,1fr);align-items:center}.hours li:nth-child(n){visibility:visible}}
`;
