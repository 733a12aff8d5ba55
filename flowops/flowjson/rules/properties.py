"""Property rules a schema cannot express: TextInput ``pattern``, Dropdown ``label``,
Footer captions.

``needs_check`` lets the quick verdict hand such components to these rules.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.facts import Comp, Context
from flowops.problems import Severity

PATTERN_INPUT_TYPES = ("text", "number", "password", "passcode")
DROPDOWN_LABEL_DOCUMENTED = 20  # Meta's Components reference
DROPDOWN_LABEL_LIBRARIES = 30  # pywa and older copies; the schema refuses longer labels


# The key without which ``needs_check`` is False, so a caller can skip the call.
TRIGGERS = {"TextInput": "pattern", "Dropdown": "label", "Footer": "center-caption"}


def needs_check(ctype: str, node: dict[str, Any]) -> bool:
    """Whether ``check`` reports anything about this component."""
    if ctype == "TextInput":
        return "pattern" in node and (
            "helper-text" not in node or _pattern_type_refused(node.get("input-type", "text"))
        )
    if ctype == "Dropdown":
        label = node.get("label")
        return type(label) is str and len(label) > DROPDOWN_LABEL_DOCUMENTED and "${" not in label
    if ctype == "Footer":
        return "center-caption" in node and ("left-caption" in node or "right-caption" in node)
    return False


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for s in ctx.screens:
        for comp in s.comps:
            if comp.ctype in _CHECKS and needs_check(comp.ctype, comp.node):
                out.extend(_CHECKS[comp.ctype](comp))
    return out


def _pattern(comp: Comp) -> Iterator[Finding]:
    node, name = comp.node, comp.node.get("name", "")
    if "helper-text" not in node:
        yield Finding(
            f"{comp.pointer}/pattern",
            "MISSING_REQUIRED_PROPERTY",
            f"TextInput '{name}' has a 'pattern', so Meta requires 'helper-text'; add "
            "helper-text telling the user what format is expected.",
            at_key=True,
        )
    input_type = node.get("input-type", "text")
    if _pattern_type_refused(input_type):
        yield Finding(
            f"{comp.pointer}/input-type",
            "INVALID_PROPERTY_VALUE",
            f"TextInput '{name}': 'pattern' works only with input-type "
            f"{', '.join(PATTERN_INPUT_TYPES)}, not '{input_type}'; remove the pattern "
            "or change the input-type.",
        )


def _label(comp: Comp) -> Iterator[Finding]:
    label = comp.node["label"]
    yield Finding(
        f"{comp.pointer}/label",
        "INVALID_PROPERTY_VALUE",
        f"Dropdown label is {len(label)} characters: Meta's Components reference allows "
        f"{DROPDOWN_LABEL_DOCUMENTED}, client libraries allow {DROPDOWN_LABEL_LIBRARIES}, and "
        f"which one Meta enforces is unconfirmed; shorten it to {DROPDOWN_LABEL_DOCUMENTED} "
        "to be safe.",
        severity=Severity.WARNING,
    )


def _captions(comp: Comp) -> Iterator[Finding]:
    """Left and right captions, or only a center one; never all three."""
    node = comp.node
    all_three = "left-caption" in node and "right-caption" in node
    side = "left-caption" if "left-caption" in node else "right-caption"
    yield Finding(
        f"{comp.pointer}/center-caption",
        "INVALID_PROPERTY_VALUE",
        "A Footer may have left-caption and right-caption, or only center-caption"
        + ("; not all three." if all_three else f"; center-caption with {side} is not one of them.")
        + " Remove center-caption or the side captions.",
        severity=Severity.ERROR if all_three else Severity.WARNING,
        at_key=True,
    )


_CHECKS = {"TextInput": _pattern, "Dropdown": _label, "Footer": _captions}


def _pattern_type_refused(input_type: object) -> bool:
    fixed = type(input_type) is str and "${" not in input_type
    return fixed and input_type not in PATTERN_INPUT_TYPES
