// The page's language: which one to show, its texts and its locale, and the page's static texts in it.

import { FALLBACK_LANGUAGE, LANGUAGES } from './messages.js';

const CHOICE_KEY = 'faro.dashboard.lang';
const QUERY_PARAMETER = 'lang';

let current = FALLBACK_LANGUAGE;
const listeners = [];

function supported(value) {
  const code = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return Object.hasOwn(LANGUAGES, code) ? code : null;
}

/**
 * The language to show: the address's {@code ?lang=} wins, then the marketer's earlier choice, then the first of
 * the browser's preferred languages that the dashboard speaks (any region), else English.
 */
export function chooseLanguage({ requested, remembered, preferred }) {
  const chosen = supported(requested) || supported(remembered);
  if (chosen) return chosen;
  for (const tag of preferred || []) {
    const match = supported(String(tag).split('-')[0]);
    if (match) return match;
  }
  return FALLBACK_LANGUAGE;
}

export function language() {
  return current;
}

/** The BCP 47 locale figures and dates are formatted in. */
export function locale() {
  return LANGUAGES[current].locale;
}

/** The text under {@code key} in the current language, filled with {@code values} when it takes some. */
export function t(key, values = {}) {
  const message = LANGUAGES[current].messages[key];
  if (message === undefined) {
    console.error(`No ${current} text for ${key}`);
    return key;
  }
  return typeof message === 'function' ? message(values) : message;
}

function applyToPage() {
  document.documentElement.lang = current;
  for (const element of document.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll('[data-i18n-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nLabel));
  }
  document.title = t('page.title');
  for (const button of document.querySelectorAll('[data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === current));
  }
}

/** Picks the language at start and writes the page's static texts in it, before anything else is shown. */
export function startLanguage() {
  let remembered = null;
  try {
    remembered = localStorage.getItem(CHOICE_KEY);
  } catch (error) {
    remembered = null;
  }
  current = chooseLanguage({
    requested: new URLSearchParams(window.location.search).get(QUERY_PARAMETER),
    remembered,
    preferred: navigator.languages || [navigator.language],
  });
  applyToPage();
}

/** Runs {@code listener} after each switch, once the static texts are in the new language. */
export function onLanguageChange(listener) {
  listeners.push(listener);
}

/**
 * The marketer's choice: remembered for next time, and written into the address when it names a language,
 * as the address would otherwise win over the choice at the next reload.
 */
export function switchLanguage(code) {
  const chosen = supported(code);
  if (!chosen) return;
  try {
    localStorage.setItem(CHOICE_KEY, chosen);
  } catch (error) {
    // Without storage the choice still holds for this page.
  }
  const url = new URL(window.location.href);
  if (url.searchParams.has(QUERY_PARAMETER)) {
    url.searchParams.set(QUERY_PARAMETER, chosen);
    window.history.replaceState(window.history.state, '', url);
  }
  if (chosen === current) return;
  current = chosen;
  applyToPage();
  listeners.forEach((listener) => listener(chosen));
}
