// The page in the visitor's language before Python starts.
//
// It picks the language from navigator.languages with the table the Python uses
// (secket/i18n/languages.py, copied into early-text.js with the catalogues' `page.*` words by
// scripts/early_text.py), sets <html lang> and dir, and writes those words into the elements
// that name them (data-i18n, data-i18n-label). The language picker works at once, before
// Python too; nothing is stored. Once Python is ready it decides again, from the same table
// and the person's pick, and renders every text itself (browser/dom.py); from then on this
// module does nothing.
import { DEFAULT, LANGUAGES, TAGS, TEXT } from "/early-text.js";

/** The first preference the page speaks (the same rule as choose_language in Python). */
export function chooseLanguage(preferences) {
  for (const tag of preferences) {
    const parts = String(tag).trim().replaceAll("_", "-").toLowerCase().split("-");
    while (parts.length) {
      const key = parts.join("-");
      if (Object.hasOwn(TAGS, key)) {
        if (TAGS[key]) return TAGS[key];
        break; // a language the page must not answer with a neighbour's: the next preference
      }
      parts.pop();
    }
  }
  return DEFAULT;
}

/** A `page.*` message in the page's current language, its {fields} filled in. */
export function say(key, params = {}) {
  const words = TEXT[document.documentElement.lang] ?? TEXT[DEFAULT];
  const template = words[key] ?? TEXT[DEFAULT][key];
  return template.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
}

function apply(code) {
  const root = document.documentElement;
  root.lang = code;
  root.dir = LANGUAGES.find((language) => language.code === code)?.dir ?? "ltr";
  for (const element of document.querySelectorAll("[data-i18n]")) {
    const text = TEXT[code][element.dataset.i18n];
    if (text !== undefined) element.textContent = text;
  }
  for (const element of document.querySelectorAll("[data-i18n-label]")) {
    const text = TEXT[code][element.dataset.i18nLabel];
    if (text !== undefined) element.setAttribute("aria-label", text);
  }
  const picker = document.getElementById("language");
  if (picker) picker.value = code;
}

function preferences() {
  return navigator.languages?.length ? navigator.languages : [navigator.language ?? DEFAULT];
}

const picker = globalThis.document?.getElementById("language");
if (picker) {
  apply(chooseLanguage(preferences()));
  // The person's pick; Python reads data-picked when it starts, so that it keeps it.
  const picked = () => {
    picker.dataset.picked = "true";
    apply(chooseLanguage([picker.value]));
  };
  picker.addEventListener("change", picked);
  window.addEventListener("secket:ready", () => picker.removeEventListener("change", picked), {
    once: true,
  });
}
