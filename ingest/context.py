"""Settings shared by every reader during one ingest: limits, mapping or chat layout, the unpacking budget."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ingest.source import DEFAULT_LIMITS, Limits, unreadable

if TYPE_CHECKING:
    from ingest.chat_layouts import ChatLayout
    from ingest.records import Mapping


@dataclass
class ReadContext:
    limits: Limits = DEFAULT_LIMITS
    #: mapping for CSV/XLSX files (``--mapping``); None = detect, else read the table as text
    mapping: Mapping | None = None
    #: chat layout given with ``--mapping`` (``ingest/mappings/chat/*.layout.yaml``): files it can
    #: describe are read as chat exports in that layout; None = recognise exports by their first bytes
    chat_layout: ChatLayout | None = None
    #: bytes taken out of archives so far (a zip bomb is stopped when this passes the limit)
    unpacked: int = field(default=0)

    def charge(self, name: str, nbytes: int) -> None:
        """Count ``nbytes`` unpacked from an archive; refuse past ``limits.max_archive_bytes``."""
        self.unpacked += nbytes
        if self.unpacked > self.limits.max_archive_bytes:
            raise unreadable(name, f"archive unpacks to more than {self.limits.max_archive_bytes / 2**20:.0f} MB "
                             "(zip bomb?)", "unpack it yourself and ingest the files you need")
