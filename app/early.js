// What the page does before anything else: a classic script in <head>, run before the page is
// first painted and before the files of Python's start are requested.
//
// It says whether the page was opened from a link, so that the text shown while Python loads
// speaks to that person (style.css, #intro). It only looks at whether there is a fragment:
// the page's Python reads the link, checks it and takes its secret out of the address bar.
if (location.hash.length > 1) document.documentElement.dataset.opened = "link";

// And it notes each file <head> requests that does not arrive, for boot.js (which runs
// later) to say the page cannot start: Pyodide only logs a WebAssembly that did not arrive,
// and then waits for ever. Files the page can do without (data-optional) do not count.
window.addEventListener(
  "error",
  (event) => {
    const link = event.target;
    if (!(link instanceof HTMLLinkElement) || link.hasAttribute("data-optional")) return;
    const path = new URL(link.href).pathname;
    document.documentElement.dataset.missing ??= path;
    window.dispatchEvent(new CustomEvent("secket:missing", { detail: path }));
  },
  true, // resource errors do not bubble: only a listener on the way down sees them
);
