"""Every `${data…}`, `${form…}` and `${screen.X…}` reference must resolve."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flowops.flowjson.findings import Finding
from flowops.flowjson.rules.data_model import resolve
from flowops.flowjson.rules.expressions import Expr
from flowops.flowjson.rules.facts import Context, Ref, ScreenFacts
from flowops.flowjson.rules.reference_hints import explain, is_expression
from flowops.flowjson.rules.typing_rules import check_binding, may_bind
from flowops.problems import Severity

GLOBAL_REFS = (4, 0)
KINDS = ("data", "form", "screen")
LITERAL = "LITERAL_REFERENCE"


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for s in ctx.screens:
        names, data = s.names, s.data
        footer_outside = s.has_form  # a Footer outside the Form may not read form values
        for ref in s.refs:
            for parsed in ref.exprs:
                parts = parsed[1]
                if len(parts) == 2:  # fast path: `${form.x}` / `${data.x}` that plainly resolve
                    head, name = parts
                    if head == "form":
                        if name in names and (
                            ref.in_form or not footer_outside or ref.ctype != "Footer"
                        ):
                            continue
                    elif head == "data":
                        schema = data.get(name)
                        if type(schema) is dict and (
                            not parsed[2]
                            or not schema
                            or not may_bind(ref.ctype, ref.prop)
                            or not check_binding(ref, parsed[0], schema)
                        ):
                            continue
                _one(ctx, s, ref, parsed, out)
    return out


def _one(ctx: Context, s: ScreenFacts, ref: Ref, parsed: Expr, out: list[Finding]) -> None:
    expr, parts, whole = parsed
    if len(parts) >= 2 and parts[0] not in KINDS:
        out.append(_literal(s, ref, expr, parts[0]))
        return
    problem, schema = _lookup(ctx, s, parts, expr)
    if problem:
        in_action = ref.prop.endswith("-action")
        code = "INVALID_ON_CLICK_ACTION_PAYLOAD" if in_action else "INVALID_SCREEN_DYNAMIC_DATA"
        message = f"'${{{expr}}}' on screen '{s.sid}': {problem}."
        out.append(Finding(ref.pointer, code, message, hint=explain(ctx, s, expr, parts)))
        return
    if parts[0] == "form" and ref.ctype == "Footer" and s.has_form and not ref.in_form:
        out.append(_footer_outside_form(ctx, ref, expr))
    if whole and schema:
        out.extend(check_binding(ref, expr, schema))


def _lookup(
    ctx: Context, s: ScreenFacts, parts: Sequence[str], expr: str = ""
) -> tuple[str, dict[str, Any]]:
    """("", schema-or-{}) when the reference resolves, else (reason, {})."""
    if len(parts) < 2:
        if is_expression(parts, expr):
            return "an expression inside ${…}, where Meta reads only a plain reference", {}
        return "not a reference Meta understands; use ${data.x}, ${form.x} or ${screen.X…}", {}
    head = parts[0]
    if head == "data":
        return _data(s, parts[1:])
    if head == "form":
        return _form(s, parts[1])
    return _global(ctx, s, parts)


def _literal(s: ScreenFacts, ref: Ref, expr: str, head: str) -> Finding:
    """Meta accepts and serves such flows, passing the text through as it is."""
    return Finding(
        ref.pointer,
        LITERAL,
        f"'${{{expr}}}' on screen '{s.sid}' starts with '{head}', which Meta does not "
        f"resolve: it accepts the flow and shows the text '${{{expr}}}' literally.",
        severity=Severity.WARNING,
        hint="If you meant a value, write ${data.<field>}, ${form.<name>} or "
        "${screen.<SCREEN_ID>.data.<field>}; if the text is meant literally, ignore this.",
    )


def _data(s: ScreenFacts, path: Sequence[str]) -> tuple[str, dict[str, Any]]:
    schema, reason = resolve(s.data, path)
    if schema is None:
        return reason, {}
    return "", schema


def _form(s: ScreenFacts, name: str) -> tuple[str, dict[str, Any]]:
    if name in s.names:
        return "", {}
    return f"no component named '{name}' on this screen", {}


def _global(ctx: Context, s: ScreenFacts, parts: Sequence[str]) -> tuple[str, dict[str, Any]]:
    if ctx.version < GLOBAL_REFS:
        return "references to other screens need Flow JSON 4.0 or later", {}
    if len(parts) < 4 or parts[2] not in ("data", "form"):
        return "use ${screen.<SCREEN_ID>.data.<field>} or ${screen.<SCREEN_ID>.form.<name>}", {}
    target = ctx.by_id.get(parts[1])
    if target is None:
        return f"there is no screen '{parts[1]}' in this flow", {}
    if target is s:
        local = ".".join(parts[2:])
        return f"a screen refers to itself with ${{{local}}}, not through ${{screen…}}", {}
    problem, schema = (_data if parts[2] == "data" else _form_path)(target, parts[3:])
    if problem:
        return f"on screen '{target.sid}', {problem}", {}
    return "", schema


def _form_path(s: ScreenFacts, path: Sequence[str]) -> tuple[str, dict[str, Any]]:
    return _form(s, path[0])


def _footer_outside_form(ctx: Context, ref: Ref, expr: str) -> Finding:
    """An error in Meta's documented (2.1) form; from 4.0 form values are screen-wide, so warn."""
    severity = Severity.WARNING if ctx.version >= GLOBAL_REFS else Severity.ERROR
    return Finding(
        ref.pointer,
        "INVALID_FOOTER_PAYLOAD_OUTSIDE_FORM",
        f"A Footer outside the Form should not reference '${{{expr}}}'; "
        "move the Footer into the Form.",
        severity=severity,
    )
