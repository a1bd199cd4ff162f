/* Havengraph web page, the investigator's workspace: saved investigations (save, reopen with the
   layout, exports), notes and hand-entered links on the open entity, and the merge review queue.
   Loaded after app.js and built on its helpers (api, el, toast, state, openEntity). */
"use strict";

const ws = { me: null, current: null };

function wsDownload(path, filename, inTab) {
  const key = sessionStorage.getItem(KEY);
  return fetch(path, { headers: key ? { Authorization: "Bearer " + key } : {} }).then(async (response) => {
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", inTab ? { href: url, target: "_blank", rel: "noopener" } : { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
}

function handlingSelect(id) {
  const select = el("select", { id });
  const levels = (state.schema && state.schema.handling_levels) || [];
  const mine = ws.me ? levels.indexOf(ws.me.clearance) : levels.length - 1;
  levels.slice(0, mine + 1).forEach((level) => select.append(el("option", { value: level }, level)));
  select.value = ws.me ? ws.me.clearance : "";
  return select;
}

/* -- investigations ------------------------------------------------------------------------------ */
function buildWorkspacePanel() {
  const box = $("workspace-panel");
  if (!box || box.dataset.built) return;
  box.dataset.built = "1";
  const share = el("select", { id: "inv-share", title: "who else may open it" },
    el("option", { value: "" }, "only me"), el("option", { value: "viewer" }, "viewers and up"),
    el("option", { value: "analyst" }, "analysts and up"), el("option", { value: "admin" }, "admins"));
  box.append(
    el("h2", {}, "Investigations ", el("small", { id: "inv-current" }, "")),
    el("div", { class: "ws-row" }, el("input", { id: "inv-name", placeholder: "name of this picture", maxlength: "200" }), share),
    el("textarea", { id: "inv-notes", rows: "2", placeholder: "notes kept with the investigation" }),
    el("div", { class: "actions" },
      el("button", { id: "inv-save", onclick: () => saveInvestigation(false) }, "Save as new"),
      el("button", { id: "inv-update", onclick: () => saveInvestigation(true), disabled: "" }, "Update open one"),
      el("button", { id: "inv-refresh", onclick: () => listInvestigations() }, "List")),
    el("ul", { id: "inv-list", class: "ws-list" }),
    el("h2", {}, "Merge review ", el("small", {}, "candidates and merges in force")),
    el("div", { class: "actions" }, el("button", { id: "merge-load", onclick: () => loadMergeQueue() }, "Load queue")),
    el("ul", { id: "merge-queue", class: "ws-list" }));
}

async function saveInvestigation(update) {
  if (!state.network) { toast("open an entity first: there is no picture to save"); return; }
  const name = $("inv-name").value.trim();
  if (!name) { toast("give the investigation a name"); return; }
  const positions = state.network.getPositions();
  const body = { name, pinned: state.nodes.getIds(), positions, notes: $("inv-notes").value,
    shared_with: $("inv-share").value || null, filters: (window.havengraph && window.havengraph.filters) || {} };
  try {
    const path = update && ws.current ? "/investigations/" + encodeURIComponent(ws.current) : "/investigations";
    const { body: saved } = await api(path, { method: update && ws.current ? "PUT" : "POST",
      headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    ws.current = saved.investigation_id;
    $("inv-current").textContent = `open: ${saved.name}`;
    $("inv-update").disabled = false;
    toast(`saved "${saved.name}" (${saved.pinned.length} entities)`);
    await listInvestigations();
  } catch (e) { toast(e.message); }
}

async function listInvestigations() {
  try {
    const { body } = await api("/investigations");
    const list = $("inv-list");
    list.replaceChildren();
    for (const inv of body) {
      const id = inv.investigation_id;
      /* reports and charts keep to the investigation's saved dates, grading and handling (server side) */
      list.append(el("li", { "data-id": id },
        el("b", {}, inv.name), " ", el("small", {}, `${inv.pinned.length} pinned \u00b7 ${inv.owner}` +
          (inv.shared_with ? ` \u00b7 shared with ${inv.shared_with}s` : "")), el("br"),
        el("button", { class: "inv-open", onclick: () => openInvestigation(id) }, "Open"),
        el("button", { onclick: () => wsDownload(`/reports/html?investigation_id=${encodeURIComponent(id)}`, "", true)
          .catch((e) => toast(e.message)) }, "Report"),
        el("button", { onclick: () => wsDownload(`/reports/pdf?investigation_id=${encodeURIComponent(id)}`, id + ".pdf")
          .catch((e) => toast(e.message)) }, "PDF"),
        el("button", { title: "i2 Analyst's Notebook chart", onclick: () => wsDownload(
          `/reports/anx?investigation_id=${encodeURIComponent(id)}`, id + ".anx").catch((e) => toast(e.message)) }, "i2")));
    }
    if (!body.length) list.append(el("li", {}, "no saved investigation yet"));
  } catch (e) { toast(e.message); }
}

function visNode(node) {
  const style = (state.schema && state.schema.styles[node.type]) || { color: "#999", shape: "dot" };
  const out = { id: node.entity_id, label: node.name.slice(0, 40), color: style.color, shape: style.shape,
    title: `${node.name} [${node.type}]\n${node.entity_id}`, etype: node.type, value: 1 };
  if (node.properties && node.properties.analyst) {
    Object.assign(out, { shapeProperties: { borderDashes: [5, 4] }, borderWidth: 3, analyst: true });
    out.title += "\n" + node.properties.provenance;
  }
  if (node.position) Object.assign(out, { x: node.position.x, y: node.position.y });
  return out;
}

function visEdge(rel) {
  const weak = state.schema && (state.schema.weak_relations || []).includes(rel.type);
  const undirected = state.schema && (state.schema.undirected_relations || []).includes(rel.type);
  const byHand = rel.evidence.length > 0 && rel.evidence.every((ev) => ev.method === "analyst");
  return { id: `${rel.source}|${rel.type}|${rel.target}`, from: rel.source, to: rel.target, relation: rel.type,
    label: weak ? "" : rel.type, arrows: undirected ? "" : "to", width: 1 + Math.min(rel.count, 6) * 0.5,
    dashes: byHand ? [8, 4] : !!weak, color: byHand ? "#d62828" : weak ? "#c0c0c0" : "#555555", analyst: byHand,
    title: `${rel.type}: ${rel.count} piece(s) of evidence` + (rel.evidence[0] ? "\n" + rel.evidence[0].sentence : "") };
}

async function openInvestigation(id) {
  try {
    const { body } = await api("/investigations/" + encodeURIComponent(id));
    ensureNetwork();
    state.network.setOptions({ physics: { enabled: false } });
    state.nodes.clear();
    state.edges.clear();
    state.nodes.add(body.nodes.map(visNode));
    state.edges.add(body.edges.map(visEdge));
    const unplaced = body.nodes.some((n) => !n.position);
    if (unplaced) { state.network.setOptions({ physics: { enabled: true } }); state.network.stabilize(150); }
    state.network.fit();
    ws.current = body.investigation_id;
    $("inv-name").value = body.name;
    $("inv-notes").value = body.notes || "";
    $("inv-share").value = body.shared_with || "";
    $("inv-current").textContent = `open: ${body.name}` + (body.hidden ? ` (${body.hidden} entities you may not see)` : "");
    $("inv-update").disabled = body.owner !== (ws.me && ws.me.name) && !(ws.me && ws.me.role === "admin");
    if (window.havengraph) window.havengraph.filters = body.filters || {};
    $("graph-hint").textContent = `investigation "${body.name}": ${body.nodes.length} entities, ` +
      `${body.edges.length} relations, as saved`;
    if (body.filter_ignored) toast(body.filter_ignored);
    /* the open entity's relations and timeline follow the filters just put back (the picture stays) */
    if (state.entity) await openEntity(state.entity.entity_id, false);
  } catch (e) { toast(e.message); }
}

/* -- notes and hand-entered links on the open entity --------------------------------------------- */
function buildEntityTools() {
  const panel = $("entity-panel");
  if (!panel || $("notes-box")) return;
  const types = (state.schema && state.schema.relation_types) || [];
  const relSelect = el("select", { id: "hand-type" });
  types.filter((t) => !(state.schema.weak_relations || []).includes(t))
    .forEach((t) => relSelect.append(el("option", { value: t }, t)));
  panel.append(el("div", { id: "notes-box" },
    el("h3", {}, "Notes"), el("ul", { id: "notes", class: "ws-list" }),
    el("textarea", { id: "note-text", rows: "2", placeholder: "a note on this entity" }),
    el("div", { class: "actions" }, handlingSelect("note-handling"),
      el("button", { id: "note-add", onclick: addNote }, "Add note")),
    el("h3", {}, "Link by hand ", el("small", {}, "provenance: analyst, date, reason")),
    el("div", { class: "ws-row" }, relSelect, el("input", { id: "hand-target", placeholder: "other entity id" })),
    el("div", { class: "ws-row" }, el("input", { id: "hand-reason", placeholder: "reason (kept as provenance)" }),
      handlingSelect("hand-handling")),
    el("div", { class: "actions" }, el("button", { id: "hand-add", onclick: addHandLink }, "Add link"))));
}

async function loadNotes(entityId) {
  buildEntityTools();
  const list = $("notes");
  if (!list) return;
  try {
    const { body } = await api("/notes?entity_id=" + encodeURIComponent(entityId));
    list.replaceChildren(...body.map((n) => el("li", {}, n.text, " ",
      el("small", {}, `${n.author}, ${n.at.slice(0, 16).replace("T", " ")}, ${n.handling}`))));
    if (!body.length) list.append(el("li", {}, el("small", {}, "no notes")));
  } catch (e) { list.replaceChildren(el("li", {}, el("small", {}, e.message))); }
}

async function addNote() {
  if (!state.entity) return;
  const text = $("note-text").value.trim();
  if (!text) { toast("write the note first"); return; }
  try {
    await api("/notes", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ entity_id: state.entity.entity_id, text, handling: $("note-handling").value }) });
    $("note-text").value = "";
    await loadNotes(state.entity.entity_id);
  } catch (e) { toast(e.message); }
}

async function addHandLink() {
  if (!state.entity) return;
  const target = $("hand-target").value.trim(), reason = $("hand-reason").value.trim();
  if (!target || !reason) { toast("name the other entity id and give a reason"); return; }
  try {
    await api("/analyst-facts", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason, handling: $("hand-handling").value,
        links: [{ source: state.entity.entity_id, type: $("hand-type").value, target }] }) });
    $("hand-target").value = "";
    $("hand-reason").value = "";
    toast("link entered; it is drawn dashed red");
    await openEntity(state.entity.entity_id);
  } catch (e) { toast(e.message); }
}

/* -- merge review queue -------------------------------------------------------------------------- */
async function resolutionCall(path, payload) {
  try {
    await api(path, { method: "POST", headers: { "Content-Type": "application/json" },
      body: payload ? JSON.stringify(payload) : undefined });
    await loadMergeQueue();
  } catch (e) { toast(e.message); }
}

async function loadMergeQueue() {
  const list = $("merge-queue");
  try {
    const [candidates, merges] = await Promise.all([api("/resolution/candidates?limit=20"),
      api("/resolution/decisions?kind=merge")]);
    list.replaceChildren();
    for (const c of candidates.body) {
      const score = c.score === null || c.score === undefined ? "" : Number(c.score).toFixed(2);
      list.append(el("li", { class: "candidate" }, el("b", {}, `${c.a_name || c.a} \u2190 ${c.b_name || c.b}`), " ", el("small", {}, score),
        el("br"), el("small", {}, c.reason || ""), el("br"),
        el("button", { class: "do-merge", onclick: () => resolutionCall("/resolution/merge",
          { keep: c.a, drop: c.b, reason: "reviewed on the page" }) }, "Merge"),
        el("button", { class: "do-pin", onclick: () => resolutionCall("/resolution/pin",
          { a: c.a, b: c.b, reason: "reviewed on the page: different" }) }, "Distinct")));
    }
    for (const m of merges.body) {
      list.append(el("li", { class: "merged" }, el("small", {}, "merged "), el("b", {}, `${m.a} \u2190 ${m.b}`), " ",
        el("small", {}, `by ${m.who}`), " ",
        el("button", { class: "do-split", onclick: () => resolutionCall("/resolution/split/" +
          encodeURIComponent(m.decision_id)) }, "Split")));
    }
    if (!list.children.length) list.append(el("li", {}, "nothing to review"));
  } catch (e) { list.replaceChildren(el("li", {}, el("small", {}, "not available: " + e.message))); }
}

/* -- start --------------------------------------------------------------------------------------- */
function addHandLegend() {
  const legend = $("legend");
  if (!legend || legend.querySelector(".sw.hand") || !legend.children.length) return;
  legend.append(el("li", {}, el("span", { class: "sw hand" }), "entered by an analyst"));
}

async function startWorkspace() {
  buildWorkspacePanel();
  const legend = $("legend");
  if (legend) new MutationObserver(addHandLegend).observe(legend, { childList: true });
  const original = window.openEntity;
  window.openEntity = async (entityId, redraw = true) => {
    await original(entityId, redraw);
    if (state.entity) await loadNotes(state.entity.entity_id);
  };
  const refresh = async () => {
    try { ws.me = (await api("/me")).body; } catch (e) { ws.me = null; return; }
    await listInvestigations();
  };
  $("key-form").addEventListener("submit", () => setTimeout(refresh, 300));
  await refresh();
}

document.addEventListener("DOMContentLoaded", startWorkspace);
