// dateline web UI: building elements, calling the API, and the paged, sortable, filtered lists.
// Every piece of article text reaches the page through textContent or setAttribute, never as markup.
"use strict";

const PAGE = 50;  // the rows a list shows at a time

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

async function request(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return { body, response };
}

async function api(path, options) {
  return (await request(path, options)).body;
}

// One page of a listing and the total matching its filter (the X-Total-Count header).
async function apiPage(path) {
  const { body, response } = await request(path);
  const total = Number(response.headers.get("X-Total-Count"));
  return { rows: body, total: Number.isFinite(total) ? total : body.length };
}

const number = (n) => n.toLocaleString("en-US");

// Starts a request for `state`'s list; the function returned says whether its answer is still wanted.
function ticket(state) {
  const seq = ++state.seq;
  return () => seq === state.seq;
}

function pager(state, total, shown, reload) {
  const first = total ? state.offset + 1 : 0;
  const last = state.offset + shown;
  const go = (offset) => { state.offset = offset; reload(); };
  return el("nav", { class: "pager", "aria-label": "pages" },
    el("button", { type: "button", class: "prev", disabled: state.offset <= 0, onclick: () => go(Math.max(0, state.offset - PAGE)) }, "← Previous"),
    el("span", { class: "page-info" }, total ? `rows ${number(first)}–${number(last)} of ${number(total)}` : "no rows match"),
    el("button", { type: "button", class: "next", disabled: last >= total, onclick: () => go(state.offset + PAGE) }, "Next →"));
}

// A column header that sorts the list by `key` (`desc`: the key alone lists the largest first);
// a second click reverses the order.
function sortable(label, key, desc, state, reload) {
  const active = state.sort === key || state.sort === `-${key}`;
  const reversed = state.sort === `-${key}`;
  const descending = desc !== reversed;
  return el("th", { "aria-sort": active ? (descending ? "descending" : "ascending") : null, "data-label": label },
    el("button", { type: "button", class: "sort", "data-sort": key, onclick: () => {
      state.sort = active && !reversed ? `-${key}` : key; state.offset = 0; reload();
    } }, label, active ? (descending ? " ▼" : " ▲") : ""));
}

function pageParams(state, extra) {
  const params = new URLSearchParams(extra);
  params.set("limit", PAGE);
  params.set("offset", state.offset);
  if (state.sort && !params.has("sort")) params.set("sort", state.sort);
  return params;
}

// Filter as the user types, once they pause; a submit (Enter) filters at once.
function liveFilter(form, reload) {
  let timer = null;
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(reload, 300); });
  form.addEventListener("submit", (event) => { event.preventDefault(); clearTimeout(timer); reload(); });
}

// `headers`: column names, or header cells already made (a sortable column's).
function table(headers, rows) {
  const labels = headers.map((h) => (h instanceof Node ? h.dataset.label : h));
  return el("div", { class: "table-wrap" }, el("table", {},
    el("thead", {}, el("tr", {}, headers.map((h) => (h instanceof Node ? h : el("th", {}, h))))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c, i) => el("td", { "data-label": labels[i] || null }, c)))))));
}
