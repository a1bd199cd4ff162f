/* Scanned pages: an evidence item of a document read by OCR gets a "see on the page" link that
   draws the page from its OCR words (GET /documents/{id}/pages/{n}.svg) in the document panel,
   the evidence's words highlighted and the OCR confidence shown. Uses el, $, api, toast and KEY
   of app.js. */
"use strict";

const scanInfo = new Map(); /* doc_id -> pages read by OCR (a Set), fetched once per document */

async function ocrPagesOf(docId) {
  if (!scanInfo.has(docId)) {
    scanInfo.set(docId, api("/documents/" + encodeURIComponent(docId) + "/ocr")
      .then(({ body }) => new Set(body.pages.map((p) => p.page)))
      .catch(() => new Set()));
  }
  return scanInfo.get(docId);
}

async function markScans(container) {
  /* the evidence items with a page number whose document was read by OCR get the link */
  const items = Array.from(container.querySelectorAll(".ev[data-page]"));
  const docs = [...new Set(items.map((item) => item.dataset.doc))].slice(0, 20);
  const known = new Map(await Promise.all(docs.map(async (id) => [id, await ocrPagesOf(id)])));
  for (const item of items) {
    const pages = known.get(item.dataset.doc);
    if (!pages || !pages.has(Number(item.dataset.page)) || item.querySelector(".scan-link")) continue;
    const { doc, page, start, end } = item.dataset;
    item.append(" ", el("a", { href: "#", class: "scan-link", title: "the sentence on the scanned page",
      onclick: (e) => { e.preventDefault(); openScanPage(doc, Number(page), Number(start), Number(end)); } },
    "see on the page"));
  }
}

async function openScanPage(docId, page, start, end) {
  const params = new URLSearchParams({ start: String(start), end: String(end) });
  const headers = { Accept: "image/svg+xml" };
  const key = sessionStorage.getItem(KEY);
  if (key) headers.Authorization = "Bearer " + key;
  try {
    const response = await fetch(`/documents/${encodeURIComponent(docId)}/pages/${page}.svg?${params}`, { headers });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
      throw new Error(detail);
    }
    const svg = new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement;
    if (svg.nodeName !== "svg") throw new Error("the page drawing could not be read");
    const percent = (v) => (v === "" || v === null || v === "None" ? "-" : Math.round(Number(v) * 100) + "%");
    $("doc-panel").hidden = false;
    $("doc-title").textContent = `Page ${page}, as read by OCR`;
    $("doc-meta").replaceChildren(
      `OCR confidence: page ${percent(response.headers.get("X-OCR-Page-Confidence"))}, `
      + `highlighted words ${percent(response.headers.get("X-OCR-Span-Confidence"))} \u00b7 `,
      el("a", { href: "#", onclick: (e) => { e.preventDefault(); openDocument(docId); } }, "the document's text"),
      ` \u00b7 sha256 ${docId.slice(0, 12)}\u2026`);
    $("doc-text").replaceChildren();
    $("doc-page").replaceChildren(document.importNode(svg, true));
    $("doc-page").hidden = false;
    const hit = $("doc-page").querySelector("rect.hit");
    if (hit) hit.scrollIntoView({ block: "center" });
  } catch (e) { toast(e.message); }
}
