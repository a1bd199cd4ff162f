/* Havengraph page, the workspace part: filters, a degree cap on expansion with "show more", relation
   colours in the legend, the open entity's timeline, time-ordered paths and alerts.
   Loaded after app.js. It replaces app.js's drawNeighbourhood and expand with the filtered, capped
   versions (GET /expand/graph) and follows openEntity and loadSchema with its own panels. */
"use strict";

const ex = { cap: 25, more: {}, ready: false };

/* -- filters ----------------------------------------------------------------------------------- */
function filterParams() {
  const p = new URLSearchParams();
  for (const o of $("f-types").selectedOptions) p.append("type", o.value);
  for (const o of $("f-rels").selectedOptions) p.append("relation_type", o.value);
  p.set("include_weak", $("f-weak").checked ? "true" : "false");
  const grading = $("f-grading").value.trim();
  if (grading) p.set("min_grading", grading.toUpperCase());
  if ($("f-from").value) p.set("date_from", $("f-from").value);
  if ($("f-to").value) p.set("date_to", $("f-to").value);
  if (!$("f-undated").checked) p.set("undated", "exclude");
  if ($("f-handling").value) p.set("max_handling", $("f-handling").value);
  return p;
}

function fillFilters(schema) {
  const pretty = (t) => t.charAt(0) + t.slice(1).toLowerCase().replace(/_/g, " ");
  $("f-types").replaceChildren(...schema.entity_types.map((t) => el("option", { value: t }, pretty(t))));
  $("f-rels").replaceChildren(...schema.relation_types.filter((t) => t !== "MENTIONS")
    .map((t) => el("option", { value: t }, pretty(t))));
  $("f-handling").replaceChildren(el("option", { value: "" }, "any handling"),
    ...schema.handling_levels.map((h) => el("option", { value: h }, "up to " + h)));
}

function relationLegend(schema) {
  /* one line per family of relation types, in the colour the schema gives it */
  const families = {};
  for (const [type, style] of Object.entries(schema.relation_styles || {})) {
    if (!style.family || (schema.weak_relations || []).includes(type)) continue;
    (families[style.family] = families[style.family] || { color: style.color, types: [] }).types.push(type);
  }
  const legend = $("legend");
  legend.querySelectorAll(".rel-family").forEach((li) => li.remove());
  const head = el("li", { class: "rel-family" }, el("b", {}, "Relations"), " ", el("small", {}, "width = evidence"));
  const dashed = legend.querySelector(".sw.dash");
  const before = dashed ? dashed.parentElement : null;
  legend.insertBefore(head, before);
  for (const [family, f] of Object.entries(families)) {
    legend.insertBefore(el("li", { class: "rel-family", title: f.types.join(", ") },
      el("span", { class: "sw line", style: "border-top-color:" + f.color }), family), before);
  }
}

/* the panel as plain data, for saved investigations: reopening one puts its filters back in the
   panel (they apply to the next expansion; the saved picture itself is drawn as it was saved) */
function readFilters() {
  const picked = (id) => [...$(id).selectedOptions].map((o) => o.value);
  return { types: picked("f-types"), relation_types: picked("f-rels"), include_weak: $("f-weak").checked,
    min_grading: $("f-grading").value.trim(), date_from: $("f-from").value, date_to: $("f-to").value,
    undated: $("f-undated").checked ? "include" : "exclude", max_handling: $("f-handling").value,
    cap: Number($("f-cap").value) || 25 };
}

function writeFilters(f) {
  const pick = (id, values) => { for (const o of $(id).options) o.selected = (values || []).includes(o.value); };
  pick("f-types", f.types);
  pick("f-rels", f.relation_types);
  $("f-weak").checked = f.include_weak !== false;
  $("f-grading").value = f.min_grading || "";
  $("f-from").value = f.date_from || "";
  $("f-to").value = f.date_to || "";
  $("f-undated").checked = f.undated !== "exclude";
  $("f-handling").value = f.max_handling || "";
  $("f-cap").value = f.cap || 25;
  ex.cap = Math.max(1, Math.min(200, Number($("f-cap").value) || 25));
}

window.hgFilters = { read: readFilters, write: writeFilters };

async function applyFilters() {
  ex.cap = Math.max(1, Math.min(200, Number($("f-cap").value) || 25));
  if (!state.entity) return;
  try {
    await openEntity(state.entity.entity_id);  // its relations, picture and timeline, all under the filter
  } catch (e) { toast(e.message); }
}

/* -- capped expansion with "show more" ----------------------------------------------------------- */
async function expandPage(entityId, offset, cap) {
  const p = filterParams();
  p.set("entity", entityId);
  p.set("cap", String(cap || ex.cap));
  p.set("offset", String(offset || 0));
  const { body } = await api("/expand/graph?" + p);
  ex.more[body.focus] = body.next_offset === null ? null
    : { next: body.next_offset, left: body.total - body.next_offset };
  return body;
}

function showMoreButtons() {
  const box = $("show-more");
  box.replaceChildren();
  for (const [id, more] of Object.entries(ex.more)) {
    if (!more) continue;
    const node = state.nodes && state.nodes.get(id);
    const name = node ? node.label : id;
    box.append(el("button", { "data-id": id, onclick: () => showMore(id) },
      `show ${Math.min(more.left, ex.cap)} more of ${more.left} around ${name}`));
  }
}

async function showMore(entityId) {
  const more = ex.more[entityId];
  if (!more) return;
  try {
    const body = await expandPage(entityId, more.next);
    for (const node of body.nodes) if (state.nodes.get(node.id)) delete node.x;
    merge(body);
    showMoreButtons();
  } catch (e) { toast(e.message); }
}

drawNeighbourhood = async function (entityId, depth, fresh) {  // eslint-disable-line no-global-assign
  if (fresh) ex.more = {};
  const body = await expandPage(entityId, 0);
  ensureNetwork();
  if (fresh) { state.nodes.clear(); state.edges.clear(); }
  merge(body);
  if (depth > 1) {  /* the second ring: a few of the strongest ties of each neighbour */
    const small = Math.max(3, Math.floor(ex.cap / 5));
    for (const node of body.nodes) {
      if (node.id !== body.focus) merge(await expandPage(node.id, 0, small));
    }
  }
  showMoreButtons();
  state.network.selectNodes([body.focus]);
};

expand = async function (entityId) {  // eslint-disable-line no-global-assign
  try {
    const body = await expandPage(entityId, 0);
    for (const node of body.nodes) if (state.nodes.get(node.id)) delete node.x;
    merge(body);
    showMoreButtons();
  } catch (e) { toast(e.message); }
};

/* -- timeline ---------------------------------------------------------------------------------- */
function relationColour(type) {
  const schema = state.schema || {};
  if ((schema.weak_relations || []).includes(type)) return "#b0b0b0";
  return ((schema.relation_styles || {})[type] || {}).color || "#555555";
}

function timelineStrip(events) {
  /* a time axis with one coloured tick per event, stacked in three rows so that close days stay apart */
  const strip = el("div", { class: "strip" }, el("div", { class: "axis" }));
  const day = (d) => Date.parse(d.slice(0, 10));
  const first = day(events[0].date), last = day(events[events.length - 1].date);
  const span = Math.max(last - first, 1);
  events.forEach((e, i) => {
    const left = (100 * (day(e.date) - first) / span).toFixed(2);
    strip.append(el("span", { class: "tick", "data-i": String(i),
      style: `left:calc(${left}% - 2px);top:${4 + (i % 3) * 6}px;background:${relationColour(e.type)}`,
      title: `${e.date.slice(0, 10)} ${e.source_name} ${e.type} ${e.target_name}` }));
  });
  strip.append(el("span", { class: "from" }, events[0].date.slice(0, 10)),
    el("span", { class: "to" }, events[events.length - 1].date.slice(0, 10)));
  return strip;
}

async function loadTimeline(entityId) {
  const panel = $("timeline-panel");
  panel.hidden = false;
  const list = $("timeline");
  list.replaceChildren(el("li", {}, el("em", {}, "reading...")));
  try {
    const p = filterParams();
    p.set("entity", entityId);
    p.set("limit", "300");
    const { body } = await api("/timeline?" + p);
    list.replaceChildren();
    const events = body.events;
    const range = events.length ? `${events[0].date.slice(0, 10)} to ${events[events.length - 1].date.slice(0, 10)}` : "";
    $("timeline-count").textContent = `${events.length} dated event(s) ${range}` +
      (body.undated ? ` \u00b7 ${body.undated} undated` : "") + (body.truncated ? " \u00b7 first 300" : "");
    $("timeline-strip").replaceChildren(...(events.length ? [timelineStrip(events)] : []));
    for (const e of events) {
      const names = { [e.source]: e.source_name, [e.target]: e.target_name };
      list.append(el("li", { class: "event" },
        el("span", { class: "when" }, e.date.slice(0, 10)), " ",
        el("span", { class: "sw", style: "background:" + relationColour(e.type) }),
        el("b", {}, linkText(e, names)), " ",
        el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openDocument(e.doc_id); } },
          `doc ${e.doc_id.slice(0, 10)}`), e.grading ? el("small", {}, " " + e.grading) : null,
        el("span", { class: "ev" }, el("q", {}, e.sentence || "(no sentence)"))));
    }
    if (!events.length) list.append(el("li", {}, "no dated event passes the filters"));
  } catch (e) {
    list.replaceChildren(el("li", {}, el("em", {}, e.message)));
  }
}

/* -- time-ordered path ------------------------------------------------------------------------- */
async function timeOrderedPath() {
  const target = $("tp-target").value.trim();
  if (!state.entity || !target) return;
  const box = $("path");
  box.replaceChildren(el("em", {}, "searching..."));
  try {
    const p = new URLSearchParams({ source: state.entity.entity_id, target, time_ordered: "true", max_depth: "6",
      include_weak: $("f-weak").checked ? "true" : "false" });
    if ($("f-from").value) p.set("date_from", $("f-from").value);
    if ($("f-to").value) p.set("date_to", $("f-to").value);
    if (!$("f-undated").checked) p.set("undated", "exclude");
    const { body } = await api("/paths?" + p);
    const names = Object.fromEntries(body.nodes.map((n) => [n.entity_id, n.name]));
    const list = el("ol");
    body.edges.forEach((rel, i) => {
      const item = el("li", {}, el("span", { class: "when" }, body.hop_dates[i].slice(0, 10)), " ", linkText(rel, names));
      if (rel.evidence.length) item.append(evidenceLine(rel.evidence[0]));
      list.append(item);
    });
    box.replaceChildren(el("b", {}, `time-ordered: ${body.hops} hop(s), each no earlier than the one before`), list);
    for (const id of body.nodes.map((n) => n.entity_id)) merge(await expandPage(id, 0, 5));
    state.network.selectNodes(body.nodes.map((n) => n.entity_id).filter((id) => state.nodes.get(id)));
  } catch (e) {
    box.replaceChildren(el("em", {}, e.message));
  }
}

/* -- alerts ------------------------------------------------------------------------------------ */
async function loadAlerts() {
  try {
    const { body } = await api("/alerts?unseen=true&limit=30");
    $("alerts-panel").hidden = false;
    $("alerts-count").textContent = body.length ? `${body.length} new` : "nothing new";
    $("alerts").replaceChildren(...body.map((hit) => el("li", { class: "hit", onclick: () => openEntity(hit.entity_id) },
      el("b", {}, hit.title), " ", el("small", {}, `[${hit.rule}] ${hit.found_at.slice(0, 16).replace("T", " ")}`),
      ...hit.evidence.slice(0, 1).filter((ev) => ev.sentence).map((ev) =>
        el("span", { class: "ev", title: ev.sentence }, el("q", {}, ev.sentence))))));
    $("alerts-seen").hidden = !body.length;
  } catch (e) {
    $("alerts-panel").hidden = true;
  }
}

async function watchEntity() {
  if (!state.entity) return;
  const entry = { name: state.entity.name, type: state.entity.type };
  try {
    await api("/alerts/rules", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: "watch " + state.entity.name.slice(0, 100), kind: "watchlist",
        params: { entries: [entry] } }) });
    await loadAlerts();
  } catch (e) { toast(e.status === 403 ? "saving a watch rule needs an analyst key" : e.message); }
}

async function markAlertsSeen() {
  try {
    await api("/alerts/seen", { method: "POST" });
    await loadAlerts();
  } catch (e) { toast(e.status === 403 ? "marking alerts seen needs an analyst key" : e.message); }
}

/* -- wiring ------------------------------------------------------------------------------------ */
const baseLoadSchema = loadSchema;
loadSchema = async function () {  // eslint-disable-line no-global-assign
  await baseLoadSchema();
  if (ex.ready || !state.schema) return;
  ex.ready = true;
  fillFilters(state.schema);
  relationLegend(state.schema);
  loadAlerts();
};

const baseOpenEntity = openEntity;
openEntity = async function (entityId, redraw = true) {  // eslint-disable-line no-global-assign
  await baseOpenEntity(entityId, redraw);
  if (state.entity) await loadTimeline(state.entity.entity_id);
};

document.addEventListener("DOMContentLoaded", () => {
  $("filters-form").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(); });
  $("f-reset").addEventListener("click", () => { $("filters-form").reset(); applyFilters(); });
  $("tp-form").addEventListener("submit", (ev) => { ev.preventDefault(); timeOrderedPath(); });
  $("btn-watch").addEventListener("click", watchEntity);
  $("alerts-seen").addEventListener("click", markAlertsSeen);
});
