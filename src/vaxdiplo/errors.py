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
    E009 = (
        "[E009] The output {output} would overwrite the input {input}; "
        "choose an output path that is not an input or inside an input folder."
    )
    E010 = "[E010] Cannot write the output {output}: {reason}"
    E011 = "[E011] doc_id must be a str or None, not {type_name}: {value!r:.80}"
    E012 = "[E012] max_chars must be a positive int, not {value!r:.80}"
    E013 = (
        "[E013] --explain prints explanations and writes no JSONL or HTML: "
        "drop -o and --html to explain, or --explain to write extractions."
    )
    E014 = (
        "[E014] Batch item {index} is not a (doc_id, text, published) triple, an Article "
        "or a mapping with 'text': {value!r:.80}"
    )
    E015 = "[E015] {path} is not a regular file ({kind}): nothing was read."
    E016 = "[E016] The record at {where} is not an article with a string text and id: {reason}"
    E017 = "[E017] Bad registry file {path}: {reason}"
    E018 = "[E018] extract_many() got a bad {name}: {value!r:.80}"
    E019 = "[E019] Document {doc_id!r} (item {index}) failed: {error}: {message}"
    E020 = "[E020] Cannot tell the output format of {output}: give --format ({formats})."
    E021 = (
        "[E021] Writing {fmt} needs pandas and pyarrow: pip install 'vaxdiplo[tables]' ({reason})."
    )
    E022 = "[E022] The failures file {failures} is the output: choose another --failures path."


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
    W006 = (
        "[W006] The text holds {count} lone surrogate code point(s), which are not valid "
        "Unicode; each was replaced by U+FFFD."
    )
    W007 = "[W007] The date {text!r} names the year {year}, outside 1900-2099: it gives no date."
    W008 = "[W008] The date {text!r} does not exist in {year}: it gives no date."
    W009 = "[W009] The gold {path} holds {docs} document(s) and no events: scores will be zero."
