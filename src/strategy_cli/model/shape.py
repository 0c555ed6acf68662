"""The model's shape, derived once from the dataclasses' fields: every reader and writer walks it.

A new field in `report.py` reaches the cache, the YAML writer, `fmt`'s key order, the JSON
export and lint's walk over text with no edit here or there: they all ask this module. It needs
neither pydantic nor YAML, so a cached query stays cheap.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import cache
from typing import Any, NamedTuple, Union

Path = tuple[str | int, ...]

TRUSTED: ContextVar[bool] = ContextVar("strategy_trusted", default=False)
"""Set while an instance is built from data that was already validated (by pydantic, or as a
cache entry checked against this shape): construction then skips validating it again."""


class Shorthand:
    """Marks a model that may be written as its bare first field when the rest are defaults:
    a paragraph without bullets is a plain string in the data file."""


class Ours:
    """Marks text the tool writes (licence, source) rather than text the department published."""


OURS = Ours()


class Bounds:
    """Numeric bounds (ge, le) or a minimum length, read by pydantic (which spells them the
    same way in its core schema) and by the cache's shape check alike."""

    def __init__(self, **bounds: int):
        self.bounds = bounds

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        schema = handler(source)
        schema.update(self.bounds)
        return schema


class Scalar(NamedTuple):
    type: type
    """str, int or datetime.date."""
    bounds: tuple[tuple[str, int], ...] = ()


class Optional(NamedTuple):
    inner: Node


class ListOf(NamedTuple):
    inner: Node
    min_length: int = 0


class ByYear(NamedTuple):
    """A mapping keyed by year (an int; a string of digits in JSON)."""

    key: Scalar
    inner: Node


class Field(NamedTuple):
    name: str
    node: Node
    default: Any
    """The default value, `dataclasses.MISSING` for a required field."""
    ours: bool

    @property
    def required(self) -> bool:
        return self.default is dataclasses.MISSING


class Model(NamedTuple):
    cls: type
    fields: tuple[Field, ...]
    shorthand: bool
    keys: tuple[str, ...] = ()
    """The fields' names, in order (kept: reading a cache entry compares them per instance)."""

    @property
    def names(self) -> list[str]:
        return list(self.keys)


Node = Union[Scalar, Optional, ListOf, ByYear, Model]  # noqa: UP007 (a runtime alias on 3.10)


def shape(cls: Any, shorthand: bool = False) -> Model:
    """The shape of a model class, computed once per process."""
    return _shape(cls, shorthand)


@cache
def _shape(cls: Any, shorthand: bool) -> Model:
    hints = typing.get_type_hints(cls, include_extras=True)
    found = []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            default = dataclasses.MISSING
        hint = hints[f.name]
        found.append(Field(f.name, _node(hint), default, _has(hint, Ours)))
    return Model(cls, tuple(found), shorthand, tuple(f.name for f in found))


def _has(hint: Any, marker: type) -> bool:
    return typing.get_origin(hint) is typing.Annotated and any(
        isinstance(m, marker) for m in hint.__metadata__
    )


def _node(hint: Any) -> Node:
    shorthand = _has(hint, Shorthand)
    bounds: dict[str, int] = {}
    while typing.get_origin(hint) is typing.Annotated:
        for marker in hint.__metadata__:
            if isinstance(marker, Bounds):
                bounds.update(marker.bounds)
        hint = typing.get_args(hint)[0]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1 or len(args) != 2:
            raise TypeError(f"unsupported union in the model: {hint!r}")
        return Optional(_node(inner[0]))
    if origin is list:
        return ListOf(_node(args[0]), bounds.get("min_length", 0))
    if origin is dict:
        key = _node(args[0])
        if not isinstance(key, Scalar) or key.type is not int:
            raise TypeError(f"unsupported mapping in the model: {hint!r}")
        return ByYear(key, _node(args[1]))
    if dataclasses.is_dataclass(hint):
        return shape(hint, shorthand)
    if hint in (str, int, datetime.date):
        return Scalar(hint, tuple(sorted(bounds.items())))
    raise TypeError(f"unsupported type in the model: {hint!r}")


# --- out: plain data ------------------------------------------------------------------------


def to_plain(value: Any, node: Node, json: bool = True) -> Any:
    """Plain data, every key present in field order. JSON-ready by default (years as strings,
    dates ISO); with `json=False`, as a YAML file holds it (int years, date objects), which is
    what validation takes."""
    # Anything not of the shape (a hand-built instance holding a string where a paragraph goes,
    # a tuple where a list goes) is passed on as it is, for validation to name.
    if isinstance(node, Model):
        if not isinstance(value, node.cls):
            return value
        return {f.name: to_plain(getattr(value, f.name), f.node, json) for f in node.fields}
    if isinstance(node, Optional):
        return None if value is None else to_plain(value, node.inner, json)
    if isinstance(node, ListOf):
        if not isinstance(value, list):
            return value
        return [to_plain(item, node.inner, json) for item in value]
    if isinstance(node, ByYear):
        if not isinstance(value, dict):
            return value
        return {
            (str(year) if json else year): to_plain(item, node.inner, json)
            for year, item in value.items()
        }
    return value.isoformat() if json and isinstance(value, datetime.date) else value


def to_tree(
    value: Any,
    node: Node,
    mapping: Callable[[], Any] = dict,
    sequence: Callable[[list[Any]], Any] = list,
) -> Any:
    """The data file's layout: fields in order, defaults left out, a shorthand model as its
    first field alone when the others are defaults. `mapping` and `sequence` build the
    containers (ruamel's commented ones, for the YAML writer)."""
    if isinstance(node, Model):
        if node.shorthand and all(getattr(value, f.name) == f.default for f in node.fields[1:]):
            return to_tree(getattr(value, node.fields[0].name), node.fields[0].node)
        out = mapping()
        for f in node.fields:
            item = getattr(value, f.name)
            if f.required or item != f.default:
                out[f.name] = to_tree(item, f.node, mapping, sequence)
        return out
    if isinstance(node, Optional):
        return None if value is None else to_tree(value, node.inner, mapping, sequence)
    if isinstance(node, ListOf):
        return sequence([to_tree(item, node.inner, mapping, sequence) for item in value])
    if isinstance(node, ByYear):
        out = mapping()
        for year, item in value.items():
            out[year] = to_tree(item, node.inner, mapping, sequence)
        return out
    return value


# --- in: checked plain data -----------------------------------------------------------------


class ShapeError(ValueError):
    """Plain data that does not have the model's shape (a cache entry to rebuild)."""


def from_plain(data: Any, node: Node) -> Any:
    """An instance from `to_plain`'s output, checked against the shape on the way: every key
    present, no other key, each value of its type. Anything else raises `ShapeError`; nothing
    is coerced or dropped. The content rules are not run: the data was validated when written."""
    token = TRUSTED.set(True)
    try:
        return _build(data, node)
    finally:
        TRUSTED.reset(token)


def _build(data: Any, node: Node) -> Any:
    if isinstance(node, Model):
        if not isinstance(data, dict) or tuple(data) != node.keys:
            raise ShapeError(f"{node.cls.__name__}: keys differ from the model's")
        return node.cls(**{f.name: _build(data[f.name], f.node) for f in node.fields})
    if isinstance(node, Optional):
        return None if data is None else _build(data, node.inner)
    if isinstance(node, ListOf):
        if not isinstance(data, list) or len(data) < node.min_length:
            raise ShapeError(f"expected a list of at least {node.min_length}")
        return [_build(item, node.inner) for item in data]
    if isinstance(node, ByYear):
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and k.isascii() and k.isdigit() for k in data
        ):
            raise ShapeError("expected a mapping keyed by year")
        return {
            _build(int(year), node.key): _build(item, node.inner) for year, item in data.items()
        }
    if node.type is datetime.date:
        if not isinstance(data, str):
            raise ShapeError("expected a date")
        try:
            return datetime.date.fromisoformat(data)
        except ValueError:
            raise ShapeError("expected a date") from None
    if type(data) is not node.type:  # bool is not int; a subclass is not the type
        raise ShapeError(f"expected {node.type.__name__}")
    for bound, limit in node.bounds:
        if (bound == "ge" and data < limit) or (bound == "le" and data > limit):  # type: ignore[operator]
            raise ShapeError(f"{data!r} is out of bounds")
    return data


# --- walking text ----------------------------------------------------------------------------


class TextAt(NamedTuple):
    """One piece of text in a report, where it is, and what holds it."""

    path: Path
    text: str
    field: Field
    owners: tuple[Any, ...]
    """The model instances that hold it, outermost first (the report, an action, ...)."""


def texts(value: Any, node: Node) -> Iterator[TextAt]:
    """Every text in the instance, in field order, with its path into the document."""
    yield from _texts(value, node, (), (), None)


def _texts(
    value: Any, node: Node, path: Path, owners: tuple[Any, ...], field: Field | None
) -> Iterator[TextAt]:
    if isinstance(node, Model):
        for f in node.fields:
            yield from _texts(getattr(value, f.name), f.node, (*path, f.name), (*owners, value), f)
    elif isinstance(node, Optional):
        if value is not None:
            yield from _texts(value, node.inner, path, owners, field)
    elif isinstance(node, ListOf):
        for index, item in enumerate(value):
            yield from _texts(item, node.inner, (*path, index), owners, field)
    elif isinstance(node, ByYear):
        for year, item in value.items():
            yield from _texts(item, node.inner, (*path, year), owners, field)
    elif node.type is str and field is not None:
        yield TextAt(path, value, field, owners)


def dump(instance: Any) -> Any:
    """A model instance as JSON-ready data (`to_plain` from its own shape)."""
    return to_plain(instance, shape(type(instance)))


def load(cls: type[Any], data: Any) -> Any:
    """An instance of `cls` from `dump`'s output, checked against the shape (`from_plain`)."""
    return from_plain(data, shape(cls))


def noncanonical_years(data: Any, node: Node, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Year keys of JSON-ready data not written as a year is ("2014", not "02014" or " 2014"),
    each with its path: JSON keys are text, and two spellings of one year must not both load."""
    if isinstance(node, Model) and isinstance(data, dict):
        for f in node.fields:
            if f.name in data:
                yield from noncanonical_years(data[f.name], f.node, (*path, f.name))
    elif isinstance(node, Optional):
        yield from noncanonical_years(data, node.inner, path)
    elif isinstance(node, ListOf) and isinstance(data, list):
        for index, item in enumerate(data):
            yield from noncanonical_years(item, node.inner, (*path, index))
    elif isinstance(node, ByYear) and isinstance(data, dict):
        for key, item in data.items():
            if not (
                isinstance(key, str) and key.isascii() and key.isdigit() and key == str(int(key))
            ):
                yield path, str(key)
            yield from noncanonical_years(item, node.inner, (*path, str(key)))
