"""axe-core (npm, pinned in package.json) run on a page as it is, in light and dark.

The page's Content-Security-Policy allows no inline script, so axe is not added with a
``<script>`` tag (refused, and a CSP report fails the test): Playwright evaluates the file's
text through the DevTools protocol, which the policy does not govern in Chromium (see
docs/automation.md). The page itself keeps running under its policy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"

#: Every rule axe runs by default (WCAG 2.0-2.2 A and AA, and its best practices).
RUN = """async () => {
  const { violations } = await axe.run(document, { resultTypes: ["violations"] });
  return violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""


def violations(page: Page) -> list[dict[str, Any]]:
    """axe's violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_JS.read_text())
    result: list[dict[str, Any]] = page.evaluate(RUN)
    return result


@dataclass
class Audit:
    """Runs axe on every screen a test reaches, in both colour schemes (or those given), and
    keeps the findings.

    A test audits each screen as it goes and asserts ``found == []`` once at the end, so
    that one run shows every violation of every screen.
    """

    found: list[str] = field(default_factory=list)
    screens: list[str] = field(default_factory=list)
    #: The colour schemes each screen is audited in.
    schemes: tuple[str, ...] = ("light", "dark")

    def screen(self, page: Page, name: str) -> None:
        for scheme in self.schemes:
            page.emulate_media(color_scheme=scheme)
            for violation in violations(page):
                nodes = "\n      ".join(violation["nodes"])
                self.found.append(
                    f"{name} ({scheme}): {violation['rule']} [{violation['impact']}] "
                    f"{violation['help']}\n      {nodes}"
                )
        page.emulate_media(color_scheme="light")
        self.screens.append(name)

    def report(self) -> str:
        return "\n".join(self.found)
