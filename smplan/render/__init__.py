"""Render a plan as a client-ready document: Markdown, HTML, PDF through WeasyPrint, or
Word through pandoc.

Templates are data: the defaults ship in `templates/`, and a user folder given with
`--template-dir` overrides them one file at a time (a replaced template can still extend
the built-in one as `builtin/NAME`). Every template runs in Jinja's immutable sandbox
with undefined names as errors, and sees plain data only: `doc` (the document's content,
see `smplan.render.view.Document`), `t` (the labels), `values` (names of fixed values),
`plan` (the plan as plain dicts and lists), `lang`, `generator` and `created`.

Text from the plan is always data: HTML-escaped in HTML and PDF; in Markdown, every
`{{ value }}` is Markdown-escaped, and the filters `md`, `mdblock` (line breaks kept),
`mdcell` (for table cells) and `fence` (a code block) say how. The same plan gives
byte-identical output on every run: nothing reads the clock, and the PDF's dates come
from SOURCE_DATE_EPOCH or from the plan's own date.
"""
