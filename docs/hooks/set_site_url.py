"""Move the documentation site: set `site_url` in mkdocs.yml and every bundled rule's `link:`.

    python docs/hooks/set_site_url.py https://docs.example.org/stylecheck/

Each rule in rules/House/ links to its page on the site, `<site_url>rules/<Rule.Id>/`; the docs
build (docs/hooks/stylecheck_docs.py) fails when a link and `site_url` disagree. A rule without a
`link:` line gets one after its `category:` line (or at the end of its first block of keys).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not re.match(r"^https?://\S+$", argv[0]):
        print("usage: python docs/hooks/set_site_url.py https://HOST/PATH/", file=sys.stderr)
        return 2
    site_url = argv[0].rstrip("/") + "/"
    mkdocs = ROOT / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^site_url:.*$", f"site_url: {site_url}", text)
    if n != 1:
        print(f"{mkdocs}: no site_url line", file=sys.stderr)
        return 2
    mkdocs.write_text(text, encoding="utf-8")
    rules_dir = ROOT / "rules" / "House"
    for path in sorted(rules_dir.glob("*.yml")):
        link = f"link: {site_url}rules/{rules_dir.name}.{path.stem}/"
        rule = path.read_text(encoding="utf-8")
        rule, n = re.subn(r"(?m)^link:.*$", link, rule)
        if n == 0:
            rule, n = re.subn(r"(?m)^(category:.*)$", lambda m: f"{m.group(1)}\n{link}", rule, count=1)
        if n == 0:
            rule = f"{link}\n{rule}"
        path.write_text(rule, encoding="utf-8")
    print(f"site_url and {len(list(rules_dir.glob('*.yml')))} rule links now point at {site_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
