#!/usr/bin/env python3
"""Builds the example web archive `07-vigie-2016-12-16.warc.gz` from `warc-src/*.html`.

Each HTML page becomes one HTTP exchange: a `request` record and a `response` record
(WARC/1.0), after one `warcinfo` record. Every record is its own gzip member, as web
crawlers write them, so readers can seek record by record.

The output is reproducible byte for byte: record ids are UUIDv5 derived from the target
URI, dates are fixed, and gzip headers carry mtime=0 and no file name. Run it again after
editing a source page and commit both.

Only the Python standard library is used.

    python3 examples/aleppo-2016-tools/make_warc.py
"""

import base64
import gzip
import hashlib
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "warc-src"
OUTPUT = HERE.parent / "aleppo-2016" / "07-vigie-2016-12-16.warc.gz"

# Fixed namespace so that ids never change between runs.
NAMESPACE = uuid.UUID("6f1c3a52-3b1e-4d8e-9a57-0c2d5e7b9a10")
# Pages are "captured" one minute apart from this instant.
CAPTURE_HOUR, CAPTURE_MINUTE = 14, 5
CAPTURE_DAY = "2016-12-16"
USER_AGENT = "recoupe-example-crawler/1.0"

OG_URL = re.compile(r'<meta\s+property="og:url"\s+content="([^"]+)"')


def record_id(kind: str, name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(NAMESPACE, kind + ' ' + name)}>"


def sha1_digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    """One WARC record, gzip-compressed as its own member."""
    lines = ["WARC/1.0"]
    lines += [f"{name}: {value}" for name, value in headers]
    lines.append(f"Content-Length: {len(block)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    raw = head + block + b"\r\n\r\n"
    return gzip.compress(raw, compresslevel=9, mtime=0)


def warcinfo(filename: str, info_id: str) -> bytes:
    fields = (
        "software: make_warc.py (recoupe example corpus)\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: Demonstration capture of a paraphrased article page; "
        "the outlet and its address are fictional.\r\n"
        "isPartOf: recoupe examples/aleppo-2016\r\n"
    ).encode("utf-8")
    headers = [
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", info_id),
        ("WARC-Date", f"{CAPTURE_DAY}T{CAPTURE_HOUR:02}:{CAPTURE_MINUTE:02}:00Z"),
        ("WARC-Filename", filename),
        ("Content-Type", "application/warc-fields"),
    ]
    return record(headers, fields)


def exchange(page: Path, index: int, info_id: str) -> bytes:
    """The request and response records for one page."""
    body = page.read_bytes()
    match = OG_URL.search(body.decode("utf-8"))
    if match is None:
        sys.exit(f"{page}: no og:url, cannot tell the target URI")
    uri = match.group(1)
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    date = f"{CAPTURE_DAY}T{CAPTURE_HOUR:02}:{CAPTURE_MINUTE + index:02}:00Z"
    request_id = record_id("request", uri)
    response_id = record_id("response", uri)

    request_block = (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"User-Agent: {USER_AGENT}\r\n"
        "Accept: text/html\r\n"
        "\r\n"
    ).encode("ascii")
    response_head = (
        "HTTP/1.1 200 OK\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Date: Fri, 16 Dec 2016 "
        f"{CAPTURE_HOUR:02}:{CAPTURE_MINUTE + index:02}:00 GMT\r\n"
        "\r\n"
    ).encode("ascii")
    response_block = response_head + body

    request = record(
        [
            ("WARC-Type", "request"),
            ("WARC-Record-ID", request_id),
            ("WARC-Date", date),
            ("WARC-Target-URI", uri),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-Concurrent-To", response_id),
            ("WARC-Block-Digest", sha1_digest(request_block)),
            ("Content-Type", "application/http; msgtype=request"),
        ],
        request_block,
    )
    response = record(
        [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", response_id),
            ("WARC-Date", date),
            ("WARC-Target-URI", uri),
            ("WARC-Warcinfo-ID", info_id),
            ("WARC-Block-Digest", sha1_digest(response_block)),
            ("WARC-Payload-Digest", sha1_digest(body)),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        response_block,
    )
    return request + response


def main() -> None:
    pages = sorted(SOURCES.glob("*.html"))
    if not pages:
        sys.exit(f"no HTML page in {SOURCES}")
    info_id = record_id("warcinfo", OUTPUT.name)
    out = warcinfo(OUTPUT.name, info_id)
    for index, page in enumerate(pages):
        out += exchange(page, index, info_id)
    OUTPUT.write_bytes(out)
    print(f"wrote {OUTPUT} ({len(pages)} page(s), {len(out)} bytes)")


if __name__ == "__main__":
    main()
