"""Error and warning messages, each with a code users can search for."""

from __future__ import annotations

__all__ = ["Errors", "VaxdiploError", "Warnings"]


class VaxdiploError(Exception):
    """Base class of the errors vaxdiplo raises on purpose."""


class Errors:
    """Error messages: ``Errors.E001.format(...)``."""

    E001 = "[E001] extract() takes text as str (or UTF-8 bytes), not {type_name}: {value!r:.80}"
    E002 = "[E002] The bytes given are not valid UTF-8 ({reason}); decode them first."
    E003 = "[E003] Cannot read published date {value!r}: expected a date, datetime or ISO string."
    E004 = (
        "[E004] Unknown model {model!r}: give 'default', 'rules', or an installed spaCy "
        "pipeline name or path ({reason})."
    )
    E005 = "[E005] The model {model!r} is not an English pipeline (lang={lang!r})."
    E006 = (
        "[E006] Text of {length} characters is over the limit of {limit}; "
        "split it or raise max_chars."
    )
    E007 = "[E007] No input files found under {paths}."
    E008 = "[E008] Bad rule file {path}: {reason}"


class Warnings:
    """Warnings recorded in ``Extraction.warnings``."""

    W001 = "[W001] No publication date: relative dates (weekdays, 'yesterday') are left unresolved."
    W002 = "[W002] Publication date taken from the dateline {text!r}."
    W003 = "[W003] The text looks like HTML; tags were stripped before extraction."
    W004 = (
        "[W004] Little of the text is English-looking ({share:.0%} ASCII letters); "
        "results may be poor."
    )
    W005 = "[W005] The text is empty or whitespace: nothing to extract."
