/* Havengraph web page: search -> entity with evidence -> neighbourhood graph -> path to watchlist.
   Talks only to the server that served it; the API key stays in sessionStorage for this tab. */
"use strict";

const KEY = "havengraph-key";
const state = { schema: null, q: "", type: "", offset: 0, entity: null, network: null, nodes: null, edges: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k === "style") node.style.cssText = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function toast(message) {
  const box = $("toast");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 5000);
}

async function api(path, options) {
  const headers = Object.assign({ Accept: "application/json" }, (options && options.headers) || {});
  const key = sessionStorage.getItem(KEY);
  if (key) headers.Authorization = "Bearer " + key;
  const response = await fetch(path, Object.assign({}, options || {}, { headers }));
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : response.statusText;
    if (response.status === 401) showKeyState(key ? "rejected" : "needed");
    const err = new Error(detail);
    err.status = response.status;
    throw err;
  }
  return { body, headers: response.headers };
}

function typeTag(type) {
  const style = (state.schema && state.schema.styles[type]) || { color: "#999" };
  return el("span", { class: "tag", style: "background:" + style.color }, type);
}

/* -- account and schema ------------------------------------------------------------------------ */
function showKeyState(state) {
  /* "needed": no key given yet; "rejected": the server does not know the key given */
  $("whoami").textContent = state === "rejected" ? "key rejected: ask an administrator for a valid key"
    : "key needed: see below how to get one";
  $("key-help").hidden = false;
}

async function whoami() {
  try {
    const { body } = await api("/me");
    $("whoami").textContent = `${body.name} (${body.role}, cleared ${body.clearance})`;
    $("key-help").hidden = true;
    return true;
  } catch (e) {
    if (e.status === 401) showKeyState(sessionStorage.getItem(KEY) ? "rejected" : "needed");
    else $("whoami").textContent = "offline";
    return false;
  }
}

function linkText(rel, names) {
  /* a relation as the evidence states it: an arrow only where the relation has a direction */
  const undirected = state.schema && (state.schema.undirected_relations || []).includes(rel.type);
  const a = names[rel.source] || rel.source, b = names[rel.target] || rel.target;
  return undirected ? `${a} \u2014${rel.type}\u2014 ${b}` : `${a} \u2014${rel.type}\u2192 ${b}`;
}

async function loadSchema() {
  if (state.schema) return;
  const { body } = await api("/schema");
  state.schema = body;
  const select = $("type");
  for (const type of body.entity_types) select.append(el("option", { value: type }, type));
  const legend = $("legend");
  legend.replaceChildren(el("li", {}, el("b", {}, "Entities"), " ", el("small", {}, "size = centrality")));
  for (const type of body.entity_types) {
    const style = body.styles[type];
    legend.append(el("li", {}, el("span", { class: "sw", style: "background:" + style.color }),
      type.charAt(0) + type.slice(1).toLowerCase().replace("_", " "), " ", el("small", {}, "(" + style.shape + ")")));
  }
  legend.append(el("li", {}, el("span", { class: "sw dash" }), "co-mentioned (weak)"));
}

/* -- search ------------------------------------------------------------------------------------ */
async function search(more) {
  if (!more) { state.offset = 0; $("results").replaceChildren(); }
  const params = new URLSearchParams({ q: state.q, limit: "20", offset: String(state.offset) });
  if (state.type) params.set("type", state.type);
  try {
    const { body, headers } = await api("/entities?" + params);
    for (const hit of body) {
      $("results").append(el("li", { "data-id": hit.entity_id, onclick: () => openEntity(hit.entity_id) },
        el("span", { class: "name" }, hit.name), typeTag(hit.type), el("br"), el("span", { class: "id" }, hit.entity_id)));
    }
    const next = headers.get("X-Next-Offset");
    state.offset = next ? Number(next) : state.offset + body.length;
    $("more").hidden = !next;
    $("results-count").textContent = `${$("results").children.length} shown`;
    if (!more && body.length === 0) $("results").append(await noMatch());
  } catch (e) { toast(e.message); }
}

async function noMatch() {
  /* "no match" in an empty store (a mistyped store path opens a new one) would hide why: say so */
  try {
    const { body } = await api("/stats");
    if (!body.documents) {
      return el("li", { class: "empty-store" }, "This store holds no document you may read yet: upload a case file ",
        "above, or ingest a folder with ", el("code", {}, "havengraph ingest DIR --store URL"),
        " and serve that same store.");
    }
  } catch (e) { /* the count is a hint only */ }
  return el("li", {}, "no match");
}

/* -- entity view ------------------------------------------------------------------------------- */
function evidenceLine(ev) {
  const where = (ev.page ? "p." + ev.page + " " : "") + `[${ev.start}-${ev.end}]`;
  /* an item with a page may be on a scanned page: scan_page.js adds a link to see it there */
  const attrs = ev.page ? { class: "ev", "data-doc": ev.doc_id, "data-page": String(ev.page),
    "data-start": String(ev.start), "data-end": String(ev.end) } : { class: "ev" };
  return el("span", attrs, el("q", {}, ev.sentence || "(no sentence)"), " ",
    el("small", {}, `${ev.method}, ${where}, doc ${ev.doc_id.slice(0, 10)}`));
}

async function openEntity(entityId, redraw = true) {
  try {
    /* the relations listed obey the filter panel (explore.js), like the picture and the timeline */
    const filtered = typeof filterParams === "function" ? filterParams() : null;
    const { body } = await api("/entities/" + encodeURIComponent(entityId) + (filtered ? "?" + filtered : ""));
    state.entity = body;
    $("entity-panel").hidden = false;
    $("entity-name").replaceChildren(body.name, typeTag(body.type));
    const meta = [body.entity_id];
    for (const [scheme, value] of Object.entries(body.identifiers)) meta.push(`${scheme} ${value}`);
    if (body.aliases.length) meta.push("aka " + body.aliases.join("; "));
    if (body.requested_id && body.requested_id !== body.entity_id) meta.push(`${body.requested_id} was merged into it`);
    $("entity-meta").textContent = meta.join(" \u00b7 ");
    $("path").replaceChildren();
    const names = body.names || {};
    const rels = $("relations");
    rels.replaceChildren();
    for (const rel of body.relations) {
      const other = rel.source === body.entity_id ? rel.target : rel.source;
      const undirected = state.schema && (state.schema.undirected_relations || []).includes(rel.type);
      const way = undirected ? "" : (rel.source === body.entity_id ? " \u2192" : " \u2190");
      const item = el("li", {}, el("b", {}, rel.type + way), " ",
        el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openEntity(other); } }, names[other] || other),
        " ", el("small", {}, `${rel.count} piece(s) of evidence`));
      for (const ev of rel.evidence.slice(0, 3)) item.append(evidenceLine(ev));
      rels.append(item);
    }
    if (!body.relations.length) {
      rels.append(el("li", {}, filtered && (filtered.has("date_from") || filtered.has("date_to"))
        ? "no relations you may see within these filters" : "no relations you may see"));
    }
    if (typeof markScans === "function") markScans(rels);
    const docs = $("documents");
    docs.replaceChildren();
    for (const doc of body.documents) {
      docs.append(el("li", { onclick: () => openDocument(doc.doc_id) }, doc.title || doc.source || doc.doc_id,
        " ", el("small", {}, [doc.date, doc.handling, doc.grading].filter(Boolean).join(" \u00b7 "))));
    }
    if (redraw) await drawNeighbourhood(body.entity_id, 1, true);
  } catch (e) { toast(e.message); }
}

async function openDocument(docId) {
  try {
    const { body } = await api("/documents/" + encodeURIComponent(docId));
    $("doc-panel").hidden = false;
    $("doc-title").textContent = body.title || body.source || body.doc_id;
    $("doc-meta").textContent = [`sha256 ${body.doc_id}`, body.date, body.handling, body.grading]
      .filter(Boolean).join(" \u00b7 ");
    $("doc-page").replaceChildren();
    $("doc-page").hidden = true;
    $("doc-text").innerHTML = body.html; /* escaped by the server; only <mark> elements added */
    for (const mark of $("doc-text").querySelectorAll("mark[data-entity]")) {
      mark.title = mark.dataset.entity;
      mark.addEventListener("click", () => openEntity(mark.dataset.entity));
    }
  } catch (e) { toast(e.message); }
}

/* -- graph ------------------------------------------------------------------------------------- */
function ensureNetwork() {
  if (state.network) return;
  state.nodes = new vis.DataSet([]);
  state.edges = new vis.DataSet([]);
  const options = {
    layout: { improvedLayout: true, randomSeed: 7 },
    physics: { solver: "forceAtlas2Based", forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: 300, updateInterval: 50, fit: true }, minVelocity: 0.75 },
    interaction: { hover: true, tooltipDelay: 120 },
    edges: { smooth: { enabled: true, type: "continuous" }, font: { size: 9, align: "middle", strokeWidth: 2 } },
    nodes: { font: { size: 12, strokeWidth: 2, strokeColor: "#ffffff" },
      scaling: { min: 8, max: 42, label: { enabled: true, min: 11, max: 22, drawThreshold: 4, maxVisible: 30 } } },
  };
  state.network = new vis.Network($("graph"), { nodes: state.nodes, edges: state.edges }, options);
  const settle = () => state.network.setOptions({ physics: { enabled: false } });
  state.network.on("stabilizationIterationsDone", settle);
  state.network.on("doubleClick", (params) => { if (params.nodes.length) expand(params.nodes[0]); });
  state.network.on("click", (params) => {
    if (params.nodes.length === 1 && params.event && params.event.srcEvent && params.event.srcEvent.shiftKey) {
      openEntity(params.nodes[0]);
    }
  });
  window.havengraph = { get network() { return state.network; }, nodes: state.nodes, edges: state.edges,
    /* the filter panel's values (explore.js), saved with an investigation and put back on reopening */
    get filters() { return window.hgFilters ? window.hgFilters.read() : {}; },
    set filters(value) { if (window.hgFilters) window.hgFilters.write(value || {}); } };
}

function merge(data) {
  ensureNetwork();
  state.nodes.update(data.nodes);
  state.edges.update(data.edges);
  state.network.setOptions({ physics: { enabled: true } });
  state.network.stabilize(200);
  clearTimeout(merge.timer);
  merge.timer = setTimeout(() => state.network.setOptions({ physics: { enabled: false } }), 5000);
  $("graph-hint").textContent = `${state.nodes.length} entities, ${state.edges.length} relations \u00b7 ` +
    "double-click a node to expand it, shift-click to open it";
}

async function drawNeighbourhood(entityId, depth, fresh) {
  const params = new URLSearchParams({ depth: String(depth), limit: depth > 1 ? "120" : "60" });
  const { body } = await api(`/entities/${encodeURIComponent(entityId)}/graph?` + params);
  ensureNetwork();
  if (fresh) { state.nodes.clear(); state.edges.clear(); }
  merge(body);
  state.network.selectNodes([body.focus]);
}

async function expand(entityId) {
  try {
    const params = new URLSearchParams({ depth: "1", limit: "60" });
    const { body } = await api(`/entities/${encodeURIComponent(entityId)}/graph?` + params);
    for (const node of body.nodes) if (state.nodes.get(node.id)) delete node.x;
    merge(body);
  } catch (e) { toast(e.message); }
}

/* -- path to watchlist ------------------------------------------------------------------------- */
async function pathToWatchlist() {
  if (!state.entity) return;
  const box = $("path");
  box.replaceChildren(el("em", {}, "searching..."));
  try {
    const params = new URLSearchParams({ source: state.entity.entity_id, max_depth: "6" });
    const { body } = await api("/paths/watchlist?" + params);
    const names = Object.fromEntries(body.nodes.map((n) => [n.entity_id, n.name]));
    const list = el("ol");
    for (const rel of body.edges) {
      const item = el("li", {}, linkText(rel, names));
      if (rel.evidence.length) item.append(evidenceLine(rel.evidence[0]));
      list.append(item);
    }
    const reached = names[body.target] || body.target;
    const entry = body.target_entry;
    const headline = !entry ? `${body.hops} hop(s) to ${reached}, tagged as a watchlist member`
      : entry === reached ? `${body.hops} hop(s) to watchlist member ${reached}`
        : `${body.hops} hop(s) to ${reached}, listed for watchlist member ${entry}`;
    box.replaceChildren(el("b", {}, headline), list);
    const ids = body.nodes.map((n) => n.entity_id);
    const graph = await api("/entities/" + encodeURIComponent(state.entity.entity_id) + "/graph?depth=1&limit=60");
    merge(graph.body);
    for (const id of ids.slice(1)) {
      const g = await api("/entities/" + encodeURIComponent(id) + "/graph?depth=1&limit=20");
      merge(g.body);
    }
    state.network.selectNodes(ids.filter((id) => state.nodes.get(id)));
  } catch (e) {
    box.replaceChildren(el("em", {}, e.message));
  }
}

/* -- a self-contained picture to keep ------------------------------------------------------------ */
async function savePicture() {
  if (!state.entity) return;
  const id = state.entity.entity_id;
  const key = sessionStorage.getItem(KEY);
  const response = await fetch(`/entities/${encodeURIComponent(id)}/subgraph.html?depth=2&limit=150`,
    { headers: key ? { Authorization: "Bearer " + key } : {} });
  if (!response.ok) { toast("could not build the picture: " + response.statusText); return; }
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: "havengraph-" + id.replace(/[^A-Za-z0-9_-]+/g, "_") + ".html" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/* -- suspicious firms -------------------------------------------------------------------------- */
function explain(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(explain).filter(Boolean).join("; ");
  if (typeof value === "object") {
    if (value.text || value.summary) return value.text || value.summary;
    return Object.entries(value).filter(([, v]) => v !== null && v !== 0 && v !== "" && !(Array.isArray(v) && !v.length))
      .map(([k, v]) => `${k}: ${typeof v === "number" ? Number(v).toPrecision(3) : explain(v)}`).join("; ");
  }
  return String(value);
}

async function loadSuspicious() {
  const tbody = $("suspicious").querySelector("tbody");
  try {
    const { body, headers } = await api("/analysis/suspicious-links?top=15");
    const rows = Array.isArray(body) ? body : body.results || body.firms || [];
    const untied = Number(headers.get("X-Untied") || 0);
    tbody.replaceChildren();
    rows.forEach((row, i) => {
      tbody.append(el("tr", { onclick: () => openEntity(row.entity_id) }, el("td", {}, i + 1),
        el("td", {}, row.name || row.entity_id), el("td", {}, Number(row.score).toFixed(3)),
        el("td", { class: "why" }, explain(row.explanation).slice(0, 600))));
    });
    const left = untied ? `${untied} logistics firm(s) with no tie to the watchlist not listed` : "";
    $("suspicious-note").textContent = rows.length ? left : ["no logistics firm is tied to the watchlist", left]
      .filter(Boolean).join("; ");
  } catch (e) {
    $("suspicious-note").textContent = "not available: " + e.message;
  }
}

/* -- start ------------------------------------------------------------------------------------- */
async function start() {
  $("key").value = "";
  $("key-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const key = $("key").value.trim();
    if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
    $("key").value = "";
    if (await whoami()) { await loadSchema().catch(() => {}); loadSuspicious(); }
  });
  $("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.q = $("q").value.trim();
    state.type = $("type").value;
    if (state.q) search(false);
  });
  $("more").addEventListener("click", () => search(true));
  $("btn-watchlist").addEventListener("click", pathToWatchlist);
  $("btn-expand").addEventListener("click", () => state.entity && drawNeighbourhood(state.entity.entity_id, 2, false)
    .catch((e) => toast(e.message)));
  $("btn-download").addEventListener("click", () => savePicture().catch((e) => toast(e.message)));
  $("doc-close").addEventListener("click", () => { $("doc-panel").hidden = true; });
  if (await whoami()) {
    await loadSchema().catch((e) => toast(e.message));
    loadSuspicious();
  }
}

document.addEventListener("DOMContentLoaded", start);
