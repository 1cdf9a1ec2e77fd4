// Starts PyScript and shows loading progress. Everything here is served from this origin.
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
