// dateline web UI. Every piece of article text reaches the page through textContent or
// setAttribute, never as markup: an article that contains <script> shows it as text.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT",
  "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"];
const SVG = "http://www.w3.org/2000/svg";
const DAY = 24 * 60 * 60 * 1000;
// The visible span each zoom button sets, centred where the view is now.
const ZOOMS = { decades: 60 * 365.25 * DAY, years: 6 * 365.25 * DAY, months: 8 * 30.4 * DAY, days: 14 * DAY };
let timeline = null;
let entriesById = new Map();

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  return appendAll(node, children);
}

// Optional parts are written `cond ? part : null`; DOM append would print those as "null".
function appendAll(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function fill(node, ...children) {
  node.replaceChildren();
  return appendAll(node, children);
}

function fileName(path) {
  return String(path || "").split(/[\\/]/).pop();
}

function docTitle(d) {
  return d.title || fileName(d.path) || `document ${d.id ?? d.doc_id}`;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

function status(text, isError) {
  const node = document.getElementById("status");
  node.textContent = text || "";
  node.className = isError ? "error" : "muted";
}

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const link of document.querySelectorAll("nav a")) link.classList.toggle("active", link.dataset.view === view);
}

function parseDate(value) {
  // "1988", "1988-02", "2016-04-04", a decade "198": the first day of the period.
  if (!value) return null;
  const m = /^(\d{3,4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  const year = m[1].length === 3 ? Number(m[1]) * 10 : Number(m[1]);
  const d = new Date(0);
  d.setFullYear(year, m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  d.setHours(0, 0, 0, 0);
  return d;
}

function actorLink(p) {
  const label = p.name || p.actor_id || "?";
  const text = p.code ? `${label} (${p.code}${p.sector ? " " + p.sector : ""})` : label;
  return p.actor_id ? el("a", { href: `#/actor/${encodeURIComponent(p.actor_id)}` }, text) : el("span", {}, text);
}

function docLink(docId, start, end, text) {
  return el("a", { href: `#/document/${docId}/${start}/${end}`, class: "source-link" }, text);
}

// ---------------------------------------------------------------- timeline
async function initFilters() {
  const actors = await api("/api/actors");
  const select = document.getElementById("f-actor");
  for (const a of actors.slice(0, 400)) select.append(el("option", { value: a.id }, `${a.name} (${a.n_mentions})`));
  const speakers = document.getElementById("speakers");
  for (const a of actors.slice(0, 400)) speakers.append(el("option", { value: a.name }));
  const types = document.getElementById("f-type");
  for (const t of PLOVER) types.append(el("option", { value: t }, t));
  document.getElementById("timeline-filters").addEventListener("change", () => loadTimeline());
  for (const button of document.querySelectorAll("#zoom button")) button.addEventListener("click", () => zoom(button.dataset.zoom));
}

function zoom(level) {
  if (!timeline) return;
  if (level === "fit" || !ZOOMS[level]) { timeline.fit({ animation: false }); return; }
  const selected = timeline.getSelection();
  const item = selected.length ? entriesById.get(selected[0]) : null;
  const view = timeline.getWindow();
  // Zoom in on the selected entry if there is one, else on the middle of the view.
  const centre = item && parseDate(item.date) ? parseDate(item.date).getTime() + DAY / 2 : (view.start.getTime() + view.end.getTime()) / 2;
  timeline.setWindow(new Date(centre - ZOOMS[level] / 2), new Date(centre + ZOOMS[level] / 2), { animation: false });
}

function showRange() {
  if (!timeline) return;
  const { start, end } = timeline.getWindow();
  const days = (end - start) / DAY;
  const cut = days > 3 * 365 ? 4 : days > 60 ? 7 : 10;  // years, months or days, as the zoom level reads
  document.getElementById("timeline-range").textContent =
    `Showing ${start.toISOString().slice(0, cut)} – ${end.toISOString().slice(0, cut)}`;
}

function timelineQuery() {
  const params = new URLSearchParams();
  const pick = (id, name) => { const v = document.getElementById(id).value; if (v) params.set(name, v); };
  pick("f-actor", "actor"); pick("f-type", "type"); pick("f-from", "from"); pick("f-to", "to");
  const kind = document.getElementById("f-kind").value;
  if (kind !== "all") params.set("kind", kind);
  return params.toString();
}

async function loadTimeline() {
  show("timeline");
  let entries;
  try { entries = await api(`/api/timeline?${timelineQuery()}`); }
  catch (error) { status(error.message, true); return; }
  status("");
  entriesById = new Map(entries.map((e) => [e.id, e]));
  document.getElementById("timeline-count").textContent = `${entries.length} entries`;
  const items = [];
  for (const e of entries) {
    const start = parseDate(e.date);
    if (!start) continue;
    const content = el("span", { class: "item-label" }, `${e.event} · ${e.headline}`, e.n_sources > 1 ? el("b", {}, ` ×${e.n_sources}`) : null);
    const item = { id: e.id, group: e.kind, start, content, className: `kind-${e.kind}${e.contradictions.length ? " contradicted" : ""}` };
    if (e.date_end) { item.end = parseDate(e.date_end); item.type = "range"; } else { item.type = "box"; }
    items.push(item);
  }
  const container = document.getElementById("timeline");
  const groups = [{ id: "news", content: "news" }, { id: "background", content: "background" }];
  if (!timeline) {
    timeline = new vis.Timeline(container, items, groups, {
      zoomMin: 1000 * 60 * 60 * 24 * 3, zoomMax: 1000 * 60 * 60 * 24 * 365 * 80, stack: true, maxHeight: 520,
      orientation: "top", margin: { item: 6 }, tooltip: { followMouse: false },
    });
    timeline.on("select", (props) => { if (props.items.length) location.hash = `#/entry/${props.items[0]}`; });
    timeline.on("rangechanged", showRange);
  } else {
    timeline.setItems(items);
  }
  if (items.length) timeline.fit({ animation: false });
  showRange();
  // The timeline canvas is mouse-and-touch only: the list gives keyboards and screen readers every entry.
  fill(document.getElementById("entry-list"), entries.map((e) => el("li", {},
    el("a", { href: `#/entry/${e.id}` }, `${e.date}${e.date_end ? " – " + e.date_end : ""} · ${e.event} · ${e.headline}`),
    el("span", { class: "meta" }, ` ${e.kind}, ${e.n_sources} source(s)${e.contradictions.length ? ", sources disagree" : ""}`))));
}

async function showEntry(id) {
  if (!timeline) await loadTimeline(); else show("timeline");
  let entry = entriesById.get(id);
  if (!entry) {
    try { entry = await api(`/api/timeline/${id}`); } catch (error) { status(error.message, true); return; }
  }
  if (timeline) timeline.setSelection([id]);
  const box = document.getElementById("entry");
  box.hidden = false;
  fill(box,
    el("h2", {}, entry.headline),
    el("p", { class: "meta" }, `${entry.date}${entry.date_end ? " – " + entry.date_end : ""} · ${entry.granularity} · ${entry.kind} · ${entry.event}` +
      `${entry.mode ? " (" + entry.mode + ")" : ""} · ${entry.n_sources} source(s) in ${entry.n_documents} article(s)`),
    entry.actors.length ? el("p", {}, "Actors: ", ...entry.actors.flatMap((a, i) => [i ? ", " : "", actorLink(a)])) : null,
    entry.recipients.length ? el("p", {}, "Recipients: ", ...entry.recipients.flatMap((a, i) => [i ? ", " : "", actorLink(a)])) : null,
    entry.contradictions.length ? el("div", { class: "contradictions" }, el("h3", {}, "Sources disagree"),
      el("ul", {}, entry.contradictions.map((c) => el("li", {}, `${c.field}: ${c.values.join("  vs  ")}`)))) : null,
    el("h3", {}, "Sources"),
    el("ol", { class: "sources" }, entry.sources.map((s) => el("li", {},
      el("span", { class: "meta" }, `${s.outlet || "unknown outlet"} · ${s.published || "undated"} · says ${s.claim || s.date || "?"}`),
      el("blockquote", {}, s.sentence.trim()),
      docLink(s.doc_id, s.start, s.end, `Open the article (${docTitle(s)})`)))),
    entry.quotes.length ? el("h3", {}, "What was said") : null,
    entry.quotes.length ? el("ul", {}, entry.quotes.map((q) => el("li", {}, el("b", {}, q.speaker || "unattributed"), ": ", el("q", {}, q.text)))) : null,
  );
  box.scrollIntoView({ block: "nearest" });
}

// ---------------------------------------------------------------- article view
async function showDocument(id, start, end) {
  show("document");
  const box = document.getElementById("view-document");
  let doc;
  try { doc = await api(`/api/documents/${id}`); } catch (error) { status(error.message, true); fill(box); return; }
  status("");
  const marks = [];
  for (const s of doc.spans) marks.push({ start: s.start, end: s.end, cls: s.kind === "actor_mention" ? "actor" : s.kind, title: `${s.kind}: ${s.label}${s.value ? " = " + s.value : ""}` });
  for (const q of doc.quotes) marks.push({ start: q.start, end: q.end, cls: "quote", title: `quote by ${q.speaker || "?"}` });
  if (start !== null && end !== null) marks.push({ start, end, cls: "evidence", title: "evidence" });
  const cuts = new Set([0, doc.text.length]);
  for (const m of marks) { cuts.add(Math.max(0, m.start)); cuts.add(Math.min(doc.text.length, m.end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "article-text" });
  let evidence = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    const text = doc.text.slice(a, b);
    if (!covering.length) { body.append(document.createTextNode(text)); continue; }
    const span = el("span", { class: [...new Set(covering.map((m) => m.cls))].join(" "), title: covering.map((m) => m.title).join("; ") }, text);
    if (covering.some((m) => m.cls === "evidence") && !evidence) evidence = span;
    body.append(span);
  }
  fill(box,
    el("h2", {}, docTitle(doc)),
    el("p", { class: "meta" }, `${doc.outlet || "unknown outlet"} · ${doc.published || "date " + doc.date_source} · ${doc.path}`),
    el("p", { class: "legend" }, el("span", { class: "entity" }, "entity"), " ", el("span", { class: "timex" }, "time expression"), " ",
      el("span", { class: "actor" }, "actor"), " ", el("span", { class: "quote" }, "quote"), " ", el("span", { class: "evidence" }, "evidence")),
    body,
  );
  if (evidence) { evidence.id = "evidence"; evidence.scrollIntoView({ block: "center" }); }
}

// ---------------------------------------------------------------- quotes
async function loadQuotes() {
  show("quotes");
  const params = new URLSearchParams();
  const pick = (id, name) => { const v = document.getElementById(id).value.trim(); if (v) params.set(name, v); };
  pick("q-speaker", "speaker"); pick("q-code", "code"); pick("q-from", "from"); pick("q-to", "to");
  let quotes;
  try { quotes = await api(`/api/quotes?${params}`); } catch (error) { status(error.message, true); return; }
  status("");
  fill(document.getElementById("quotes"), table(["date", "speaker", "country", "quote", ""], quotes.map((q) => [
    q.date || "", q.actor_id ? actorLink({ actor_id: q.actor_id, name: q.speaker }) : (q.speaker || "unattributed"),
    [q.code, q.sector].filter(Boolean).join(" "), el("q", {}, q.quote), docLink(q.doc_id, q.start, q.end, "article"),
  ])));
}

function table(headers, rows) {
  return el("div", { class: "table-wrap" }, el("table", {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c, i) => el("td", { "data-label": headers[i] || null }, c)))))));
}

// ---------------------------------------------------------------- actors
async function loadActors() {
  show("actors");
  const actors = await api("/api/actors");
  fill(document.getElementById("view-actors"), el("h2", {}, "Actors"), table(["name", "kind", "code", "sector", "mentions", "articles"],
    actors.map((a) => [el("a", { href: `#/actor/${encodeURIComponent(a.id)}` }, a.name), a.kind, a.code, a.sector, a.n_mentions, a.n_documents])));
}

async function showActor(id) {
  show("actor");
  const box = document.getElementById("view-actor");
  let actor;
  try { actor = await api(`/api/actors/${encodeURIComponent(id)}`); } catch (error) { status(error.message, true); fill(box); return; }
  status("");
  fill(box,
    el("h2", {}, actor.name),
    el("p", { class: "meta" }, [actor.kind, actor.code, actor.sector, actor.office].filter(Boolean).join(" · ")),
    actor.aliases.length ? el("p", {}, "Also: ", actor.aliases.join(", ")) : null,
    el("h3", {}, "Network"),
    network(actor),
    el("h3", {}, "Said and did"),
    table(["date", "kind", "event", "text", ""], actor.statements.map((s) => [s.date || "", s.kind, s.event, s.text, el("a", { href: `#/document/${s.doc_id}` }, "article")])),
    el("h3", {}, "Articles"),
    el("ul", {}, actor.documents.map((d) => el("li", {}, el("a", { href: `#/document/${d.id}` }, docTitle(d)), ` (${d.mentions} mentions)`))),
  );
}

function network(actor) {
  const size = 420, c = size / 2, radius = 150;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("class", "network");
  svg.setAttribute("role", "img");
  const neighbours = actor.neighbours.slice(0, 24);
  const max = Math.max(1, ...neighbours.map((n) => n.weight));
  const node = (x, y, label, href, main) => {
    const link = document.createElementNS(SVG, "a");
    if (href) link.setAttribute("href", href);
    const circle = document.createElementNS(SVG, "circle");
    circle.setAttribute("cx", x); circle.setAttribute("cy", y); circle.setAttribute("r", main ? 12 : 8);
    circle.setAttribute("class", main ? "node main" : "node");
    const text = document.createElementNS(SVG, "text");
    text.setAttribute("x", x); text.setAttribute("y", y + (main ? 26 : 20)); text.setAttribute("text-anchor", "middle");
    text.textContent = label;
    link.append(circle, text);
    return link;
  };
  neighbours.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(neighbours.length, 1) - Math.PI / 2;
    const [x, y] = [c + radius * Math.cos(angle), c + radius * Math.sin(angle)];
    const line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", c); line.setAttribute("y1", c); line.setAttribute("x2", x); line.setAttribute("y2", y);
    line.setAttribute("stroke-width", 1 + (5 * n.weight) / max);
    line.setAttribute("class", "edge");
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${n.name}: ${Object.entries({ ...n.outgoing }).map(([k, v]) => `${k} ×${v}`).join(", ")} ${Object.keys(n.incoming).length ? "← " + Object.entries(n.incoming).map(([k, v]) => `${k} ×${v}`).join(", ") : ""}`;
    line.append(title);
    svg.append(line, node(x, y, n.name, `#/actor/${encodeURIComponent(n.id)}`, false));
  });
  svg.append(node(c, c, actor.name, null, true));
  if (!neighbours.length) return el("p", { class: "muted" }, "No events with other actors yet.");
  return svg;
}

// ---------------------------------------------------------------- documents
async function loadDocuments() {
  show("documents");
  const docs = await api("/api/documents");
  const box = document.getElementById("view-documents");
  const rows = docs.map((d) => {
    const dated = d.date_source !== "unknown" && d.date_source !== "ambiguous";
    const cell = el("div", { class: "date-cell" });
    if (dated) cell.append(el("span", {}, `${d.published} (${d.date_source})`));
    else {
      const input = el("input", { type: "date", "aria-label": `date of document ${d.id}`, class: "date-input" });
      const candidates = (d.date_candidates || []).map((c) => el("button", {
        type: "button", class: "candidate", title: c.evidence || null, onclick: () => { input.value = c.date; },
      }, c.date));
      // A proposal to the day can be taken as it is; a month or a year only narrows the picker.
      const proposed = d.proposed ? d.proposed.proposed : null;
      if (proposed && /^\d{4}-\d{2}$/.test(proposed)) { input.min = `${proposed}-01`; input.max = `${proposed}-${new Date(Number(proposed.slice(0, 4)), Number(proposed.slice(5, 7)), 0).getDate()}`; }
      const proposal = proposed ? el("p", { class: "proposal" }, `Proposed: ${proposed} (${d.proposed.because})`,
        /^\d{4}-\d{2}-\d{2}$/.test(proposed) ? el("button", { type: "button", class: "candidate", onclick: () => { input.value = proposed; } }, "use") : null) : null;
      const button = el("button", { type: "button", class: "set-date", onclick: () => setDate(d.id, input.value) }, "Set date");
      appendAll(cell, [el("span", { class: "badge" }, d.date_source), proposal, candidates.length ? el("div", {}, "Candidates: ", candidates) : null, el("div", {}, input, button)]);
    }
    return [d.id, el("a", { href: `#/document/${d.id}` }, docTitle(d)), d.outlet || "", cell];
  });
  fill(box, el("h2", {}, "Documents"), el("p", { class: "muted" }, "Undated and ambiguous articles first."), table(["id", "title", "outlet", "publication date"], rows));
}

async function setDate(id, value) {
  if (!value) { status("Choose a date first.", true); return; }
  try {
    const doc = await api(`/api/documents/${id}/date`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ date: value }) });
    timeline = timeline && (timeline.destroy(), null);
    await loadDocuments();
    // Announced once the list shows the new date, so what the status says is what the page shows.
    status(`Document ${doc.id} is now dated ${doc.published}; its dates and the timeline were re-anchored.`);
  } catch (error) { status(error.message, true); }
}

// ---------------------------------------------------------------- search
async function runSearch(query) {
  show("search");
  const box = document.getElementById("view-search");
  document.getElementById("search-input").value = query;
  let hits;
  try { hits = await api(`/api/search?q=${encodeURIComponent(query)}`); } catch (error) { status(error.message, true); fill(box); return; }
  status("");
  fill(box, el("h2", {}, `Search: ${query}`), el("p", { class: "muted" }, `${hits.length} result(s)`),
    el("ol", { class: "results" }, hits.map((h) => el("li", {}, el("a", { href: `#/document/${h.doc_id}` }, docTitle(h)),
      el("span", { class: "meta" }, ` ${h.published || "undated"} ${h.outlet || ""}`), el("p", { class: "snippet" }, snippet(h.snippet))))));
}

function snippet(text) {
  // FTS5 marks hits with [ and ]: turn them into <mark> without parsing the text as markup.
  const parts = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text || ""))) {
    parts.push(text.slice(last, m.index), el("mark", {}, m[1]));
    last = m.index + m[0].length;
  }
  parts.push((text || "").slice(last));
  return parts;
}

// ---------------------------------------------------------------- routing
async function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  try {
    switch (parts[0]) {
      case "entry": await showEntry(Number(parts[1])); break;
      case "document": await showDocument(Number(parts[1]), parts[2] ? Number(parts[2]) : null, parts[3] ? Number(parts[3]) : null); break;
      case "quotes": await loadQuotes(); break;
      case "actors": await loadActors(); break;
      case "actor": await showActor(parts.slice(1).join("/")); break;
      case "documents": await loadDocuments(); break;
      case "search": await runSearch(parts.slice(1).join("/")); break;
      default: await loadTimeline();
    }
  } catch (error) { status(error.message, true); }
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
document.getElementById("quote-filters").addEventListener("submit", (event) => { event.preventDefault(); loadQuotes(); });
window.addEventListener("hashchange", route);
initFilters().then(route).catch((error) => status(error.message, true));
