// dateline web UI. Every piece of article text reaches the page through textContent or
// setAttribute, never as markup: an article that contains <script> shows it as text.
"use strict";

const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT",
  "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"];
const SVG = "http://www.w3.org/2000/svg";
const DAY = 24 * 60 * 60 * 1000;
// The visible span each zoom button sets, centred where the view is now.
const ZOOMS = { decades: 60 * 365.25 * DAY, years: 6 * 365.25 * DAY, months: 8 * 30.4 * DAY, days: 14 * DAY };
const CANVAS_LIMIT = 2000;  // the timeline canvas draws at most this many entries, the most important
let timeline = null;
let entriesById = new Map();
// Each paged list's position and order; `seq` drops an answer that a newer request overtook.
const lists = {
  canvas: { seq: 0 },
  entries: { offset: 0, seq: 0 },
  quotes: { offset: 0, sort: "date", seq: 0 },
  actors: { offset: 0, sort: "mentions", seq: 0 },
  documents: { offset: 0, sort: "undated", seq: 0 },
};

function fileName(path) {
  return String(path || "").split(/[\\/]/).pop();
}

function docTitle(d) {
  return d.title || fileName(d.path) || `document ${d.id ?? d.doc_id}`;
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
  const actors = await api("/api/actors?limit=400");
  const select = document.getElementById("f-actor");
  for (const a of actors.slice(0, 400)) select.append(el("option", { value: a.id }, `${a.name} (${a.n_mentions})`));
  const speakers = document.getElementById("speakers");
  for (const a of actors.slice(0, 400)) speakers.append(el("option", { value: a.name }));
  const types = document.getElementById("f-type");
  for (const t of PLOVER) types.append(el("option", { value: t }, t));
  const filters = document.getElementById("timeline-filters");
  // The order is the list's alone: the canvas keeps the most important entries on their dates.
  filters.addEventListener("change", (event) => { lists.entries.offset = 0; (event.target.id === "f-sort" ? loadEntryList : loadTimeline)(); });
  let timer = null;
  document.getElementById("f-text").addEventListener("input", () => {
    clearTimeout(timer); timer = setTimeout(() => { lists.entries.offset = 0; loadTimeline(); }, 300);
  });
  filters.addEventListener("submit", (event) => event.preventDefault());
  for (const button of document.querySelectorAll("#zoom button")) button.addEventListener("click", () => zoom(button.dataset.zoom));
}

function zoom(level) {
  if (!timeline) return;
  if (level === "fit" || !ZOOMS[level]) { fitDense(); return; }
  const selected = timeline.getSelection();
  const item = selected.length ? entriesById.get(selected[0]) : null;
  const view = timeline.getWindow();
  // Zoom in on the selected entry if there is one, else on the middle of the view.
  const centre = item && parseDate(item.date) ? parseDate(item.date).getTime() + DAY / 2 : (view.start.getTime() + view.end.getTime()) / 2;
  timeline.setWindow(new Date(centre - ZOOMS[level] / 2), new Date(centre + ZOOMS[level] / 2), { animation: false });
}

// The span where the entries are: from the 2nd to the 98th percentile of their start dates, so that
// one entry dated 1400 or 2218 does not stretch "All" over centuries. An end of the data within one
// such span of it is no outlier and stays in view; a small margin keeps the edge items whole.
function denseWindow(times) {
  const sorted = times.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const n = sorted.length;
  let lo = sorted[Math.floor(0.02 * (n - 1))];
  let hi = sorted[Math.ceil(0.98 * (n - 1))];
  const width = Math.max(hi - lo, 30 * DAY);
  if (sorted[0] >= lo - width) lo = sorted[0];
  if (sorted[n - 1] <= hi + width) hi = sorted[n - 1];
  const margin = Math.max((hi - lo) * 0.05, 15 * DAY);
  return { start: new Date(lo - margin), end: new Date(hi + margin) };
}

function entriesWindow() {
  return denseWindow([...entriesById.values()].map((e) => { const d = parseDate(e.date); return d ? d.getTime() : NaN; }));
}

// Thousands of boxes stacked in one view are unreadable and take vis-timeline seconds to lay out:
// past a few hundred, entries that would overlap are drawn as one cluster that zooming opens.
function clustering(items) {
  return items.length > 300 ? { maxItems: 3, titleTemplate: "{count} entries: zoom in", showStipes: true } : false;
}

function fitDense() {
  const span = entriesWindow();
  if (span) timeline.setWindow(span.start, span.end, { animation: false });
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
  const pick = (id, name) => { const v = document.getElementById(id).value.trim(); if (v) params.set(name, v); };
  pick("f-actor", "actor"); pick("f-type", "type"); pick("f-from", "from"); pick("f-to", "to"); pick("f-text", "q");
  const kind = document.getElementById("f-kind").value;
  if (kind !== "all") params.set("kind", kind);
  return params.toString();
}

async function loadTimeline() {
  show("timeline");
  const current = ticket(lists.canvas);
  // The canvas draws the most important entries, at most CANVAS_LIMIT; the list below pages through all.
  let page;
  try { page = await apiPage(`/api/timeline?${timelineQuery()}&sort=importance&limit=${CANVAS_LIMIT}`); }
  catch (error) { status(error.message, true); return; }
  if (!current()) return;
  status("");
  // Fetched most important first, laid out in date order (ids follow it): vis-timeline stacks items in
  // the order given, and date order keeps the stacking the same whatever the importance.
  const entries = page.rows.slice().sort((a, b) => a.id - b.id);
  entriesById = new Map(entries.map((e) => [e.id, e]));
  document.getElementById("timeline-count").textContent = entries.length < page.total
    ? `${number(entries.length)} of ${number(page.total)} entries shown (the most important)` : `${number(page.total)} entries`;
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
    // Opened on the dense span from the start: without start and end vis-timeline fits every item
    // once its first drawing is done, after anything set here.
    const span = entriesWindow();
    timeline = new vis.Timeline(container, items, groups, {
      zoomMin: 1000 * 60 * 60 * 24 * 3, zoomMax: 1000 * 60 * 60 * 24 * 365 * 80, stack: true, maxHeight: 520,
      orientation: "top", margin: { item: 6 }, tooltip: { followMouse: false }, ...(span || {}), cluster: clustering(items),
    });
    timeline.on("select", (props) => { if (props.items.length) location.hash = `#/entry/${props.items[0]}`; });
    timeline.on("rangechanged", showRange);
  } else {
    timeline.setOptions({ cluster: clustering(items) });
    timeline.setItems(items);
  }
  if (items.length) fitDense();
  showRange();
  await loadEntryList();
}

// The timeline canvas is mouse-and-touch only: the list gives keyboards and screen readers every
// entry, a page at a time, in the order chosen.
async function loadEntryList() {
  const state = lists.entries;
  const current = ticket(state);
  let page;
  try { page = await apiPage(`/api/timeline?${timelineQuery()}&${pageParams(state, { sort: document.getElementById("f-sort").value })}`); }
  catch (error) { status(error.message, true); return; }
  if (!current()) return;
  const list = document.getElementById("entry-list");
  fill(list, page.rows.map((e) => el("li", {},
    el("a", { href: `#/entry/${e.id}` }, `${e.date}${e.date_end ? " – " + e.date_end : ""} · ${e.event} · ${e.headline}`),
    el("span", { class: "meta" }, ` ${e.kind}, ${e.n_sources} source(s)${e.contradictions.length ? ", sources disagree" : ""}`))));
  list.start = state.offset + 1;
  fill(document.getElementById("entry-pager"), pager(state, page.total, page.rows.length, loadEntryList));
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
  const state = lists.quotes;
  const current = ticket(state);
  const params = pageParams(state);
  const pick = (id, name) => { const v = document.getElementById(id).value.trim(); if (v) params.set(name, v); };
  pick("q-speaker", "speaker"); pick("q-code", "code"); pick("q-from", "from"); pick("q-to", "to"); pick("q-text", "q");
  let page;
  try { page = await apiPage(`/api/quotes?${params}`); } catch (error) { status(error.message, true); return; }
  if (!current()) return;
  status("");
  const heads = [sortable("date", "date", false, state, loadQuotes), sortable("speaker", "speaker", false, state, loadQuotes), "country", "quote", ""];
  fill(document.getElementById("quotes"), pager(state, page.total, page.rows.length, loadQuotes), table(heads, page.rows.map((q) => [
    q.date || "", q.actor_id ? actorLink({ actor_id: q.actor_id, name: q.speaker }) : (q.speaker || "unattributed"),
    [q.code, q.sector].filter(Boolean).join(" "), el("q", {}, q.quote), docLink(q.doc_id, q.start, q.end, "article"),
  ])));
}

// ---------------------------------------------------------------- actors
// One page of a list filtered by the text of its box; null when a newer request has taken over.
async function textPage(state, box, path) {
  const current = ticket(state);
  const params = pageParams(state);
  const text = document.getElementById(box).value.trim();
  if (text) params.set("q", text);
  const page = await apiPage(`${path}?${params}`);
  return current() ? page : null;
}

async function loadActors() {
  show("actors");
  const state = lists.actors;
  const page = await textPage(state, "a-text", "/api/actors");
  if (!page) return;
  const heads = [sortable("name", "name", false, state, loadActors), "kind", sortable("code", "code", false, state, loadActors), "sector",
    sortable("mentions", "mentions", true, state, loadActors), sortable("articles", "documents", true, state, loadActors)];
  fill(document.getElementById("actors"), pager(state, page.total, page.rows.length, loadActors), table(heads,
    page.rows.map((a) => [el("a", { href: `#/actor/${encodeURIComponent(a.id)}` }, a.name), a.kind, a.code, a.sector, a.n_mentions, a.n_documents])));
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
  const state = lists.documents;
  const page = await textPage(state, "d-text", "/api/documents");
  if (!page) return;
  const rows = page.rows.map((d) => {
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
  const heads = [sortable("id", "id", false, state, loadDocuments), sortable("title", "title", false, state, loadDocuments),
    sortable("outlet", "outlet", false, state, loadDocuments), sortable("publication date", "published", false, state, loadDocuments)];
  fill(document.getElementById("documents"), pager(state, page.total, page.rows.length, loadDocuments), table(heads, rows));
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
// A new filter starts again from its first page.
liveFilter(document.getElementById("quote-filters"), () => { lists.quotes.offset = 0; loadQuotes(); });
liveFilter(document.getElementById("actor-filters"), () => { lists.actors.offset = 0; loadActors(); });
liveFilter(document.getElementById("document-filters"), () => { lists.documents.offset = 0; loadDocuments(); });
window.addEventListener("hashchange", route);
initFilters().then(route).catch((error) => status(error.message, true));
