// Starts PyScript and shows loading progress. Everything here is served from this origin.
// First, before PyScript is evaluated: its IndexedDB databases are kept in memory.
import "/no-storage.js";
import { hooks } from "/vendor/pyscript/0.7.31/core.js";

// PyScript compiles its worker hooks with Function() as soon as it starts, which a strict
// Content-Security-Policy (no 'unsafe-eval') refuses. Secket never runs Python in a worker,
// so the worker hooks are dropped before PyScript reads them.
for (const name of Object.keys(hooks.worker)) hooks.worker[name].clear();

// Progress: count the runtime files as they finish downloading.
const parts = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "main.py"];
const seen = new Set();
const bar = document.getElementById("progress-bar");
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const name = entry.name.split("/").pop();
    if (parts.includes(name)) seen.add(name);
  }
  if (bar) bar.style.width = `${Math.round((100 * seen.size) / (parts.length + 1))}%`;
});
observer.observe({ type: "resource", buffered: true });
window.addEventListener("secket:ready", () => observer.disconnect(), { once: true });

// A page that cannot start says so, instead of "Loading…" for ever: a runtime file that
// does not arrive, Pyodide refusing to start, PyScript unable to fetch the app's files, or
// the app's Python stopping before it is ready. Once the app is ready it shows its own
// errors (flow.py); nothing here changes the page after that. Only Secket's own page is
// watched: the interop test page loads this module too, with Python of its own.
function watchTheStart() {
  let started = false; // main.py ran
  let ready = false;
  window.addEventListener("secket:started", () => (started = true), { once: true });
  window.addEventListener("secket:ready", () => (ready = true), { once: true });

  function notStarted(reason) {
    if (ready || document.documentElement.dataset.startFailed) return;
    document.documentElement.dataset.startFailed = "true";
    observer.disconnect();
    document.getElementById("progress").hidden = true;
    const status = document.getElementById("status");
    status.dataset.state = "error";
    status.textContent = "Secket could not start.";
    const box = document.getElementById("error");
    box.textContent =
      `This page could not start (${reason}). Nothing was sent or kept. ` +
      "Check your connection, then reload the page.";
    box.dataset.code = "not-started";
    box.hidden = false;
  }

  const why = (error) => String(error?.message ?? error ?? "unknown error");
  window.addEventListener("error", (event) => notStarted(why(event.error ?? event.message)));
  window.addEventListener("unhandledrejection", (event) => notStarted(why(event.reason)));
  // The app's Python reports that it stopped (main.py) …
  window.addEventListener("secket:stopped", (event) => notStarted(event.detail));
  // … and PyScript says it ran its scripts: if main.py was not among them, PyScript could
  // not fetch it or the files it needs (it only logs that).
  window.addEventListener("py:all-done", () => {
    if (!started) notStarted("its Python files did not load");
  });
}

if (document.querySelector('script[type="py"][src="/py/main.py"]')) watchTheStart();
