// Injected into every benchmarked page before its own scripts run (an init script, so the
// page's CSP does not apply). It timestamps, on the page's own clock (Date.now(), the same
// wall clock as Python's time.time()), the first moment each state the benchmark waits for
// is reached, and the last press of each data-testid button. Polling from Python would add
// its own round trips to every figure; this records the moment the DOM changed.
(() => {
  const marks = {};
  const at = {}; // the same moments as marks, on performance.now()'s scale, for the phases
  const clicks = {};
  window.__secketBench = { marks, at, clicks };

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
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });

  window.addEventListener(
    "click",
    (event) => {
      const target = event.target instanceof Element ? event.target.closest("[data-testid]") : null;
      if (target !== null) clicks[target.dataset.testid] = Date.now();
    },
    true,
  );
})();
