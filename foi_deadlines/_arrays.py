"""Columns of dates in, columns of dates out: numpy, pandas, Polars, pyarrow, lists.

The engine over columns (:mod:`foi_deadlines._columnar`) works on numpy ``int64``
days since 1970-01-01, with :data:`NULL_DAY` (the integer value of ``NaT``) where
there is none. This module turns each kind of column into such an array, without a
step per item for the array kinds, and gives results back in the kind of column
that came in (:class:`Column` remembers which). A timestamp is taken as its date in
the UK, as :func:`~foi_deadlines._dates.to_uk_date` takes one.

It also turns a column of regime names into small integer codes, through a table of
the words the caller accepts, by looking up each distinct value once.

None of numpy, pandas, Polars or pyarrow is imported until a column of its kind is
given (numpy with any column).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from foi_deadlines._dates import (
    EPOCH_ORDINAL,
    NULL_DAY,
    to_uk_date,
)
from foi_deadlines._text import normalise_word
from foi_deadlines.errors import InvalidDateError, InvalidInputError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "Column",
    "bools_of",
    "codes_of",
    "column_of",
    "counts_of",
    "days_of",
    "is_column",
    "kind_of",
    "labels_of",
]

_LONDON: Final = "Europe/London"
_DATES: Final = (
    "a column of dates: a numpy datetime64 array, a pandas Series, a Polars Series, "
    "a pyarrow array, or a sequence of dates and None"
)


@attrs.frozen(kw_only=True, eq=False)
class Column:
    """Where a column came from, to give a result back in the same kind.

    Attributes:
        kind: ``"numpy"``, ``"pandas"``, ``"polars"``, ``"arrow"`` or ``"list"``.
        length: The number of rows.
        index: A pandas Series' index (``None`` for other kinds).
        name: A pandas or Polars Series' name.
        shape: For pandas, ``"series"``, ``"index"`` or ``"array"``; for pyarrow,
            ``"array"`` or ``"chunked"``.
        timed: Whether the values were timestamps (with a time of day) rather
            than dates.
    """

    kind: str
    length: int
    index: Any = None
    name: Any = None
    shape: str = ""
    timed: bool = False


def kind_of(value: object) -> str:
    """The kind of column ``value`` is, by its type's module, without importing it.

    ``""`` for anything that is not an array kind (a sequence, a scalar).
    """
    module = type(value).__module__.split(".", 1)[0]
    if module == "numpy" and type(value).__name__ == "ndarray":
        return "numpy"
    if module == "pandas":
        return "pandas"
    if module == "polars":
        return "polars"
    if module == "pyarrow":
        return "arrow"
    return ""


def is_column(value: object) -> bool:
    """Whether ``value`` is a column (an array kind, or a sequence but not a string)."""
    if kind_of(value):
        return True
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))


def days_of(  # noqa: PLR0911 - one return per kind of column
    column: object, param: str, length: int | None = None
) -> tuple[npt.NDArray[np.int64], Column]:
    """A column as ``int64`` epoch days, with :data:`NULL_DAY` for a null.

    Args:
        column: The column (see the module's docstring); a single ``date`` (or
            ``None``) is repeated ``length`` times.
        param: The parameter it came from, for messages.
        length: The number of rows, for a single value.

    Returns:
        The days (a new array, the caller's to change) and where they came from.

    Raises:
        InvalidDateError: The column does not hold dates (the message names the
            first value that is not one, for a sequence).
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    kind = kind_of(column)
    if kind == "numpy":
        array: npt.NDArray[Any] = column  # type: ignore[assignment]
        if array.ndim != 1:
            raise InvalidInputError(param, array.shape, "a one-dimensional array")
        if array.dtype.kind == "M":
            days = _floor_days(array)
            unit = np.datetime_data(array.dtype)[0]
            return days, Column(
                kind="numpy", length=days.size, timed=unit not in ("D", "W", "M", "Y")
            )
        if array.dtype.kind == "O":
            days = _days_of_items(array.tolist(), param)
            return days, Column(kind="numpy", length=days.size)
        raise InvalidDateError(param, array.dtype, _DATES)
    if kind == "pandas":
        return _pandas_days(column, param)
    if kind == "polars":
        return _polars_days(column, param)
    if kind == "arrow":
        return _arrow_days(column, param)
    if column is None or isinstance(column, date):
        if length is None:
            raise InvalidDateError(param, column, _DATES)
        day = _days_of_items([column], param)[0]
        return np.full(length, day, dtype=np.int64), Column(kind="list", length=length)
    if isinstance(column, Iterable) and not isinstance(column, (str, bytes)):
        days = _days_of_items(list(column), param)
        return days, Column(kind="list", length=days.size)
    raise InvalidDateError(param, column, _DATES)


def _floor_days(array: npt.NDArray[Any]) -> npt.NDArray[np.int64]:
    """A ``datetime64`` array of any unit as days (``NaT`` kept), as a new array."""
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    if array.dtype == np.dtype("datetime64[D]"):
        return array.view(np.int64).copy()
    return array.astype("datetime64[D]").view(np.int64)


def _days_of_items(items: list[Any], param: str) -> npt.NDArray[np.int64]:
    """Dates, timestamps and ``None`` as days, one look at each item."""
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    out = np.empty(len(items), dtype=np.int64)
    for position, item in enumerate(items):
        if item is None:
            out[position] = NULL_DAY
            continue
        day = item
        if type(item) is not date:
            if _is_missing(item):
                out[position] = NULL_DAY
                continue
            day = to_uk_date(item, f"{param}[{position}]")
        out[position] = day.toordinal() - EPOCH_ORDINAL
    return out


def _is_missing(item: object) -> bool:
    """Whether ``item`` is a null of numpy or pandas (``NaT``, ``NA``, NaN)."""
    try:
        return bool(item != item)  # noqa: PLR0124 - NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def _pandas_days(column: Any, param: str) -> tuple[npt.NDArray[np.int64], Column]:
    import pandas as pd  # noqa: PLC0415 - optional, only for pandas columns

    if isinstance(column, pd.DataFrame):
        raise InvalidDateError(param, "a DataFrame", _DATES)
    if isinstance(column, pd.Series):
        shape, index, name = "series", column.index, column.name
        values = column
    elif isinstance(column, pd.Index):
        shape, index, name = "index", None, column.name
        values = pd.Series(column, copy=False)
    else:
        shape, index, name = "array", None, None
        values = pd.Series(column, copy=False)
    dtype = values.dtype
    timed = False
    if isinstance(dtype, pd.ArrowDtype):
        days, found = _arrow_days(values.array.__arrow_array__(), param)
        return days, Column(
            kind="pandas",
            length=days.size,
            index=index,
            name=name,
            shape=shape,
            timed=found.timed,
        )
    if isinstance(dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_convert(_LONDON).dt.tz_localize(None)
        dtype = values.dtype
        timed = True
    if dtype.kind == "M":
        days = _floor_days(values.to_numpy())
        timed = timed or values.dtype != "datetime64[D]"
    elif dtype.kind == "O":
        inferred = pd.api.types.infer_dtype(values, skipna=True)
        if inferred == "date":
            days = (
                values.to_numpy(dtype=object, na_value=None)
                .astype("datetime64[D]")
                .view("int64")
            )
        else:
            days = _days_of_items(values.tolist(), param)
    else:
        raise InvalidDateError(param, dtype, _DATES)
    return days, Column(
        kind="pandas",
        length=days.size,
        index=index,
        name=name,
        shape=shape,
        timed=timed,
    )


def _polars_days(column: Any, param: str) -> tuple[npt.NDArray[np.int64], Column]:
    import polars as pl  # noqa: PLC0415 - optional, only for Polars columns

    if not isinstance(column, pl.Series):
        raise InvalidDateError(param, type(column).__name__, _DATES)
    series = column
    timed = False
    if isinstance(series.dtype, pl.Datetime):
        timed = True
        if series.dtype.time_zone is not None:
            series = series.dt.convert_time_zone(_LONDON)
        series = series.dt.date()
    elif series.dtype == pl.Null:
        series = series.cast(pl.Date)
    elif series.dtype != pl.Date:
        raise InvalidDateError(param, series.dtype, _DATES)
    physical = series.cast(pl.Int64)
    if physical.null_count():
        physical = physical.fill_null(NULL_DAY)
    days = physical.to_numpy(writable=True)
    return days, Column(kind="polars", length=days.size, name=column.name, timed=timed)


def _arrow_days(column: Any, param: str) -> tuple[npt.NDArray[np.int64], Column]:
    import pyarrow as pa  # noqa: PLC0415 - optional, only for Arrow columns
    import pyarrow.compute as pc  # noqa: PLC0415

    if isinstance(column, pa.ChunkedArray):
        shape = "chunked"
    elif isinstance(column, pa.Array):
        shape = "array"
    else:
        raise InvalidDateError(param, type(column).__name__, _DATES)
    array = column
    kind = array.type
    timed = False
    if pa.types.is_timestamp(kind):
        timed = True
        if kind.tz is not None:
            array = pc.local_timestamp(array.cast(pa.timestamp(kind.unit, _LONDON)))
        array = array.cast(pa.date32())
    elif pa.types.is_date64(kind) or pa.types.is_null(kind):
        array = array.cast(pa.date32())
    elif not pa.types.is_date32(kind):
        raise InvalidDateError(param, kind, _DATES)
    physical = array.cast(pa.int32()).cast(pa.int64())
    if physical.null_count:
        physical = physical.fill_null(pa.scalar(NULL_DAY, pa.int64()))
    days = physical.to_numpy()
    if not days.flags.writeable:
        days = days.copy()
    return days, Column(kind="arrow", length=len(days), shape=shape, timed=timed)


def column_of(days: npt.NDArray[np.int64], like: Column) -> Any:  # noqa: PLR0911
    """``int64`` epoch days (with :data:`NULL_DAY`) as a column of ``like``'s kind.

    numpy gives ``datetime64[D]`` (``NaT`` for a null); pandas a Series with the
    input's index and name (or an Index, or an array, as given) of dtype
    ``datetime64[s]``, the resolution pandas itself gives a day; Polars a ``Date``
    Series; pyarrow a ``date32`` array (chunked if the input was); a sequence a
    list of ``date`` and ``None``.
    """
    as_days = days.view("datetime64[D]")
    kind = like.kind
    if kind == "numpy":
        return as_days
    if kind == "list":
        return as_days.tolist()
    if kind == "pandas":
        import pandas as pd  # noqa: PLC0415 - optional, only for pandas columns

        seconds = as_days.astype("datetime64[s]")
        if like.shape == "index":
            return pd.DatetimeIndex(seconds, name=like.name)
        if like.shape == "array":
            return pd.array(seconds)
        return pd.Series(seconds, index=like.index, name=like.name, copy=False)
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    if kind == "polars":
        import polars as pl  # noqa: PLC0415 - optional, only for Polars columns

        nulls = days == NULL_DAY
        if nulls.any():
            return pl.Series(like.name or "", as_days)
        # Dates fit 32 bits: Polars takes them as they are, without a null mask.
        return pl.Series(like.name or "", days.astype(np.int32)).cast(pl.Date)
    import pyarrow as pa  # noqa: PLC0415 - optional, only for Arrow columns

    nulls = days == NULL_DAY
    array = pa.array(
        np.where(nulls, 0, days).astype(np.int32),
        type=pa.date32(),
        mask=nulls if nulls.any() else None,
    )
    return pa.chunked_array([array]) if like.shape == "chunked" else array


def labels_of(codes: npt.NDArray[np.int8], labels: Sequence[str], like: Column) -> Any:
    """Codes (indexes into ``labels``, negative for none) as a column of text.

    numpy gives an ``object`` array (``None`` for none); pandas a categorical
    Series with the input's index and name; Polars a ``String`` Series; pyarrow a
    ``string`` array; a sequence a list. Each label is made once, not once a row.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    missing = codes < 0
    safe = np.where(missing, 0, codes)
    kind = like.kind
    if kind in ("numpy", "list"):
        table = np.array([*labels, None], dtype=object)
        found = table[np.where(missing, len(labels), codes)]
        return found.tolist() if kind == "list" else found
    if kind == "pandas":
        import pandas as pd  # noqa: PLC0415 - optional, only for pandas columns

        categories = pd.Categorical.from_codes(
            np.where(missing, -1, codes), categories=list(labels)
        )
        if like.shape != "series":
            return categories
        return pd.Series(categories, index=like.index, name=like.name, copy=False)
    if kind == "polars":
        import polars as pl  # noqa: PLC0415 - optional, only for Polars columns

        text = np.array(labels)[safe]
        return pl.Series(like.name or "", np.ma.masked_array(text, mask=missing))
    import pyarrow as pa  # noqa: PLC0415 - optional, only for Arrow columns

    taken = pa.array(list(labels)).take(
        pa.array(safe, mask=missing if missing.any() else None)
    )
    return pa.chunked_array([taken]) if like.shape == "chunked" else taken


def counts_of(values: npt.NDArray[np.int64], missing: int, like: Column) -> Any:
    """Whole numbers (``missing`` for none) as a column of nullable integers.

    numpy gives a masked ``int64`` array; pandas a Series of dtype ``Int64`` with
    the input's index and name; Polars an ``Int64`` Series; pyarrow an ``int64``
    array; a sequence a list of ``int`` and ``None``.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    nulls = values == missing
    kind = like.kind
    if kind == "list":
        return [None if null else int(v) for v, null in zip(values, nulls, strict=True)]
    if kind == "numpy":
        return np.ma.masked_array(values, mask=nulls)
    if kind == "pandas":
        import pandas as pd  # noqa: PLC0415 - optional, only for pandas columns

        array = pd.arrays.IntegerArray(values.copy(), nulls)
        if like.shape != "series":
            return array
        return pd.Series(array, index=like.index, name=like.name, copy=False)
    if kind == "polars":
        import polars as pl  # noqa: PLC0415 - optional, only for Polars columns

        return pl.Series(like.name or "", np.ma.masked_array(values, mask=nulls))
    import pyarrow as pa  # noqa: PLC0415 - optional, only for Arrow columns

    array = pa.array(values, mask=nulls if nulls.any() else None)
    return pa.chunked_array([array]) if like.shape == "chunked" else array


def bools_of(  # noqa: PLR0911 - one return per kind of column
    column: object, param: str, length: int
) -> npt.NDArray[np.bool_]:
    """A flag, or a column of flags, as a numpy bool array; a null is ``False``.

    Raises:
        InvalidInputError: A value that is not ``True``, ``False`` or null.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    expected = "True or False, or a column of them"
    if column is True or column is False:
        return np.full(length, column, dtype=np.bool_)
    kind = kind_of(column)
    flags: npt.NDArray[Any]
    if kind == "numpy":
        flags = column  # type: ignore[assignment]
        if flags.dtype != np.bool_:
            raise InvalidInputError(param, flags.dtype, expected)
        return flags.astype(np.bool_, copy=True)
    if kind == "pandas":
        import pandas as pd  # noqa: PLC0415 - optional, only for pandas columns

        series = column if isinstance(column, pd.Series) else pd.Series(column)
        if not pd.api.types.is_bool_dtype(series.dtype):
            if series.dtype.kind != "O":
                raise InvalidInputError(param, series.dtype, expected)
            return _bools_of_items(series.tolist(), param, expected)
        found: npt.NDArray[np.bool_] = series.to_numpy(dtype=np.bool_, na_value=False)
        return found
    if kind == "polars":
        import polars as pl  # noqa: PLC0415 - optional, only for Polars columns

        series_pl: Any = column
        if series_pl.dtype != pl.Boolean:
            raise InvalidInputError(param, series_pl.dtype, expected)
        return np.asarray(series_pl.fill_null(value=False).to_numpy(), dtype=np.bool_)
    if kind == "arrow":
        import pyarrow as pa  # noqa: PLC0415 - optional, only for Arrow columns

        array: Any = column
        if not pa.types.is_boolean(array.type):
            raise InvalidInputError(param, array.type, expected)
        return np.asarray(
            array.fill_null(value=False).to_numpy(zero_copy_only=False), dtype=np.bool_
        )
    if isinstance(column, Iterable) and not isinstance(column, (str, bytes)):
        return _bools_of_items(list(column), param, expected)
    raise InvalidInputError(param, column, expected)


def _bools_of_items(
    items: list[Any], param: str, expected: str
) -> npt.NDArray[np.bool_]:
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    out = np.zeros(len(items), dtype=np.bool_)
    for position, item in enumerate(items):
        if item is True:
            out[position] = True
        elif item is not False and item is not None and not _is_missing(item):
            raise InvalidInputError(f"{param}[{position}]", item, expected)
    return out


def codes_of(
    column: object, table: Mapping[str, int], param: str, length: int
) -> npt.NDArray[np.int8]:
    """A column of words (or one word) as codes, ``-1`` where a value is not known.

    Each distinct value is looked up once: pandas and numpy factorise the column,
    Polars and pyarrow encode it as a dictionary. A value is looked up as it is
    (for enum members, whose ``str`` is the word) and then normalised with
    ``_text.normalise_word``. A null is ``-1``, like an unknown word.

    Args:
        column: The words, or a single word for every row.
        table: Codes by normalised word.
        param: The parameter, for messages.
        length: The number of rows, for a single word.
    """
    import numpy as np  # noqa: PLC0415 - optional, only for columns

    kind = kind_of(column)
    if not kind and not is_column(column):
        # One value for every row: a read-only view, not a copy per row.
        return np.broadcast_to(np.int8(_code(column, table)), (length,))
    codes: npt.NDArray[Any]
    uniques: Sequence[Any]
    if kind == "polars":
        import polars as pl  # noqa: PLC0415 - optional, only for Polars columns

        series: Any = column
        if isinstance(series.dtype, (pl.Categorical, pl.Enum)):
            series = series.cast(pl.String)
        distinct = series.drop_nulls().unique().to_list()
        found = [_code(value, table) for value in distinct]
        return np.asarray(
            series.replace_strict(distinct, found, default=-1, return_dtype=pl.Int8)
            .fill_null(-1)
            .to_numpy(),
            dtype=np.int8,
        )
    if kind == "arrow":
        import pyarrow as pa  # noqa: PLC0415 - optional, only for Arrow columns

        array: Any = column
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        if not pa.types.is_dictionary(array.type):
            array = array.dictionary_encode()
        codes = array.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        uniques = array.dictionary.to_pylist()
    elif kind == "pandas":
        import pandas as pd  # noqa: PLC0415 - optional, only for pandas columns

        codes, found_uniques = pd.factorize(column)
        uniques = list(found_uniques)
    else:
        given: Any = column
        items = given.tolist() if kind == "numpy" else list(given)
        seen: dict[Any, int] = {}
        positions = []
        for item in items:
            try:
                positions.append(seen.setdefault(item, len(seen)))
            except TypeError:  # unhashable: never a regime
                positions.append(-1)
        codes = np.asarray(positions, dtype=np.int64)
        uniques = list(seen)
    lookup = np.array([_code(value, table) for value in uniques] + [-1], dtype=np.int8)
    return lookup[np.asarray(codes, dtype=np.int64)]


def _code(value: object, table: Mapping[str, int]) -> int:
    """The code of one value; ``-1`` if it is null or not a known word."""
    if not isinstance(value, str):
        return -1
    found = table.get(value)
    if found is None:
        found = table.get(normalise_word(value), -1)
    return found
