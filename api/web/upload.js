/* Havengraph web page: upload a case file and follow its ingest job (sending, queued, reading,
   extracting, resolving, writing, done or failed). Uses app.js's helpers ($, el, api, toast, KEY). */
"use strict";

const UPLOAD_STAGES = { queued: "waiting for a free worker", reading: "reading the file", ocr: "reading the scanned page(s) by OCR", extracting: "finding entities and relations",
  resolving: "matching with known entities", writing: "writing to the store", done: "done", failed: "failed" };

function sendFile(form, row) {
  /* XMLHttpRequest, not fetch: it reports how much of the file has been sent */
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/documents");
    xhr.setRequestHeader("Accept", "application/json");
    const key = sessionStorage.getItem(KEY);
    if (key) xhr.setRequestHeader("Authorization", "Bearer " + key);
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) showJob(row, { status: "sending", stage: "sending", progress: 0.05 * ev.loaded / ev.total });
    };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (xhr.status === 202 && body) resolve(body);
      else reject(new Error(body && body.detail ? body.detail : `upload refused (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("the upload did not reach the server"));
    xhr.send(form);
  });
}

function showJob(row, job) {
  row.className = job.status;
  row.dataset.status = job.status;
  if (job.job_id) row.dataset.job = job.job_id;
  const bar = row.querySelector("progress");
  bar.value = job.status === "failed" ? 0 : Math.max(bar.value || 0, job.progress || 0);
  let text = UPLOAD_STAGES[job.stage] || job.stage;
  if (job.status === "queued" && job.queue_position !== null && job.queue_position !== undefined) {
    text += ` (${job.queue_position} ahead)`;
  }
  if (job.status === "running") text += ` \u00b7 ${Number(job.elapsed_s || 0).toFixed(0)} s`;
  const stage = row.querySelector(".stage");
  stage.replaceChildren(text);
  if (job.status === "failed") stage.replaceChildren(job.error || "failed");
  if (job.status === "done" && job.result) {
    const r = job.result;
    const verb = r.status === "skipped" ? "already in the store" : "ingested";
    stage.replaceChildren(`${verb}: ${r.entities} entities, ${r.relations} relations \u00b7 `,
      el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); openDocument(r.doc_id); } }, "open"));
  }
}

async function followJob(row, jobId) {
  for (;;) {
    let job;
    try {
      ({ body: job } = await api("/jobs/" + encodeURIComponent(jobId)));
    } catch (e) {
      showJob(row, { status: "failed", stage: "failed", error: e.message });
      return;
    }
    showJob(row, job);
    if (job.status === "done" || job.status === "failed") return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function upload(ev) {
  ev.preventDefault();
  const input = $("upload-file");
  if (!input.files.length) return;
  const file = input.files[0];
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("handling", $("upload-handling").value);
  form.append("grading", $("upload-grading").value.trim());
  const row = el("li", { class: "sending" }, el("b", {}, file.name), " ", el("small", {}, `${Math.ceil(file.size / 1024)} KB`),
    el("progress", { max: "1", value: "0" }), el("span", { class: "stage" }, "sending"));
  $("uploads").prepend(row);
  input.value = "";
  try {
    const job = await sendFile(form, row);
    showJob(row, job);
    await followJob(row, job.job_id);
  } catch (e) {
    showJob(row, { status: "failed", stage: "failed", error: e.message });
    toast(e.message);
  }
}

async function fillHandling() {
  const select = $("upload-handling");
  if (select.options.length > 1) return;
  try {
    const { body } = await api("/schema");
    if (select.options.length > 1) return;
    for (const level of body.handling_levels) select.append(el("option", { value: level }, level));
  } catch (e) { /* no key yet: the list fills once one is given */ }
}

function uploadStart() {
  $("upload-form").addEventListener("submit", upload);
  $("upload-handling").addEventListener("focus", fillHandling);
  $("key-form").addEventListener("submit", () => fillHandling()); /* after app.js has stored the key */
  fillHandling();
}

document.addEventListener("DOMContentLoaded", uploadStart);
