"""Image, ImageCarousel, PhotoPicker and DocumentPicker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flowops.screens.context import Ctx
from flowops.screens.fields import note_missing, required
from flowops.screens.markup import attrs, esc
from flowops.screens.media import data_uri

FITS = {"cover": "cover", "contain": "contain"}


def _img(src: Any, alt: str, css: str, style: str) -> str:
    uri = data_uri(src)
    if not uri:
        return f'<div class="{css} img-missing"{attrs(style=style)}>{esc(alt or "image")}</div>'
    return f'<img class="{css}"{attrs(alt=alt, src=uri, style=style)}>'


def image(comp: Mapping[str, Any], ctx: Ctx) -> str:
    width, height = ctx.value(comp, "width"), ctx.value(comp, "height")
    ratio = ctx.value(comp, "aspect-ratio", 1)
    style = [f"object-fit:{FITS.get(str(comp.get('scale-type')), 'contain')}"]
    if _number(width):
        style.append(f"width:{min(float(width), 600):g}px")
    if _number(height):
        style.append(f"height:{min(float(height), 1200):g}px")
    elif _number(ratio) and float(ratio) > 0:
        style.append(f"aspect-ratio:{float(ratio):g}")
    return _img(ctx.value(comp, "src"), ctx.text(comp, "alt-text"), "image", ";".join(style))


def carousel(comp: Mapping[str, Any], ctx: Ctx) -> str:
    found = ctx.value(comp, "images", [])
    images = [i for i in (found if isinstance(found, list) else [])[:3] if isinstance(i, Mapping)]
    ratio = "16/9" if comp.get("aspect-ratio") == "16:9" else "4/3"
    fit = FITS.get(str(comp.get("scale-type")), "contain")
    slides = "".join(
        _img(
            i.get("src"),
            str(i.get("alt-text", "")),
            "slide",
            f"aspect-ratio:{ratio};object-fit:{fit}",
        )
        for i in images
    )
    dots = "".join('<span class="dot"></span>' for _ in images)
    return (
        f'<div class="carousel"><div class="slides">{slides}</div><p class="dots">{dots}</p></div>'
    )


def _picker(noun: str, icon: str) -> Any:
    def render(comp: Mapping[str, Any], ctx: Ctx) -> str:
        name = str(comp.get("name", ""))
        minimum = ctx.value(comp, f"min-uploaded-{noun}s", 0)
        needed = required(comp, ctx) or (_number(minimum) and float(minimum) > 0)
        note_missing({**comp, "required": bool(needed)}, ctx, ctx.current(comp))
        desc = ctx.text(comp, "description")
        return (
            f'<div class="picker"{attrs(data_field=name, data_required=bool(needed))}>'
            f'<p class="group-label">{esc(ctx.text(comp, "label"))}</p>'
            + (f'<p class="group-desc">{esc(desc)}</p>' if desc else "")
            + f'<button type="button" class="upload"{attrs(data_picker=name, data_noun=noun)}>'
            f'<span class="upload-icon">{icon}</span><span class="upload-text">Add {noun}</span>'
            '</button><ul class="files"></ul></div>'
        )

    return render


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


RENDERERS = {
    "Image": image,
    "ImageCarousel": carousel,
    "PhotoPicker": _picker("photo", "+"),
    "DocumentPicker": _picker("document", "+"),
}
