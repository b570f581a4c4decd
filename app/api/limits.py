"""Every bound the client puts on what a panel (or the network in front of it) can make it do. Each limit ends
in a typed error in words; `docs/client-architecture.md` ("Limits") says why each has its value.
"""
from __future__ import annotations

# One request, start to last byte (connect, headers, body), however slowly it trickles: a per-read timeout alone
# lets a server that drips one byte a second hold a sync forever. The contract's largest answer is one page of
# 100 rows; a minute covers that on a poor mobile link.
REQUEST_DEADLINE_SECONDS = 60.0

# Checking an address a person typed (the add-account dialog's "Checking..."): the answer is a few hundred bytes,
# and the person is watching; 20 s is long enough for a slow panel, short enough to give up on a trickle.
PROBE_DEADLINE_SECONDS = 20.0

# An answer's body as it crosses the wire, and unpacked (gzip/deflate). A page of 100 invoice rows is ~60 KB and
# an invoice's detail a few KB; 8 MiB is >100 times that, and keeps a 200 KB gzip bomb from reaching 645 MB.
MAX_WIRE_BYTES = 8 * 1024 * 1024
MAX_BODY_BYTES = 8 * 1024 * 1024
READ_CHUNK_BYTES = 64 * 1024

# Pages of one list in one sync: at 100 rows a page, 2,000 pages are 200,000 rows (four times the 50,000-row table
# the app is built for); `total_pages: 1e9` made 22,000 requests in 30 s without this.
MAX_PAGES = 2000

# Rows on one page: the contract lets a page hold at most 100, and Sett asks for at most that. A panel that sends
# hundreds of thousands of small rows on one page (6 MB, within the answer's limit) cost 36 s of checking and
# writing; ten times the contract's page leaves room for a panel that pages more generously.
MAX_PAGE_ROWS = 1000

# Rows of one list read in one sync (or one call paging through it): what MAX_PAGES full pages of the contract's
# 100 rows hold, and as many as the cache keeps of a table (app.cache.apply.MAX_CACHED_ROWS). Pages of
# MAX_PAGE_ROWS rows each would otherwise add up to two million.
MAX_LIST_ROWS = MAX_PAGES * 100

# Bytes of answers (unpacked) one sync may read in all, over every list and page; also one multi-page call outside
# a sync. Each page is bounded by MAX_BODY_BYTES, but 2,000 pages of 8 MiB are 16 GiB, all held until the sync
# writes. The 50,000 invoices the app is built for are ~18 MB as sent; with as many orders and credit
# transactions in the same first sync ~60 MB. Held as Python objects, rows take up to ~4 times their JSON.
MAX_SYNC_BYTES = 128 * 1024 * 1024

# Seconds one sync may spend waiting between retries (429 Retry-After, backoff after 5xx/dropped connections).
# A single wait is capped at `retry.RETRY_AFTER_CAP` (60 s), so this is two such waits: enough to ride out one
# real rate-limit window; without a total, a 429 with a huge Retry-After on every page waited 12 minutes.
MAX_RETRY_WAIT_SECONDS = 120.0

# How deep an answer's JSON may nest. The contract's deepest answer (an invoice's lines, an order's item's config)
# is 6 levels; Python's JSON reader and writer recurse, so a row nested 900 levels was stored and then made
# reading the account's cache fail (RecursionError) once the reader was called a little deeper in the stack.
MAX_JSON_DEPTH = 32

# How many values (objects, lists and what they hold, keys not counted) one answer may hold. A page of
# MAX_PAGE_ROWS wide rows holds ~50,000; within the byte limit an answer can hold millions (an invoice of 400,000
# empty lines is 1.2 MB), each checked and saved: 10 s for that one invoice, and its page and PDF drew them all.
MAX_JSON_VALUES = 250_000

# The panel's words in an error: its message, and its details (a field's problems). A panel's real ones are a
# sentence each; a 4 MB message or 20,000 fields of details would be shown whole on a screen.
MAX_ERROR_MESSAGE = 1000
MAX_ERROR_DETAILS = 20        # fields, and problems per field
MAX_ERROR_DETAIL_TEXT = 300   # characters of one field's name or one problem

# An ETag kept to be sent back as If-None-Match. Real ones are a quoted hash (tens of characters); one of
# megabytes, stored and sent with every later request of that list, would make the panel's own server refuse
# them all (431). A longer one, or one with characters a header cannot carry, is not kept: the next request
# asks without it (the whole list again), which is always correct.
MAX_ETAG = 512

__all__ = ["MAX_BODY_BYTES", "MAX_ERROR_DETAILS", "MAX_ERROR_DETAIL_TEXT", "MAX_ERROR_MESSAGE", "MAX_ETAG",
           "MAX_JSON_DEPTH", "MAX_JSON_VALUES", "MAX_LIST_ROWS", "MAX_PAGES", "MAX_PAGE_ROWS", "MAX_RETRY_WAIT_SECONDS",
           "MAX_SYNC_BYTES", "MAX_WIRE_BYTES", "PROBE_DEADLINE_SECONDS", "READ_CHUNK_BYTES",
           "REQUEST_DEADLINE_SECONDS"]
