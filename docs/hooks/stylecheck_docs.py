"""MkDocs hook: the pages that are generated from the code and the rules, so they cannot drift.

At build time (`mkdocs build`, `mkdocs serve`) this adds to the site:

* `rules/<Rule.Id>.md` for each file in `rules/House/`: the description, the rule's YAML
  settings, the house settings its rule type reads, and its examples, each run under both
  presets (AP and British) when the site is built, with what is flagged marked in the text.

and fills in these markers of the hand-written pages:

* `<!-- generated: rules-index -->` (rules/index.md): every bundled rule, by category, with its
  level and first sentence;
* `<!-- generated: rule-types -->` (rule-types.md): every rule type's docstring and the YAML keys
  it declares (`FIELDS`);
* `<!-- generated: house-settings -->` (configuration.md): the house settings of
  `rules/presets/*.yml`, with both presets' values.

It also checks that every rule's `link:` is its own page under the site's `site_url` (a warning
otherwise, so `mkdocs build --strict` fails), and that every marker is filled in.

It imports the installed stylecheck, so build the site from a checkout installed with
`pip install -e '.[docs]'`.
"""
from __future__ import annotations

import html
import importlib
import logging
import re
from pathlib import Path

import yaml
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.stylecheck_docs")

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "rules" / "House"
PRESETS_DIR = ROOT / "rules" / "presets"
PRESETS = ("ap", "british")
PRESET_NAMES = {"ap": "AP", "british": "British"}
# Keys of a rule file that the page shows in its own sections, not in the settings block.
SHOWN_APART = ("description", "examples", "link")
MARKERS = ("rules-index", "rule-types", "house-settings")


# --- reading the rules, presets and rule types ------------------------------------------------

def rule_files() -> list[Path]:
    return sorted(RULES_DIR.glob("*.yml"))


def rule_id(path: Path) -> str:
    return f"{RULES_DIR.name}.{path.stem}"


def page_path(rid: str) -> str:
    """The generated page of a rule, relative to docs/."""
    return f"rules/{rid}.md"


def page_url(site_url: str, rid: str) -> str:
    """The published address of a rule's page: what the rule's `link:` should say."""
    return site_url.rstrip("/") + f"/rules/{rid}/"


def load_rules() -> dict[str, dict]:
    return {rule_id(p): yaml.safe_load(p.read_text(encoding="utf-8")) or {} for p in rule_files()}


def load_presets() -> dict[str, dict]:
    return {p: yaml.safe_load((PRESETS_DIR / f"{p}.yml").read_text(encoding="utf-8")) or {} for p in PRESETS}


def preset_comments() -> dict[str, str]:
    """The comment beside each key in the AP preset file: what the setting means."""
    comments: dict[str, str] = {}
    for line in (PRESETS_DIR / "ap.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z_]+):.*?\s#\s*(.*)$", line)
        if m:
            comments[m.group(1)] = m.group(2).strip()
    return comments


def rule_type_module(extends: str):
    from stylecheck.ruletypes import RULE_TYPES

    name = RULE_TYPES.get(extends)
    return importlib.import_module(f"stylecheck.ruletypes.{name}") if name else None


def settings_read_by(extends: str, keys) -> list[str]:
    """The house settings a rule type reads: the preset keys its module names as strings."""
    module = rule_type_module(extends)
    if module is None or not getattr(module, "__file__", None):
        return []
    source = Path(module.__file__).read_text(encoding="utf-8")
    return [k for k in keys if re.search(rf"""["']{re.escape(k)}["']""", source)]


def first_sentence(text: str) -> str:
    text = " ".join(str(text or "").split())
    m = re.match(r"(.+?[.!?])(?:\s+[A-Z(\"']|$)", text)
    return m.group(1) if m else text


def escape(text: str) -> str:
    return html.escape(str(text), quote=False)


def md_text(text: str) -> str:
    """Prose for a Markdown page: HTML special characters escaped outside `code spans`."""
    parts = re.split(r"(`[^`]*`)", str(text))
    return "".join(p if p.startswith("`") and p.endswith("`") and len(p) > 1 else escape(p) for p in parts)


def docstring_markdown(body: str) -> str:
    """A module docstring as Markdown: indented blocks, and paragraphs of `key: value` lines,
    become fenced YAML; the rest is prose."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", body.strip("\n")):
        lines = para.split("\n")
        indented = all(line.startswith("    ") or not line.strip() for line in lines)
        keys = all(re.match(r"^[a-z][\w-]*:\s", line) for line in lines if line.strip())
        if indented or keys:
            width = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=0)
            out.append("```yaml\n" + "\n".join(ln[width:] for ln in lines) + "\n```")
        else:
            out.append(md_text(para))
    return "\n\n".join(out)


# --- running the examples -------------------------------------------------------------------

class ExampleRunner:
    """Lints example texts under each preset with the installed stylecheck, as a user's run would."""

    def __init__(self) -> None:
        from stylecheck.api import resolve_config

        self.configs = {(p, ""): resolve_config({"preset": p}, None) for p in PRESETS}

    def findings(self, rid: str, text: str, fmt: str, preset: str, settings: dict | None = None) -> list[dict]:
        """What `rid` finds in `text` under `preset`, with an example's own house `settings` over the preset's."""
        from stylecheck import check
        from stylecheck.api import resolve_config

        key = (preset, repr(sorted((settings or {}).items())) if settings else "")
        if key not in self.configs:
            self.configs[key] = resolve_config({"preset": preset, "settings": dict(settings)}, None)
        path = "example.md" if fmt == "markdown" else "example.txt"
        return [d.to_json() for d in check(text, path=path, config=self.configs[key]) if d.rule == rid]


def example_specs(rule: dict) -> list[tuple[str, dict]]:
    examples = rule.get("examples") or {}
    specs = []
    for kind in ("bad", "good"):
        for item in examples.get(kind) or []:
            specs.append((kind, item if isinstance(item, dict) else {"text": item}))
    return specs


def marked(text: str, found: list[dict]) -> str:
    """The text, HTML-escaped, with each finding's span in a <mark> of its severity."""
    out, pos = [], 0
    for d in sorted(found, key=lambda d: (d["offset"], d["length"])):
        start, end = d["offset"], d["offset"] + d["length"]
        if start < pos:  # overlapping findings: the first one is marked
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="sc-{d["severity"]}" title="{html.escape(d["message"])}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def result_cell(text: str, found: list[dict], note: str = "") -> str:
    if note:
        return f'<td class="sc-na">{escape(note)}</td>'
    parts = [f'<div class="sc-text">{marked(text, found)}</div>']
    if not found:
        parts.append('<div class="sc-verdict">not flagged</div>')
    for d in found:
        line = f'<b class="sc-{d["severity"]}">{d["severity"]}</b> {escape(d["message"])}'
        if d.get("suggestions"):
            line += " Suggestion: " + ", ".join(f"<code>{escape(s)}</code>" for s in d["suggestions"])
            fix = d.get("fix") or {}
            if fix.get("applicability") == "safe":
                line += " (applied by <code>--fix</code>)"
        parts.append(f'<div class="sc-finding">{line}</div>')
    return "<td>" + "".join(parts) + "</td>"


def examples_table(rid: str, rule: dict, runner: ExampleRunner) -> str:
    specs = example_specs(rule)
    if not specs:
        return "This rule has no examples.\n"
    only = rule.get("presets")
    rows = []
    for kind, spec in specs:
        text = str(spec.get("text", ""))
        fmt = str(spec.get("format", "text"))
        want = "should be flagged" if kind == "bad" else "should pass"
        if spec.get("preset"):
            want += f" under {PRESET_NAMES.get(spec['preset'], spec['preset'])}"
        settings = spec.get("settings") or None
        if settings:
            want += " with " + ", ".join(f"{k}: {v}" for k, v in settings.items())
        if fmt == "markdown":
            want += " (Markdown)"
        cells = []
        for preset in PRESETS:
            if only and preset not in only:
                cells.append(result_cell(text, [], f"the rule does not run under the {PRESET_NAMES[preset]} preset"))
            else:
                cells.append(result_cell(text, runner.findings(rid, text, fmt, preset, settings)))
        rows.append(f'<tr><td class="sc-kind">{want}</td>{"".join(cells)}</tr>')
    head = "<tr><th>example</th>" + "".join(f"<th>{PRESET_NAMES[p]} preset</th>" for p in PRESETS) + "</tr>"
    return f'<table class="sc-examples">\n<thead>{head}</thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>\n"


# --- pages ----------------------------------------------------------------------------------

def fix_note(rule: dict) -> str:
    if rule.get("fix") == "safe":
        return "its suggestions are applied by `--fix`"
    return "its suggestions are applied only with `--fix --unsafe-fixes` (review them)"


def rule_page(rid: str, rule: dict, presets: dict[str, dict], comments: dict[str, str], runner: ExampleRunner) -> str:
    extends = str(rule.get("extends", ""))
    level = rule.get("level", "warning")
    category = rule.get("category", "style")
    source = f"rules/{RULES_DIR.name}/{rid.split('.', 1)[1]}.yml"
    lines = [
        f"# {rid}",
        "",
        f"**{level}** · category `{category}` · rule type [`{extends}`](../rule-types.md#{anchor(extends)}) · {fix_note(rule)}",
        "",
        f"*This page is generated from [`{source}`](../writing-rules.md) when the site is built.*",
        "",
        md_text(" ".join(str(rule.get("description") or "(no description)").split())),
        "",
    ]
    if rule.get("presets"):
        lines += [f"Runs only under the {', '.join(PRESET_NAMES.get(p, p) for p in rule['presets'])} preset.", ""]
    lines += [
        "## Examples",
        "",
        "The rule's own examples, linted under each preset with the default configuration when this site",
        "was built; what the rule flags is highlighted (hover for the message). The test suite checks",
        "every example (`stylecheck test-rules rules/`).",
        "",
        examples_table(rid, rule, runner),
        "## Settings",
        "",
        f"The rule's file, `{source}`, without its description and examples:",
        "",
        "```yaml",
        yaml.safe_dump({k: v for k, v in rule.items() if k not in SHOWN_APART}, sort_keys=False, allow_unicode=True, width=100).rstrip(),
        "```",
        "",
    ]
    read = settings_read_by(extends, list(presets["ap"]))
    if read:
        lines += [
            "The house settings it reads (from the preset; a config's `settings:` overrides each one,",
            "see [Configuration](../configuration.md#presets-and-house-settings)):",
            "",
            "| setting | AP | British | meaning |",
            "| --- | --- | --- | --- |",
        ]
        for key in read:
            lines.append(f"| `{key}` | {_value(presets['ap'].get(key))} | {_value(presets['british'].get(key))} | {escape(comments.get(key, ''))} |")
        lines.append("")
    lines += [
        "## Turn it off or change its level",
        "",
        "```yaml",
        "# .stylecheck.yaml",
        "severity:",
        f"  {rid}: suggestion      # or warning, error, off",
        "```",
        "",
        f"or `stylecheck --ignore {rid}`, or in one article `<!-- stylecheck: disable {rid} -->`",
        "([Configuration](../configuration.md)).",
        "",
    ]
    return "\n".join(lines)


def _value(value) -> str:
    return f"`{escape(yaml.safe_dump(value, default_flow_style=True, width=1000).strip().removesuffix('...').strip())}`"


def anchor(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")


def rules_index(rules: dict[str, dict]) -> str:
    from stylecheck.diagnostic import CATEGORIES

    order = {c: i for i, c in enumerate(CATEGORIES)}
    by_category: dict[str, list[str]] = {}
    for rid, rule in rules.items():
        by_category.setdefault(str(rule.get("category", "style")), []).append(rid)
    lines = []
    for category in sorted(by_category, key=lambda c: order.get(c, len(order))):
        lines += [f"## {category}", "", "| rule | level | what it reports |", "| --- | --- | --- |"]
        for rid in sorted(by_category[category]):
            rule = rules[rid]
            lines.append(f"| [{rid}]({rid}.md) | {rule.get('level', 'warning')} | {md_text(first_sentence(rule.get('description', ''))).replace('|', '&#124;')} |")
        lines.append("")
    return "\n".join(lines)


def rule_types_page() -> str:
    from stylecheck.ruletypes import RULE_TYPES, rule_class
    from stylecheck.ruletypes.base import COMMON_FIELDS

    lines = [
        "## Keys every rule has",
        "",
        fields_table(COMMON_FIELDS),
    ]
    for name in RULE_TYPES:
        cls = rule_class(name)
        module = importlib.import_module(cls.__module__)
        doc = (module.__doc__ or "").strip()
        title, _, body = doc.partition("\n")
        lines += [f"## {name}", "", md_text(title.split(":", 1)[-1].strip()), "", docstring_markdown(body), ""]
        fields = getattr(cls, "FIELDS", {}) or {}
        if fields:
            lines += ["Its keys:", "", fields_table(fields)]
    return "\n".join(lines)


def fields_table(fields: dict) -> str:
    lines = ["| key | type | default | meaning |", "| --- | --- | --- | --- |"]
    for key, field in fields.items():
        types = " or ".join(t.__name__ for t in getattr(field, "types", ()))
        default = getattr(field, "default", None)
        meaning = getattr(field, "doc", "") or ""
        choices = getattr(field, "choices", ()) or ()
        if choices:
            meaning = (meaning + "; " if meaning else "") + "one of " + ", ".join(f"`{c}`" for c in choices)
        shown = "" if default in (None, "", [], {}) else _value(default)
        lines.append(f"| `{key}` | {types} | {shown} | {escape(meaning).replace('|', '&#124;').replace('{', '&#123;')} |")
    return "\n".join(lines) + "\n"


def house_settings_table() -> str:
    presets = load_presets()
    comments = preset_comments()
    lines = ["| setting | AP | British | meaning |", "| --- | --- | --- | --- |"]
    for key in presets["ap"]:
        lines.append(f"| `{key}` | {_value(presets['ap'].get(key))} | {_value(presets['british'].get(key))} | {escape(comments.get(key, ''))} |")
    return "\n".join(lines) + "\n"


# --- MkDocs events --------------------------------------------------------------------------

def on_config(config, **kwargs):
    """Put the generated rule pages in the navigation, after the rules index."""
    rules = [rule_id(p) for p in rule_files()]

    def add(items) -> bool:
        for item in items or []:
            if isinstance(item, dict):
                for value in item.values():
                    if isinstance(value, list):
                        if "rules/index.md" in value:
                            value.extend({rid: page_path(rid)} for rid in rules)
                            return True
                        if add(value):
                            return True
        return False

    if config.get("nav") and not add(config["nav"]):
        log.warning("mkdocs.yml's nav has no section holding rules/index.md: the rule pages are not in the navigation")
    return config


def on_files(files, config, **kwargs):
    rules = load_rules()
    presets = load_presets()
    comments = preset_comments()
    runner = ExampleRunner()
    site_url = config.get("site_url") or ""
    for rid, rule in rules.items():
        link = rule.get("link")
        if site_url and link != page_url(site_url, rid):
            log.warning(f"{rid}: its link: is {link!r}; it should be its page, {page_url(site_url, rid)!r} (see docs/development.md)")
        files.append(File.generated(config, page_path(rid), content=rule_page(rid, rule, presets, comments, runner)))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    for name in MARKERS:
        marker = f"<!-- generated: {name} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, GENERATORS[name]())
    if "<!-- generated:" in markdown:
        log.warning(f"{page.file.src_uri}: a '<!-- generated: ... -->' marker this hook does not know")
    return markdown


GENERATORS = {
    "rules-index": lambda: rules_index(load_rules()),
    "rule-types": lambda: rule_types_page(),
    "house-settings": lambda: house_settings_table(),
}
