"""Unknown keys, component types and action names: did-you-mean, or "needs Flow JSON X"."""

from __future__ import annotations

import difflib

from flowops.flowjson import catalog
from flowops.flowjson.describe import Context
from flowops.flowjson.findings import Finding, Version, pointer_join
from flowops.flowjson.versions import LATEST, text

_TOP_LEVEL_SINCE: dict[str, Version] = {"sensitive": (5, 1)}
_REMOVED: dict[str, tuple[Version, str]] = {
    "data_channel_uri": (
        (3, 0),
        "Set the endpoint URI on the flow (flows.yaml `endpoint`) instead.",
    ),
}

# Keys people reach for that a component does not have, and what to write instead.
_INSTEAD: dict[tuple[str | None, str], str] = {
    ("PhotoPicker", "required"): "Set `min-uploaded-photos` to 1 or more to require a photo.",
    ("DocumentPicker", "required"): (
        "Set `min-uploaded-documents` to 1 or more to require a document."
    ),
}


def suggest(word: str, allowed: list[str]) -> str | None:
    for variant in (word.replace("_", "-"), word.replace("-", "_"), word.lower()):
        if variant != word and variant in allowed:
            return variant
    close = difflib.get_close_matches(word, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


# Component names from other UI vocabularies (and builders' own DSLs) → Meta's component.
_COMPONENT_ALIASES = {
    "body": "TextBody",
    "button": "Footer",
    "checkbox": "CheckboxGroup",
    "header": "TextHeading",
    "heading": "TextHeading",
    "input": "TextInput",
    "link": "EmbeddedLink",
    "multi_select": "CheckboxGroup",
    "paragraph": "TextBody",
    "radio": "RadioButtonsGroup",
    "select": "Dropdown",
    "single_select": "RadioButtonsGroup",
    "text": "TextBody",
    "title": "TextHeading",
}


def suggest_component(kind: str, allowed: list[str]) -> str | None:
    """``FORM`` → ``Form``, ``Button`` → ``Footer``, ``TextHeadng`` → ``TextHeading``."""
    by_lower = {name.lower(): name for name in allowed}
    guess = by_lower.get(kind.lower()) or _COMPONENT_ALIASES.get(kind.lower())
    if guess in allowed:
        return guess
    return suggest(kind, allowed)


def _needs(what: str, since: Version, version: Version) -> str:
    return f"{what} needs Flow JSON {text(since)} or later; this file is {text(version)}"


def _upgrade_hint(since: Version) -> str:
    return f'Raise "version" to {text(since)} or later (latest {text(LATEST)}), or remove it.'


def _since(ctx: Context, key: str) -> Version | None:
    kind = ctx.component_type()
    if kind is not None:
        prop = catalog.BY_NAME[kind].props.get(key)
        return prop.since if prop is not None else None
    return _TOP_LEVEL_SINCE.get(key)


def unknown_key(ctx: Context, key: str, allowed: list[str]) -> Finding:
    pointer = pointer_join(ctx.pointer, key)
    since = _since(ctx, key)
    if since is not None and since > ctx.version:
        message = _needs(f"`{key}` on {ctx.owner()}", since, ctx.version)
        return Finding(
            pointer, "INVALID_PROPERTY_KEY", message, hint=_upgrade_hint(since), at_key=True
        )
    if key in _REMOVED and ctx.version >= _REMOVED[key][0]:
        removed, hint = _REMOVED[key]
        message = f"`{key}` was removed in Flow JSON {text(removed)}"
        return Finding(pointer, "INVALID_PROPERTY_KEY", message, hint=hint, at_key=True)
    instead = _INSTEAD.get((ctx.component_type(), key))
    if instead is not None:
        message = f"`{key}` is not a property of {ctx.owner()}"
        return Finding(pointer, "INVALID_PROPERTY_KEY", message, hint=instead, at_key=True)
    guess = suggest(key, allowed)
    message = f"unknown property `{key}` on {ctx.owner()}"
    if guess is not None:
        message += f"; did you mean `{guess}`?"
    hint = f"Allowed here: {', '.join(sorted(allowed))}."
    return Finding(pointer, "INVALID_PROPERTY_KEY", message, hint=hint, at_key=True)


def unknown_component(ctx: Context, kind: str, allowed: list[str]) -> Finding:
    component = catalog.BY_NAME.get(kind)
    if component is not None and component.since > ctx.version:
        message = _needs(f"`{kind}`", component.since, ctx.version)
        return Finding(
            ctx.pointer, "INVALID_ENUM_VALUE", message, hint=_upgrade_hint(component.since)
        )
    guess = suggest_component(kind, allowed)
    message = f"unknown component type `{kind}`"
    message += f"; did you mean `{guess}`?" if guess else ""
    hint = f"Components in Flow JSON {text(ctx.version)}: {', '.join(sorted(allowed))}."
    return Finding(ctx.pointer, "INVALID_ENUM_VALUE", message, hint=hint)


def _action_since(name: str) -> Version | None:
    pairs = [p for c in catalog.COMPONENTS for prop in c.props.values() for p in prop.actions]
    return min((since for n, since in pairs if n == name), default=None)


def unknown_action(ctx: Context, name: str, allowed: list[str]) -> Finding:
    where = f"`{ctx.path[-2]}` of {Context(ctx.doc, ctx.path[:-2], ctx.version).owner()}"
    since = _action_since(name)
    if since is not None and since > ctx.version:
        message = _needs(f"the `{name}` action", since, ctx.version)
        return Finding(ctx.pointer, "INVALID_ENUM_VALUE", message, hint=_upgrade_hint(since))
    if since is not None:
        message = f"the `{name}` action is not allowed in {where}"
    else:
        guess = suggest(name, list(catalog.ACTION_NAMES))
        message = f"unknown action `{name}`" + (f"; did you mean `{guess}`?" if guess else "")
    hint = f"Allowed in {where}: {', '.join(allowed)}."
    return Finding(ctx.pointer, "INVALID_ENUM_VALUE", message, hint=hint)
