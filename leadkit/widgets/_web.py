"""Controls that a keyboard and a screen reader can use, as small anywidget widgets.

ipywidgets' toggle buttons and sliders name nothing for a screen reader (a slider knob has no
name, a chosen toggle is not announced) and some re-draw themselves on every change, which
throws the keyboard focus to the top of the page. These few controls are plain HTML form
elements instead, drawn once and then only changed:

- :class:`Choice`: a question as a radio group (``<fieldset>`` named by its ``<legend>``);
- :class:`Range`: a native slider (``<input type="range">``) named by its ``<label>``, its
  value written with the language's decimal sign;
- :class:`LiveText`: a status line in a live region, so a screen reader reads what changed;
- :class:`PageLanguage`: puts the kit's language on the page (``lang="nl"``).

Every control shows a focus ring of at least 3:1 against the page. In plain Python (tests,
scripts) they are ordinary widgets: set ``value`` and the observers run.

Examples
--------
>>> c = Choice(options=[("Never", 1), ("Always", 2)], description="1. I plan")
>>> c.value is None, c.labels
(True, ['Never', 'Always'])
>>> c.value = 2
>>> c.label
'Always'
"""

from __future__ import annotations

from typing import Any

import anywidget
import traitlets as t

__all__ = ["Choice", "Range", "LiveText", "PageLanguage", "FOCUS_CSS"]

#: The kit's focus ring: dark and thick enough to be seen on white and on the blue buttons.
FOCUS_CSS = """
.lk-options :focus-visible, .lk-choice input:focus-visible + span, .lk-range input:focus-visible,
.lk-options .jupyter-button:focus-visible, .lk-options .noUi-handle:focus,
.lk-options input:focus-visible, .lk-options textarea:focus-visible,
.lk-options select:focus-visible {
  outline: 3px solid #1A1A1A !important; outline-offset: 2px !important;
  box-shadow: 0 0 0 5px #FFFFFF !important; }
"""

def _module(render_body: str) -> str:
    # Every control is an anywidget ES module whose whole work is one render(); only the body
    # differs, and ``counter`` numbers the ids a page needs when a control is shown twice.
    return ("let counter = 0;\nfunction render({ model, el }) {\n" + render_body.lstrip("\n")
            + "}\nexport default { render };\n")


_CHOICE_ESM = _module(r"""
  const name = `lk-choice-${Math.random().toString(36).slice(2)}-${counter++}`;
  const fieldset = document.createElement("fieldset");
  fieldset.className = "lk-choice";
  // Arrow keys, Space and Tab belong to the control, not to JupyterLab's notebook shortcuts.
  fieldset.setAttribute("data-lm-suppress-shortcuts", "true");
  const legend = document.createElement("legend");
  const row = document.createElement("div");
  row.className = "lk-choice-row";
  fieldset.append(legend, row);
  el.append(fieldset);
  let inputs = [];
  const build = () => {
    const options = model.get("options") || [];
    const tips = model.get("tooltips") || [];
    if (inputs.length === options.length) {   // a new language: only the words change
      options.forEach(([label], i) => {
        inputs[i].nextSibling.querySelector(".lk-choice-text").textContent = label;
        inputs[i].parentElement.title = tips[i] || "";
      });
      return;
    }
    row.replaceChildren();
    inputs = options.map(([label, value], i) => {
      const wrap = document.createElement("label");
      wrap.title = tips[i] || "";
      const input = document.createElement("input");
      input.type = "radio"; input.name = name; input.value = String(i);
      // On the control itself: JupyterLab matches its shortcuts from the focused element up.
      input.setAttribute("data-lm-suppress-shortcuts", "true");
      const face = document.createElement("span");
      const tick = document.createElement("span");
      tick.className = "lk-choice-tick"; tick.setAttribute("aria-hidden", "true");
      tick.textContent = "✓";
      const text = document.createElement("span");
      text.className = "lk-choice-text"; text.textContent = label;
      face.append(tick, text);
      wrap.append(input, face);
      input.addEventListener("change", () => {
        if (!input.checked) return;
        model.set("index", i);
        model.save_changes();
      });
      row.append(wrap);
      return input;
    });
  };
  const show = () => {
    legend.textContent = model.get("description");
    const index = model.get("index");
    inputs.forEach((input, i) => { input.checked = i === index; });
    fieldset.disabled = model.get("disabled");
  };
  build(); show();
  model.on("change:options", () => { build(); show(); });
  model.on("change:tooltips", build);
  model.on("change:index", show);
  model.on("change:description", show);
  model.on("change:disabled", show);
""")

_CHOICE_CSS = """
.lk-choice { border: 0; margin: 0 0 10px 0; padding: 0; min-width: 0; }
.lk-choice legend { padding: 0 0 4px 0; font-size: var(--jp-widgets-font-size, 13px);
  line-height: 1.35; white-space: normal; }
.lk-choice-row { display: flex; flex-wrap: wrap; gap: 4px; }
.lk-choice label { position: relative; display: inline-flex; cursor: pointer; }
.lk-choice input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
.lk-choice label > span { display: inline-flex; gap: 0.3em; align-items: center;
  min-height: 28px; padding: 4px 12px; border: 1px solid #767676; border-radius: 2px;
  background: #F5F5F5; color: #1A1A1A; line-height: 1.3; font-size: 13px; }
.lk-choice-tick { visibility: hidden; font-weight: bold; }
.lk-choice input:checked + span { background: #0B4F80; border-color: #0B4F80; color: #FFFFFF; }
.lk-choice input:checked + span .lk-choice-tick { visibility: visible; }
.lk-choice label:hover > span { border-color: #1A1A1A; }
.lk-choice input:focus-visible + span { outline: 3px solid #1A1A1A; outline-offset: 2px;
  box-shadow: 0 0 0 5px #FFFFFF; }
.lk-choice[disabled] label { cursor: default; opacity: 0.6; }
"""


class Choice(anywidget.AnyWidget):
    """One question as a radio group: the question names the group, each answer a button.

    ``value`` is the chosen option's value (None until the learner chooses); ``options`` are
    ``(label, value)`` pairs, as for ipywidgets' ToggleButtons.
    """

    _esm = t.Unicode(_CHOICE_ESM).tag(sync=True)
    _css = t.Unicode(_CHOICE_CSS).tag(sync=True)
    options: t.List = t.List().tag(sync=True)
    tooltips = t.List(t.Unicode()).tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    index = t.Int(None, allow_none=True).tag(sync=True)
    value = t.Any(None)

    def __init__(self, options: list, value: Any = None, **kwargs: Any) -> None:
        super().__init__(options=[list(o) for o in options], **kwargs)
        self.value = value

    @property
    def labels(self) -> list[str]:
        """The options' labels, in order."""
        return [label for label, _ in self.options]

    @property
    def label(self) -> str | None:
        """The chosen option's label, or None."""
        return None if self.index is None else self.options[self.index][0]

    @t.observe("index")
    def _index_changed(self, change: dict) -> None:
        value = None if change["new"] is None else self.options[change["new"]][1]
        if value != self.value:
            self.value = value

    @t.observe("value")
    def _value_changed(self, change: dict) -> None:
        values = [v for _, v in self.options]
        if change["new"] is not None and change["new"] not in values:
            raise t.TraitError(f"{change['new']!r} is not one of {values}")
        index = None if change["new"] is None else values.index(change["new"])
        if index != self.index:
            self.index = index


_RANGE_ESM = _module(r"""
  const id = `lk-range-${Math.random().toString(36).slice(2)}-${counter++}`;
  const box = document.createElement("div");
  box.className = "lk-range";
  box.setAttribute("data-lm-suppress-shortcuts", "true");
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "range"; input.id = id;
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  const out = document.createElement("output");
  out.htmlFor = id; out.className = "lk-readout-value";
  box.append(label, input, out);
  el.append(box);
  const text = (v) => new Intl.NumberFormat(model.get("locale"), {
    minimumFractionDigits: model.get("decimals"), maximumFractionDigits: model.get("decimals"),
    useGrouping: false}).format(v);
  const show = () => {
    label.textContent = model.get("description");
    label.title = model.get("tooltip_text") || "";
    input.min = model.get("min"); input.max = model.get("max"); input.step = model.get("step");
    input.value = model.get("value");
    input.disabled = model.get("disabled");
    out.textContent = text(model.get("value"));
    input.setAttribute("aria-valuetext", out.textContent);
  };
  input.addEventListener("input", () => {
    out.textContent = text(Number(input.value));   // at once, before the kernel answers
    input.setAttribute("aria-valuetext", out.textContent);
    model.set("value", Number(input.value));
    model.save_changes();
  });
  show();
  ["value", "min", "max", "step", "description", "locale", "decimals", "disabled",
   "tooltip_text"].forEach(k => model.on(`change:${k}`, show));
""")

_RANGE_CSS = """
.lk-range { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px;
  max-width: 46em; }
.lk-range label { flex: 1 1 100%; font-size: 13px; line-height: 1.35; }
.lk-range input { flex: 1 1 24em; min-width: 12em; accent-color: #0B4F80; height: 28px; }
.lk-range input:focus-visible { outline: 3px solid #1A1A1A; outline-offset: 2px;
  box-shadow: 0 0 0 5px #FFFFFF; }
.lk-range output { min-width: 3em; font-weight: bold; font-size: 13px; }
"""


class Range(anywidget.AnyWidget):
    """A slider named by its label; the value is written next to it in the page's language."""

    _esm = t.Unicode(_RANGE_ESM).tag(sync=True)
    _css = t.Unicode(_RANGE_CSS).tag(sync=True)
    value = t.Float(0.0).tag(sync=True)
    min = t.Float(0.0).tag(sync=True)
    max = t.Float(1.0).tag(sync=True)
    step = t.Float(0.1).tag(sync=True)
    decimals = t.Int(1).tag(sync=True)
    locale = t.Unicode("en").tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    tooltip_text = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    integer = t.Bool(False)

    @t.validate("value")
    def _snap(self, proposal: dict) -> float:
        v = min(max(float(proposal["value"]), self.min), self.max)
        return float(round(v)) if self.integer else v

    @property
    def number(self) -> float | int:
        """The value as the model wants it: an int for a whole-number lever."""
        return int(round(self.value)) if self.integer else self.value


_LIVE_ESM = _module(r"""
  const region = document.createElement("div");
  region.setAttribute("role", model.get("alert") ? "alert" : "status");
  region.setAttribute("aria-live", model.get("alert") ? "assertive" : "polite");
  region.className = "lk-live";
  el.append(region);
  const show = () => { region.innerHTML = model.get("value"); };
  show();
  model.on("change:value", show);
""")


class LiveText(anywidget.AnyWidget):
    """A status line in a live region: a screen reader reads each new text (HTML, escaped)."""

    _esm = t.Unicode(_LIVE_ESM).tag(sync=True)
    _css = t.Unicode(".lk-live p { margin: 4px 0; }").tag(sync=True)
    value = t.Unicode("").tag(sync=True)
    alert = t.Bool(False).tag(sync=True)


_LANG_ESM = _module(r"""
  el.style.display = "none";
  const apply = () => {
    const lang = model.get("language");
    // In JupyterLab the notebook is one panel among others: its content gets the language.
    // In Voila the app is the whole page.
    const panel = el.closest(".jp-NotebookPanel");
    const target = panel ? (panel.querySelector(".jp-Notebook") || panel)
                         : document.documentElement;
    target.setAttribute("lang", lang);
  };
  apply();
  model.on("change:language", apply);
""")


class PageLanguage(anywidget.AnyWidget):
    """Sets ``lang`` on the page (Voilà) or the notebook (JupyterLab) to the kit's language."""

    _esm = t.Unicode(_LANG_ESM).tag(sync=True)
    language = t.Unicode("en").tag(sync=True)
