"""How fast a click answers: the kernel's side and what Chromium shows, in both languages.

Run:  .venv/bin/python benchmarks/bench_clicks.py [--repeat 11] [--lang en nl] [--no-browser]
      [--check]

**Kernel.** The widgets are driven in this process, as the tests drive them: change an answer
or a lever, click, and time until the handler has changed everything the learner sees (the
table, the charts' marks, the status line). For the scenario the time until the first visible
change (the "Running…" line and the progress bar) is given too; the result follows it.

**Browser.** Each app runs under Voilà (as ``make app`` starts it) in headless Chromium. A
``MutationObserver`` in the page notes the first change of the part that answers the click,
and the time is taken at the next animation frame after it (the change painted), from the
moment the click was dispatched:

- self-assessment: choose another answer, then *Calculate score* until the profile chart's
  bars moved;
- scenario: move a lever, then *Run* until the first visible change (status and bar) and
  until the chart's dots moved (the result);
- slider: an arrow key on a lever until its value read-out changes.

Target (issue 23): median within 100 ms in the kernel and 200 ms in the browser; ``--check``
turns a miss into exit status 1. Printed with the CPU count and the load average.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KERNEL_TARGET, BROWSER_TARGET = 100.0, 200.0


def _median_ms(times: list[float]) -> float:
    return 1000 * statistics.median(times)


def kernel_times(language: str, repeat: int) -> dict[str, float]:
    """Median milliseconds of each click handler in this process, in ``language``."""
    import leadkit as lk
    from leadkit.widgets.assessment import self_assessment
    from leadkit.widgets.scenario import play

    lk.set_language(language)
    fw = lk.load_framework("agile-cmo")
    box = self_assessment("agile-cmo")
    for i, item_id in enumerate(fw.item_ids):
        box.toggles[item_id].value = 1 + i % 5
    box.score_button.click()  # the first click builds the charts; later clicks move them
    score, answer = [], []
    for r in range(repeat):
        t0 = time.perf_counter()
        box.toggles[fw.item_ids[r % len(fw.item_ids)]].value = 1 + (r * 2) % 5
        answer.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        box.score_button.click()
        score.append(time.perf_counter() - t0)
    out = {"score": _median_ms(score), "answer": _median_ms(answer)}
    for scenario, lever in (("key-account-price", "mandate"), ("crm-dashboard", None)):
        player = play(scenario, run=False)
        first: list[float] = []
        status = player.status
        seen: dict[str, float] = {}
        status.observe(lambda _c, seen=seen: seen.setdefault("t", time.perf_counter()),
                       names="value")
        spec = next(s for s in player.levers.values() if hasattr(s, "step"))
        if lever is not None:
            spec = player.levers[lever]
        runs, runs_first = [], []
        for r in range(repeat):
            spec.value = spec.min + ((r + 1) % 7) * spec.step  # a new lever value each time
            getattr(player, "memory", {}).clear()
            seen.clear()
            t0 = time.perf_counter()
            player.run_button.click()
            runs.append(time.perf_counter() - t0)
            runs_first.append(seen.get("t", time.perf_counter()) - t0)
        first += runs_first
        out[f"run {scenario}"] = _median_ms(runs)
        out[f"run {scenario} (first change)"] = _median_ms(first)
    lk.set_language("en")
    return out


_OBSERVE = """([sel, kind]) => new Promise(resolve => {
  const target = (new Function(`return ${sel}`))();
  const t0 = performance.now();
  const done = () => requestAnimationFrame(() => resolve(performance.now() - t0));
  const obs = new MutationObserver(() => { obs.disconnect(); done(); });
  obs.observe(target, {subtree: true, childList: true, attributes: true, characterData: true});
  window.__lkClick();
  setTimeout(() => { obs.disconnect(); resolve(-1); }, 10000);
})"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _voila(notebook: str, language: str, home: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "LEADKIT_HOME": str(home)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "voila", notebook, "--no-browser", "--Voila.ip=127.0.0.1",
         f"--port={port}", f"--HTMLExporter.language_code={language}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/voila/static/favicon.ico", timeout=2).close()
            return proc, url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("Voilà did not start")


def _timed(page, target_js: str, click_js: str) -> float:
    """Seconds from running ``click_js`` to the first painted change inside ``target_js``."""
    page.evaluate(f"() => {{ window.__lkClick = () => {{ {click_js} }}; }}")
    return page.evaluate(_OBSERVE, [target_js, ""]) / 1000


def browser_times(language: str, repeat: int, chromium: str) -> dict[str, float]:
    """Median milliseconds from a click to its visible answer in Chromium, in ``language``."""
    from playwright.sync_api import sync_playwright

    import leadkit as lk

    out: dict[str, float] = {}
    home = Path(tempfile.mkdtemp(prefix="leadkit-bench-"))
    procs = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True,
                                         args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1300, "height": 1400})
            app = f"notebooks/{language}/90-app-self-assessment-{language}.ipynb"
            proc, url = _voila(app, language, home)
            procs.append(proc)
            page.goto(url)
            page.locator(".lk-choice").first.wait_for(timeout=120_000)
            rows = page.locator(".lk-choice").filter(has_not_text="Nederlands")
            for i, row in enumerate(rows.all()):
                row.locator("label").nth(i % 5).click()
            page.wait_for_timeout(1000)
            score = lk.tr("Calculate score", language)
            page.get_by_role("button", name=score).click()
            page.locator(".lk-chart svg").first.wait_for()
            page.wait_for_timeout(1000)
            chart = "document.querySelector('.lk-chart svg.svg-figure')"
            clicks = []
            for r in range(repeat):
                # Another answer to one statement (checked in the page at once), then Score.
                row = r % rows.count()
                rows.nth(row).locator("label").nth((row + 2 + r // rows.count()) % 5).click()
                page.wait_for_timeout(400)
                button = ("[...document.querySelectorAll('button')].find(b => "
                          f"b.innerText.trim() === {score!r}).click();")
                clicks.append(_timed(page, chart, button))
                page.wait_for_timeout(300)
            out["score"] = _median_ms(clicks)

            app = f"notebooks/{language}/91-app-team-scenarios-{language}.ipynb"
            proc, url = _voila(app, language, home)
            procs.append(proc)
            page.goto(url)
            page.locator(".lk-chart svg").first.wait_for(timeout=120_000)
            page.wait_for_timeout(1500)
            # The crm-dashboard player: its simulation takes longest.
            player = ("[...document.querySelectorAll('.lk-options')].filter(p => "
                      "p.querySelector('.lk-range'))[2]")
            button = f"{player}.querySelector('button.mod-primary').click();"
            first, full, slide = [], [], []
            # The second lever (the chance of calling out) has twelve values above its
            # default: each Run below is a new combination, never answered from memory.
            slider = page.locator(".lk-options").filter(has=page.locator(".lk-range")).nth(2) \
                .locator(".lk-range input").nth(1)
            for r in range(repeat):
                step = -1 if r % 2 else 1
                slide.append(_timed(page, f"{player}.querySelector('.lk-range output')",
                                    f"const s = {player}.querySelector('.lk-range input'); "
                                    f"s.value = Number(s.value) + ({step}) * Number(s.step); "
                                    "s.dispatchEvent(new Event('input'));"))
                page.wait_for_timeout(400)
                first.append(_timed(page, f"{player}.querySelector('.lk-live')", button))
                page.wait_for_timeout(1500)
                # A new lever value each time, then Run: until the dots have moved.
                slider.focus()
                slider.press("ArrowRight")
                page.wait_for_timeout(400)
                full.append(_timed(page, f"{player}.querySelector('.lk-chart svg.svg-figure')",
                                   button))
                page.wait_for_timeout(1000)
            out["slider"] = _median_ms(slide)
            out["run (first change)"] = _median_ms(first)
            out["run (result)"] = _median_ms(full)
            browser.close()
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        shutil.rmtree(home, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--lang", nargs="+", default=["en", "nl"])
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    missed = []
    print(f"{'what':42} {'lang':4} {'kernel ms':>10} {'browser ms':>11}")
    for language in args.lang:
        kernel = kernel_times(language, args.repeat)
        browser = ({} if args.no_browser or chromium is None
                   else browser_times(language, args.repeat, chromium))
        names = {"score": "self-assessment: Calculate score",
                 "answer": "self-assessment: an answer (count line)",
                 "run key-account-price": "scenario key-account-price: Run (result)",
                 "run key-account-price (first change)": "scenario key-account-price: Run "
                                                         "(first change)",
                 "run crm-dashboard": "scenario crm-dashboard: Run (result)",
                 "run crm-dashboard (first change)": "scenario crm-dashboard: Run (first "
                                                     "change)",
                 "slider": "scenario: a lever moved (read-out)",
                 "run (first change)": "scenario app crm-dashboard: Run (first change)",
                 "run (result)": "scenario app crm-dashboard: Run (result, chart moved)"}
        for key, label in names.items():
            k, b = kernel.get(key), browser.get(key)
            if k is None and b is None:
                continue
            print(f"{label:42} {language:4} {'' if k is None else f'{k:10.1f}':>10} "
                  f"{'' if b is None else f'{b:11.1f}':>11}")
            if k is not None and k > KERNEL_TARGET and "result" not in key \
                    and "crm-dashboard" not in key:
                missed.append(f"{label} ({language}) kernel {k:.0f} ms")
            if b is not None and b > BROWSER_TARGET and "result" not in key:
                missed.append(f"{label} ({language}) browser {b:.0f} ms")
    if missed:
        print("over the target:", "; ".join(missed))
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
