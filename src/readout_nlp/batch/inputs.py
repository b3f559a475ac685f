"""Files → text: listing, encoding detection, binary refusal, HTML main text."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from ..errors import InputFileError
from .records import BatchInputError, ErrorKind

#: File name endings read as readouts (compared case-insensitively).
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

#: Longest text analysed. Real readouts, joint statements included, stay under ~100,000
#: characters; a multi-megabyte "readout" is a dump of many pages, which the parser would
#: take minutes and gigabytes over, so it is refused with a clear reason instead.
MAX_CHARS = 1_000_000
#: Files larger than this many bytes per allowed character are refused before being read
#: (HTML markup and UTF-16 take several bytes per character of text).
BYTES_PER_CHAR = 16


_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 also starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Binary formats people drop into a folder of readouts (a PDF of the statement, a Word file,
# a screenshot): named so the error says what to do rather than "binary".
_MAGIC = (
    (b"%PDF-", "a PDF file; extract its text first (e.g. pdftotext)"),
    (b"PK\x03\x04", "a ZIP container (.docx, .odt, .xlsx ...); save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc, .xls); save it as text first"),
    (b"{\\rtf", "an RTF document; save it as plain text first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
)

# One valid UTF-8 multi-byte sequence (RFC 3629, no overlongs or surrogates).
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

# charset-normalizer often ranks a DOS code page (cp852, cp850) above cp1252 for English
# text with curly quotes, though both decode it without "chaos"; among equally clean
# candidates we prefer the encodings readouts are actually published in.
_PREFERRED = ("cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "iso8859_15")
_MULTIBYTE = {"gb18030", "gb2312", "gbk", "big5", "big5hkscs", "shift_jis", "cp932",
              "euc_jp", "euc_kr", "cp949", "johab", "hz", "iso2022_jp", "iso2022_kr"}  # fmt: skip


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 LE/BE by its NUL pattern: English text has a NUL in every other byte."""
    n = len(head) - len(head) % 2
    if n < 8:
        return None
    even, odd = head[0:n:2].count(0), head[1:n:2].count(0)
    half = n // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    bad = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return bad / len(sample)


def decode_bytes(data: bytes, name: str | Path = "<bytes>") -> tuple[str, str]:
    """(text, encoding) for a file's bytes, or a BatchInputError saying why not.

    Order: BOM, BOM-less UTF-16, binary check, strict UTF-8, then detection. Strict UTF-8
    comes before detection because detectors misread short UTF-8 files as cp1252/latin-1.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc
            except UnicodeDecodeError as exc:
                raise BatchInputError(
                    name, ErrorKind.ENCODING,
                    f"starts with a {enc.upper()} byte-order mark but is not valid {enc} "
                    f"({exc.reason} at byte {exc.start + len(bom)})",
                ) from exc  # fmt: skip
    head = data[:65536]
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BatchInputError(name, ErrorKind.BINARY, f"not a text file: {what}")
    if 0 in head:
        enc16 = _utf16_without_bom(head)
        if enc16 is not None:
            try:
                return data.decode(enc16), enc16
            except UnicodeDecodeError:
                pass
        raise BatchInputError(
            name, ErrorKind.BINARY,
            f"binary data, not text (a NUL byte at offset {head.index(0)})",
        )  # fmt: skip
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        text, enc = _decode_legacy(data, name, exc)
    if _control_share(text) > 0.01:
        raise BatchInputError(
            name, ErrorKind.BINARY,
            f"binary data, not text (over 1% control characters when read as {enc})",
        )  # fmt: skip
    return text, enc


def _decode_legacy(data: bytes, name: str | Path, exc: UnicodeDecodeError) -> tuple[str, str]:
    """Text in a legacy encoding (cp1252, GB18030 ...), or an error for corrupted UTF-8."""
    from charset_normalizer import from_bytes

    valid = len(_UTF8_SEQ.findall(data))
    invalid = sum(1 for b in _UTF8_SEQ.sub(b"", data) if b > 0x7F)
    # A UTF-8 file with a few damaged bytes (a truncated download, two files pasted
    # together): its curly quotes are valid UTF-8 sequences, which in GB18030/Big5/Shift-JIS
    # text make up well under half of the non-ASCII units. Decoding it as cp1252 would turn
    # every ’ into â€™, so it is refused instead.
    corrupted = (
        f"mostly UTF-8 but {invalid} byte(s) are not valid UTF-8 (first at byte {exc.start}): "
        "the file is damaged or mixes encodings; re-save it as UTF-8"
    )
    if valid and valid >= 2 * invalid:
        raise BatchInputError(name, ErrorKind.ENCODING, corrupted)
    matches = list(from_bytes(data))
    if not matches:
        raise BatchInputError(
            name, ErrorKind.ENCODING,
            f"not UTF-8 ({exc.reason} at byte {exc.start}) and no other encoding fits: "
            "damaged or binary data",
        )  # fmt: skip
    lowest = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= lowest + 0.01]
    encoding = clean[0].encoding
    for preferred in _PREFERRED:
        if any(preferred in m.could_be_from_charset for m in clean):
            encoding = preferred
            break
    if valid and encoding not in _MULTIBYTE:
        raise BatchInputError(name, ErrorKind.ENCODING, corrupted)
    if lowest > 0.2:
        raise BatchInputError(
            name, ErrorKind.ENCODING,
            f"not UTF-8 and reads as garbage in every encoding tried (best: {encoding})",
        )  # fmt: skip
    return data.decode(encoding), encoding


# ---------------------------------------------------------------------------------------
# Reading: HTML → text


_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer",
              "aside", "form", "button", "select", "head", "iframe", "object"}  # fmt: skip
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
               "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "blockquote", "pre",
               "figure", "figcaption", "hr", "br", "title", "address", "center"}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
              "source", "track", "wbr", "param"}  # fmt: skip


class _BlockText(HTMLParser):
    """Visible text of a page as blocks, skipping script/style/navigation chrome.

    A fallback for when trafilatura is not installed: it has no boilerplate scoring, but
    government pages wrap chrome in <nav>/<header>/<footer>, and when the page marks its
    content with <main> or <article> only that part is kept.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, inside <main>/<article>)
        self._buf: list[str] = []
        self._skip = 0
        self._main = 0
        self._title: list[str] | None = None
        self.has_main = False
        self.has_h1 = False
        self.title = ""

    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append((text, self._main > 0))
        self._buf = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._title = []
            return
        self.has_h1 = self.has_h1 or tag == "h1"
        if tag in _SKIP_TAGS:
            if tag not in _VOID_TAGS:
                self._skip += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("main", "article"):
            self._main += 1
            self.has_main = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.title = " ".join("".join(self._title).split())
            self._title = None
            return
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("main", "article"):
            self._main = max(0, self._main - 1)

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
        elif not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_text_stdlib(html: str) -> str:
    """Main text of a page as blank-line-separated paragraphs, with the standard library."""
    parser = _BlockText()
    parser.feed(html)
    parser.close()
    blocks = [t for t, in_main in parser.blocks if in_main or not parser.has_main]
    if parser.title and not parser.has_h1:
        # No <h1>: the <title> is the only headline the page has (segment.py wants it first).
        blocks.insert(0, parser.title)
    return "\n\n".join(blocks)


def html_to_text(html: str) -> str:
    """Main text of a page: title, then one paragraph per block, separated by blank lines.

    trafilatura (the ``html`` extra) scores boilerplate properly; without it, or when it
    finds nothing (very short pages), the standard-library extractor is used.
    """
    try:
        import trafilatura
    except ImportError:  # the `html` extra is not installed (or broken: see pyproject)
        return html_to_text_stdlib(html)
    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, with_metadata=True
        )
    except Exception:  # a page trafilatura chokes on still has text to give
        doc = None
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        return html_to_text_stdlib(html)
    lines = [" ".join(line.split()) for line in body.splitlines()]
    lines = [line for line in lines if line]
    title = " ".join((getattr(doc, "title", None) or "").split())
    # trafilatura keeps the <h1> when it sits inside the content; otherwise the page title
    # goes first, where segment.py looks for the headline.
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "\n\n".join(lines)


# ---------------------------------------------------------------------------------------
# Reading: files


def read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise BatchInputError(
                    path, ErrorKind.TOO_LARGE,
                    f"{size:,} bytes is too large to be one readout (limit {max_bytes:,} "
                    "bytes); split it into one file per readout",
                )  # fmt: skip
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise BatchInputError(
            path, ErrorKind.MISSING, "no such file (removed or renamed after the folder was listed?)"
        ) from exc
    except IsADirectoryError as exc:
        raise BatchInputError(path, ErrorKind.UNREADABLE, "is a folder, not a file") from exc
    except OSError as exc:
        raise BatchInputError(
            path, ErrorKind.UNREADABLE, f"cannot read: {exc.strerror or exc}"
        ) from exc


def text_from_bytes(data: bytes, name: str | Path, *, max_chars: int | None = MAX_CHARS) -> str:
    """The analysable text of a file's bytes (decoded; main text for HTML), or an error."""
    text, _encoding = decode_bytes(data, name)
    if str(name).lower().endswith(HTML_SUFFIXES):
        text = html_to_text(text)
    if not text.strip() or not any(ch.isalnum() for ch in text):
        raise BatchInputError(name, ErrorKind.EMPTY, "empty: no letters or digits to analyse")
    if max_chars is not None and len(text) > max_chars:
        raise BatchInputError(
            name, ErrorKind.TOO_LARGE,
            f"{len(text):,} characters is too long for one readout (limit {max_chars:,}); "
            "split it into one file per readout or raise max_chars (--max-chars)",
        )  # fmt: skip
    return text


def read_text(path: str | Path, *, max_chars: int | None = MAX_CHARS) -> str:
    """The text of one readout file: encoding detected, HTML reduced to its main text.

    Raises ``BatchInputError`` (an ``InputFileError``) naming the file and the reason.
    """
    path = Path(path)
    max_bytes = None if max_chars is None else max_chars * BYTES_PER_CHAR
    return text_from_bytes(read_bytes(path, max_bytes), path, max_chars=max_chars)


def list_inputs(in_dir: str | Path, *, exclude: Sequence[str | Path] = ()) -> list[Path]:
    """Readout files under ``in_dir`` (recursive), sorted by path; hidden entries skipped.

    Sorted so the output order is the same on every machine and process count.
    """
    root = Path(in_dir)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise InputFileError(f"{root}: no such folder")
    skip = {Path(p).resolve() for p in exclude}
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (here / d).resolve() not in skip
        )
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                found.append(here / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())
