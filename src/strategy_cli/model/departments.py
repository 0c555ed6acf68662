"""The departments that answered the Government Digital Strategy, as GOV.UK listed them in
2012-2015: acronym, full name, and other names people use. `--department` takes any of them;
a report may add aliases of its own (its `aliases` key). A department the table does not know
still works by the name its report gives."""

from __future__ import annotations

from typing import NamedTuple


class Department(NamedTuple):
    acronym: str
    name: str
    aliases: tuple[str, ...] = ()


DEPARTMENTS: tuple[Department, ...] = (
    Department("AGO", "Attorney General's Office"),
    Department("BIS", "Department for Business, Innovation & Skills",
               ("Department for Business, Innovation and Skills",)),
    Department("CO", "Cabinet Office"),
    Department("DCLG", "Department for Communities and Local Government"),
    Department("DCMS", "Department for Culture, Media & Sport",
               ("Department for Culture, Media and Sport",)),
    Department("DECC", "Department of Energy & Climate Change",
               ("Department of Energy and Climate Change",)),
    Department("Defra", "Department for Environment, Food & Rural Affairs",
               ("Department for Environment, Food and Rural Affairs",)),
    Department("DfE", "Department for Education"),
    Department("DFID", "Department for International Development"),
    Department("DfT", "Department for Transport"),
    Department("DH", "Department of Health", ("DoH",)),
    Department("DWP", "Department for Work and Pensions"),
    Department("FCO", "Foreign & Commonwealth Office", ("Foreign and Commonwealth Office",)),
    Department("HMRC", "HM Revenue & Customs", ("HM Revenue and Customs",)),
    Department("HMT", "HM Treasury", ("Treasury",)),
    Department("HO", "Home Office"),
    Department("MOD", "Ministry of Defence", ("MoD",)),
    Department("MOJ", "Ministry of Justice", ("MoJ",)),
    Department("NIO", "Northern Ireland Office"),
    Department("OAG", "Office of the Advocate General for Scotland"),
    Department("OLHC", "Office of the Leader of the House of Commons"),
    Department("OLHL", "Office of the Leader of the House of Lords"),
    Department("SO", "Scotland Office"),
    Department("UKEF", "UK Export Finance"),
    Department("WO", "Wales Office"),
)  # fmt: skip


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").casefold().split())


_BY_NAME = {
    _key(name): department
    for department in DEPARTMENTS
    for name in (department.acronym, department.name, *department.aliases)
}


def known(name: str) -> Department | None:
    """The table's entry for an acronym, name or alias, in any case."""
    return _BY_NAME.get(_key(name))


def names(department: str, aliases: tuple[str, ...] | list[str] = ()) -> set[str]:
    """Every name a report's department answers to, normalised for comparison."""
    found = {_key(department), *(_key(a) for a in aliases)}
    entry = known(department)
    if entry is not None:
        found |= {_key(n) for n in (entry.acronym, entry.name, *entry.aliases)}
    return found


def answers_to(department: str, aliases: tuple[str, ...] | list[str], wanted: str) -> bool:
    return _key(wanted) in names(department, aliases)


def full_name(department: str) -> str:
    entry = known(department)
    return entry.name if entry is not None else department


def slug(department: str) -> str:
    """A department's name as a file or anchor name: lower-case letters, digits and hyphens
    only ("Ministry of Magic" -> "ministry-of-magic"; "../x" -> "x"), never empty."""
    import re

    found = re.sub(r"[^a-z0-9]+", "-", department.casefold()).strip("-")
    return found or "department"
