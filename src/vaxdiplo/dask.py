"""Past one machine: events from a dask bag or dataframe of articles, as a dask
dataframe (``pip install "vaxdiplo[dask]"``).

Each partition is read by :meth:`vaxdiplo.Extractor.extract_many` with the process's
own ``Extractor``, loaded once per worker process and kept (the first partition a
worker reads pays for loading the pipeline). The result has the columns of
:func:`vaxdiplo.to_frame`, one row per event; a document that fails is left out and
logged on the worker's ``vaxdiplo`` logger.

Example::

    import dask.bag as db
    from distributed import Client
    from vaxdiplo.dask import extract_bag

    client = Client(n_workers=4, threads_per_worker=1)  # one pipeline per process
    articles = db.read_text("news/*.jsonl").map(json.loads)
    events = extract_bag(articles)            # lazy dask dataframe
    events.to_parquet("events/")              # or events.compute()

Use one thread per worker process: a spaCy pipeline is not shared between threads.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["extract_bag", "extract_frame", "meta"]


def meta():  # -> pandas.DataFrame
    """The empty events table: the columns and dtypes of every partition."""
    from vaxdiplo.tables import to_frame

    return to_frame([])


def _events(items: Iterable[Any], model: str, batch_size: int):  # -> pandas.DataFrame
    from vaxdiplo.extractor import _extractor
    from vaxdiplo.tables import to_frame

    ex = _extractor(model)  # one per process, loaded by the first partition
    return to_frame(ex.extract_many(items, batch_size=batch_size, errors="skip"))


def extract_bag(bag: Any, *, model: str = "default", batch_size: int = 64) -> Any:
    """Extract the events of a ``dask.bag`` of articles.

    Args:
        bag: Items as :meth:`~vaxdiplo.Extractor.extract_many` takes them: mappings with
            ``"text"`` (and ``"id"``, ``"published"``, ``"url"``, ``"title"``),
            ``(doc_id, text, published)`` triples or :class:`vaxdiplo.readers.Article`.
        model: See :func:`vaxdiplo.extractor.load_pipeline`.
        batch_size: Documents per ``nlp.pipe`` batch.

    Returns:
        A ``dask.dataframe.DataFrame`` of events (columns of :func:`vaxdiplo.to_frame`).
    """
    import dask.dataframe as dd

    frames = bag.map_partitions(_events_partition, model, batch_size).to_delayed()
    return dd.from_delayed(frames, meta=meta(), verify_meta=False)


def _events_partition(items: Iterable[Any], model: str, batch_size: int) -> Any:
    return _events(list(items), model, batch_size)


def _frame_partition(
    part: Any, columns: tuple[str, str, str, str, str], model: str, batch_size: int
) -> Any:
    names = ("text", "id", "published", "url", "title")
    present = {key: col for key, col in zip(names, columns, strict=True) if col in part.columns}
    cells = part[list(present.values())].astype(object)
    cells = cells.where(cells.notna(), None)  # a missing date is None, not NaN
    records = []
    for row in cells.itertuples(index=False, name=None):
        record = dict(zip(present, row, strict=True))
        if record.get("id") is not None:
            record["id"] = str(record["id"])
        records.append(record)
    return _events(records, model, batch_size)


def extract_frame(
    frame: Any,
    *,
    text_col: str = "text",
    id_col: str = "id",
    date_col: str = "published",
    url_col: str = "url",
    title_col: str = "title",
    model: str = "default",
    batch_size: int = 64,
) -> Any:
    """Extract the events of a ``dask.dataframe`` with one article a row.

    Args:
        frame: The articles: a text column and, when present, id (made a string),
            date, URL and title columns (named as the command line's ``--text-col``,
            ``--id-col``, ``--date-col``, ``--url-col`` and ``--title-col``).
        model: See :func:`vaxdiplo.extractor.load_pipeline`.
        batch_size: Documents per ``nlp.pipe`` batch.

    Returns:
        A ``dask.dataframe.DataFrame`` of events (columns of :func:`vaxdiplo.to_frame`).
    """
    columns = (text_col, id_col, date_col, url_col, title_col)
    return frame.map_partitions(_frame_partition, columns, model, batch_size, meta=meta())
