"""HTML pages: scripts, styles, navigation and other boilerplate removed (BeautifulSoup + lxml).

Nothing is fetched: links, images and external entities are ignored.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.context import ReadContext
from ingest.encoding import decode_bytes
from ingest.source import ReadResult, Source, unreadable

_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "canvas", "object", "embed", "button", "select", "input", "head")
_BLOCK = ("p", "div", "section", "article", "main", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "table", "ul", "ol", "dl", "dt", "dd", "br", "hr", "address")
_DATE_META = ("article:published_time", "date", "dc.date", "dcterms.created", "pubdate", "datePublished")


def html_to_text(markup: str) -> tuple[str, dict[str, Any]]:
    """Visible text of ``markup`` (blocks on their own lines) and what the head says (title, lang, date)."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(markup, "lxml")
    info: dict[str, Any] = {}
    if soup.title and soup.title.string and soup.title.string.strip():
        info["title"] = " ".join(soup.title.string.split())
    html = soup.find("html")
    if html is not None and html.get("lang"):
        info["lang_hint"] = str(html.get("lang")).split("-")[0].lower()
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in {k.lower() for k in _DATE_META} and meta.get("content"):
            info.setdefault("date", str(meta["content"])[:10])
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo"]}):
        tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        tag.decompose()
    for tag in soup.find_all(_BLOCK):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" | ")
    text = soup.get_text()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    out = re.sub(r"( \|)+$", "", out, flags=re.M)
    return out, info


def read(source: Source, ctx: ReadContext) -> ReadResult:
    decoded = decode_bytes(source.read_bytes(ctx.limits), source.name)
    text, info = html_to_text(decoded.text)
    if not text.strip():
        raise unreadable(source.name, "HTML page without visible text", "save the page's content as text or PDF")
    lang_hint = info.pop("lang_hint", None)
    date = info.pop("date", None)
    doc = source.document(text, "html", title=info.get("title"), date=date,
                          metadata={"encoding": decoded.encoding, **({"lang_hint": lang_hint} if lang_hint else {})})
    return ReadResult(doc)
