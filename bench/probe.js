// Injected into every benchmarked page before its own scripts run (an init script, so the
// page's CSP does not apply). It timestamps, on the page's own clock (Date.now(), the same
// wall clock as Python's time.time()), the first moment each state the benchmark waits for
// is reached, and the last press of each data-testid button. Polling from Python would add
// its own round trips to every figure; this records the moment the DOM changed.
//
// Two marks are paints rather than DOM states, taken from the browser's paint timing:
// "heading" is the first meaningful paint, the first frame that paints the text of an <h1>
// (Element Timing's renderTime; the probe gives every <h1> an elementtiming attribute
// before it can be painted), i.e. the page saying what it is for; "contentful" is the
// first-contentful-paint entry (the first frame with any text or image).
(() => {
  const marks = {};
  const at = {}; // the same moments as marks, on performance.now()'s scale, for the phases
  const clicks = {};
  window.__secketBench = { marks, at, clicks };
  const HEADING = "secket-bench-heading";

  const el = (id) => document.getElementById(id);
  const shown = (id) => el(id) !== null && !el(id).hidden;
  const enabled = (id) => el(id) !== null && !el(id).disabled;
  const states = {
    ready: () => enabled("create-receive"),
    join: () => enabled("join") && shown("screen-join"),
    link: () => shown("screen-share") && el("room-link").value.startsWith("http"),
    sas: () => Boolean(el("sas-emoji")?.dataset.sas) && el("status").dataset.state === "verifying",
    unlocked: () => enabled("secret-input"),
    secret: () => shown("screen-received") && el("received-secret").textContent.length > 0,
  };

  const check = () => {
    const now = Date.now();
    const since = performance.now();
    for (const [name, reached] of Object.entries(states)) {
      if (!(name in marks) && reached()) {
        marks[name] = now;
        at[name] = since;
        if (name === "secret") marks.secretLength = el("received-secret").textContent.length;
      }
    }
    for (const heading of document.getElementsByTagName("h1")) {
      if (!heading.hasAttribute("elementtiming")) heading.setAttribute("elementtiming", HEADING);
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });

  const painted = (name, time) => {
    if (time > 0 && !(at[name] <= time)) {
      marks[name] = performance.timeOrigin + time;
      at[name] = time;
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === HEADING || entry.element?.localName === "h1") {
        painted("heading", entry.renderTime || entry.loadTime);
      }
    }
  }).observe({ type: "element", buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === "first-contentful-paint") painted("contentful", entry.startTime);
    }
  }).observe({ type: "paint", buffered: true });

  // PyScript's interpreter is up (Pyodide started, PyScript's Python set up); the page's
  // own Python runs after this.
  window.addEventListener(
    "py:ready",
    () => {
      marks.python ??= Date.now();
      at.python ??= performance.now();
    },
    { once: true },
  );

  window.addEventListener(
    "click",
    (event) => {
      const target = event.target instanceof Element ? event.target.closest("[data-testid]") : null;
      if (target !== null) clicks[target.dataset.testid] = Date.now();
    },
    true,
  );
})();
