// Starts PyScript and shows loading progress. Everything here is served from this origin.
// First, before PyScript is evaluated: its IndexedDB databases are kept in memory.
import "/no-storage.js";
import { hooks } from "/vendor/pyscript/0.7.31/core.js";
import { loading } from "/interpreter.mjs";
// What the page says before Python runs, in the visitor's language (language.js).
import { say } from "/language.js";

// PyScript compiles its worker hooks with Function() as soon as it starts, which a strict
// Content-Security-Policy (no 'unsafe-eval') refuses. Secket never runs Python in a worker,
// so the worker hooks are dropped before PyScript reads them.
for (const name of Object.keys(hooks.worker)) hooks.worker[name].clear();

// Progress: bytes of the files Python's start needs that have arrived, of those expected
// (app/interpreter.mjs counts them; it is imported here so that its downloads start now).
const progress = document.getElementById("progress");
const bar = document.getElementById("progress-bar");
const text = document.getElementById("progress-text");
function showProgress({ detail: { received, expected } }) {
  if (!expected || !bar) return;
  const percent = Math.min(100, Math.round((100 * received) / expected));
  bar.style.width = `${percent}%`;
  progress.setAttribute("aria-valuenow", String(percent));
  text.textContent = say("page.progress", { percent });
}
loading.addEventListener("progress", showProgress);
window.addEventListener(
  "secket:ready",
  () => {
    loading.removeEventListener("progress", showProgress);
    // The app now shows its own screens; what the page said while Python loaded goes.
    for (const id of ["intro", "progress-text"]) document.getElementById(id)?.setAttribute("hidden", "");
  },
  { once: true },
);

// A page that cannot start says so, instead of "Loading…" for ever: a file of the start that
// does not arrive (early.js notes it), Pyodide refusing to start, PyScript unable to fetch the app's files, or
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
    loading.removeEventListener("progress", showProgress);
    for (const id of ["progress", "progress-text"]) document.getElementById(id).hidden = true;
    const status = document.getElementById("status");
    status.dataset.state = "error";
    status.textContent = say("page.failed");
    status.dataset.i18n = "page.failed";
    // The ending screen, as the app draws an error: one heading, the sentence in the error
    // box; no Start over (reloading is the remedy).
    for (const screen of document.querySelectorAll(".screen")) screen.hidden = screen.id !== "screen-end";
    const title = document.getElementById("end-title");
    title.textContent = say("page.failed");
    title.dataset.i18n = "page.failed";
    document.getElementById("end-lead").hidden = true;
    document.getElementById("start-over").hidden = true;
    const box = document.getElementById("error");
    box.textContent = say("page.failed.lead", { reason });
    box.dataset.code = "not-started";
    box.hidden = false;
  }

  // A file of the start that did not arrive, as early.js saw it (before this module ran, or
  // since).
  const missing = (path) => notStarted(say("page.failed.missing", { path }));
  if (document.documentElement.dataset.missing) missing(document.documentElement.dataset.missing);
  window.addEventListener("secket:missing", (event) => missing(event.detail));

  const why = (error) => String(error?.message ?? error ?? "unknown error");
  window.addEventListener("error", (event) => notStarted(why(event.error ?? event.message)));
  window.addEventListener("unhandledrejection", (event) => notStarted(why(event.reason)));
  // The app's Python reports that it stopped, and the name of the error (main.py) …
  window.addEventListener("secket:stopped", (event) =>
    notStarted(say("page.failed.stopped", { error: event.detail })),
  );
  // … and PyScript says it ran its scripts: if main.py was not among them, PyScript could
  // not fetch it or the files it needs (it only logs that).
  window.addEventListener("py:all-done", () => {
    if (!started) notStarted(say("page.failed.no-files"));
  });
}

if (document.querySelector('script[type="py"][src="/py/main.py"]')) watchTheStart();
