"""One pass over each screen's component tree, collecting what every rule needs.

Counts are per rendering path: the branches of an If or a Switch are exclusive, so a
screen's count of a component type is what it has outside branches plus the largest
count of any one branch (a Footer in both `then` and `else` counts once).

Every valid flow goes through here, so the component loop is written flat (properties
inspected inline, names bound to locals) and pointers of nested values are built only
when something under them is recorded.
"""

from __future__ import annotations

from typing import Any

from flowops.flowjson.findings import pointer_join
from flowops.flowjson.rules.branches import if_findings, merge_max, switch_findings
from flowops.flowjson.rules.expressions import refs_in
from flowops.flowjson.rules.facts import Act, Comp, Ref, ScreenFacts

_STRUCTURAL = frozenset({"children", "then", "else", "cases"})


def collect(doc: dict[str, Any]) -> list[ScreenFacts]:
    screens = doc.get("screens")
    if not isinstance(screens, list):
        return []
    return [_screen(i, s) for i, s in enumerate(screens) if isinstance(s, dict)]


def _screen(index: int, screen: dict[str, Any]) -> ScreenFacts:
    sid = screen.get("id")
    data = screen.get("data")
    facts = ScreenFacts(
        index=index,
        pointer=f"/screens/{index}",
        screen=screen,
        sid=sid if isinstance(sid, str) else None,
        terminal=screen.get("terminal") is True,
        data=data if isinstance(data, dict) else {},
    )
    title = screen.get("title")
    if isinstance(title, str) and "${" in title:
        ref = Ref(f"{facts.pointer}/title", title, "screen", "title", False, refs_in(title))
        facts.refs.append(ref)
    layout = screen.get("layout")
    if isinstance(layout, dict):
        ptr = f"{facts.pointer}/layout/children"
        facts.counts = _Walker(facts).children(layout.get("children"), ptr, 0, False, False)
    return facts


class _Walker:
    """Visits components once, adding per-path counts of component types into ``counts``."""

    __slots__ = ("facts",)

    def __init__(self, facts: ScreenFacts) -> None:
        self.facts = facts

    def children(
        self, items: object, ptr: str, depth: int, in_form: bool, in_branch: bool
    ) -> dict[str, int]:
        counts: dict[str, int] = {}
        self._into(counts, items, ptr, depth, in_form, in_branch)
        return counts

    def _into(
        self,
        counts: dict[str, int],
        items: object,
        ptr: str,
        depth: int,
        in_form: bool,
        in_branch: bool,
    ) -> None:
        if not isinstance(items, list):
            return
        facts = self.facts
        comps, names, refs = facts.comps, facts.names, facts.refs
        for i, node in enumerate(items):
            if not isinstance(node, dict):
                continue
            raw = node.get("type")
            ctype = raw if isinstance(raw, str) else ""
            here = f"{ptr}/{i}"
            comp = Comp(here, node, ctype, in_form, in_branch)
            comps.append(comp)
            for key, value in node.items():
                kind = type(value)
                if kind is str:
                    if "${" in value:
                        at = f"{here}/{key}" if _plain_key(key) else pointer_join(here, key)
                        refs.append(Ref(at, value, ctype, key, in_form, refs_in(value)))
                    elif key == "name" and ctype != "Form":
                        names.setdefault(value, []).append(comp)
                elif (kind is dict or kind is list) and key not in _STRUCTURAL:
                    self._scan(key, value, here, comp, key)
            counts[ctype] = counts.get(ctype, 0) + 1
            if ctype == "Form" or ctype == "If" or ctype == "Switch":
                self._container(counts, comp, depth, in_branch)

    def _container(self, counts: dict[str, int], comp: Comp, depth: int, in_branch: bool) -> None:
        node, ptr, in_form = comp.node, comp.pointer, comp.in_form
        if comp.ctype == "Form":
            self.facts.has_form = True
            self._into(counts, node.get("children"), f"{ptr}/children", depth, True, in_branch)
            return
        if comp.ctype == "If":
            inner = self._if(node, ptr, depth + 1, in_form)
        else:
            inner = self._switch(node, ptr, depth + 1, in_form)
        for key, value in inner.items():
            counts[key] = counts.get(key, 0) + value

    def _if(self, node: dict[str, Any], ptr: str, depth: int, in_form: bool) -> dict[str, int]:
        then = self.children(node.get("then"), f"{ptr}/then", depth, in_form, True)
        other = self.children(node.get("else"), f"{ptr}/else", depth, in_form, True)
        self.facts.findings.extend(if_findings(ptr, depth, then, other))
        merge_max(then, other)
        return then

    def _switch(self, node: dict[str, Any], ptr: str, depth: int, in_form: bool) -> dict[str, int]:
        cases = node.get("cases")
        if not isinstance(cases, dict):
            return {}
        merged: dict[str, int] = {}
        with_footer = 0
        for key, items in cases.items():
            sub = self.children(items, join_key(f"{ptr}/cases", key), depth, in_form, True)
            with_footer += bool(sub.get("Footer"))
            merge_max(merged, sub)
        self.facts.findings.extend(switch_findings(ptr, depth, with_footer, len(cases), merged))
        return merged

    def _scan(self, key: str | int, value: Any, parent: str, comp: Comp, prop: str) -> None:
        """Collect `${…}` strings and `*-action` objects nested anywhere under a property.

        The pointer of `value` is built only when something under it is recorded; a nested
        object of plain strings (a list item such as `{"id": …, "title": …}`) is checked
        in place instead of being visited.
        """
        ptr = ""
        if type(value) is dict:
            if type(key) is str and key.endswith("-action"):
                ptr = join_key(parent, key)
                self.facts.actions.append(Act(ptr, value, comp.ctype, comp.in_form))
            items: Any = value.items()
        else:
            items = enumerate(value)
        for sub, item in items:
            kind = type(item)
            if kind is str:
                if "${" in item:
                    ptr = ptr or join_key(parent, key)
                    self._ref(join_key(ptr, sub), item, comp, prop)
            elif kind is dict or kind is list:
                if kind is dict and inert(sub, item):
                    continue
                ptr = ptr or join_key(parent, key)
                self._scan(sub, item, ptr, comp, prop)

    def _ref(self, ptr: str, text: str, comp: Comp, prop: str) -> None:
        self.facts.refs.append(Ref(ptr, text, comp.ctype, prop, comp.in_form, refs_in(text)))


def inert(key: str | int, node: dict[str, Any]) -> bool:
    """An object that is no action and holds only strings without `${`, or scalars."""
    if type(key) is str and key.endswith("-action"):
        return False
    for value in node.values():
        kind = type(value)
        if kind is dict or kind is list or (kind is str and "${" in value):
            return False
    return True


def _plain_key(key: str) -> bool:
    return "/" not in key and "~" not in key


def join_key(ptr: str, key: str | int) -> str:
    """``ptr`` + one JSON pointer segment (escaped only when it must be)."""
    if type(key) is str and ("/" in key or "~" in key):
        return pointer_join(ptr, key)
    return f"{ptr}/{key}"
