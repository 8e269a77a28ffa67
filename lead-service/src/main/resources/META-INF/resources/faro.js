/*
 * faro.js: turns a plain HTML form into a Faro lead form, without dependencies.
 *
 *   <form data-faro-campaign="demo" data-faro-page="redes-sociales" data-faro-variant="a" novalidate>…</form>
 *   <script src="https://leads.example.org/faro.js" defer></script>
 *
 * The form's inputs are named after the capture contract (email, name, phone, company, consent.marketing); see
 * docs/api.md, "Embedding the form", for every data attribute. Whatever the server or the visitor wrote is put
 * on the page with textContent, never parsed as HTML.
 */
(function () {
  'use strict';

  // Only known while this file runs for the first time, so read now: the API defaults to this script's origin.
  const script = document.currentScript;
  const scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;

  const FIELDS = ['email', 'name', 'phone', 'company', 'consent.marketing'];
  // Inputs named customFields.<name> carry the campaign's custom fields; a checkbox sends true or false.
  const CUSTOM = 'customFields.';
  const customInputs = (form) => Array.from(form.elements).filter((input) => (input.name || '').startsWith(CUSTOM));
  const UTM = ['source', 'medium', 'campaign', 'term', 'content'];
  // What the visitor never sees nor can correct: when the server refuses one of these, the lead is sent again
  // without it rather than lost over attribution.
  const ATTRIBUTION = ['locale', 'timeZone', 'landingPage', 'variant', 'visitorId', 'referrer'].concat(
    UTM.map((key) => 'utm.' + key)
  );
  const TEXTS = {
    es: {
      success: '¡Gracias! Te hemos enviado un correo.',
      'too-many': 'Demasiados intentos seguidos. Inténtalo de nuevo en unos minutos.',
      invalid: 'Revisa los campos marcados.',
      failure: 'No hemos podido enviar el formulario. Inténtalo de nuevo.',
    },
    en: {
      success: 'Thank you! We have sent you an email.',
      'too-many': 'Too many attempts in a row. Please try again in a few minutes.',
      invalid: 'Please check the highlighted fields.',
      failure: 'The form could not be sent. Please try again.',
    },
  };
  // The server refuses control characters rather than stripping them; in values the visitor cannot see or fix
  // (a UTM parameter), dropping them is the right call.
  const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
  const VISITOR_KEY = 'faro.visitorId';
  const VISITOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

  let memoryVisitorId; // used when localStorage is unavailable (blocked cookies, some private modes)
  let formCount = 0;
  const visitsSent = new Set();

  function clean(value, max) {
    const text = (value || '').replace(CONTROLS, '').trim().slice(0, max);
    return text || undefined;
  }

  function hex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** A random id for this browser, kept across visits so a lead can be joined to the visits before it. */
  function visitorId() {
    let id;
    try {
      id = localStorage.getItem(VISITOR_KEY);
    } catch (e) {
      // storage blocked: fall back to memory below
    }
    if (!VISITOR_ID.test(id || '')) {
      id = memoryVisitorId || 'v-' + hex(crypto.getRandomValues(new Uint8Array(16)));
      memoryVisitorId = id;
      try {
        localStorage.setItem(VISITOR_KEY, id);
      } catch (e) {
        // kept in memory for this page only
      }
    }
    return id;
  }

  /** Where the visit came from: the form's campaign settings, UTM parameters of this page and the referrer. */
  function attribution(form) {
    const query = new URLSearchParams(location.search);
    const utm = {};
    UTM.forEach((key) => {
      const value = clean(query.get('utm_' + key), 200);
      if (value) utm[key] = value;
    });
    const referrer = document.referrer;
    // undefined values are left out by JSON.stringify, so absent settings are not sent at all
    return {
      campaign: form.dataset.faroCampaign,
      landingPage: clean(form.dataset.faroPage, 200),
      variant: clean(form.dataset.faroVariant, 64),
      visitorId: visitorId(),
      referrer: /^https?:\/\//i.test(referrer) ? referrer.slice(0, 2048) : undefined,
      utm: Object.keys(utm).length ? utm : undefined,
    };
  }

  function locale(form) {
    const language = (form.dataset.faroLocale || navigator.language || '').split('-')[0].toLowerCase();
    return language === 'es' || language === 'en' ? language : undefined; // otherwise the campaign's
  }

  function timeZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
    } catch (e) {
      return undefined;
    }
  }

  /**
   * sha256:<hex> of the consent text the page shows, whitespace runs collapsed so that indenting the markup does
   * not change the version. crypto.subtle exists only on https (and localhost); elsewhere no version is sent.
   */
  async function consentTextVersion(form) {
    const element = form.querySelector('[data-faro-consent-text]');
    if (!element || !window.crypto || !crypto.subtle) return undefined;
    const text = element.textContent.replace(/\s+/g, ' ').trim();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return 'sha256:' + hex(new Uint8Array(digest));
  }

  function post(url, body, keepalive) {
    return fetch(url, {
      method: 'POST',
      keepalive: keepalive,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body),
    });
  }

  /** Best effort, once per campaign, page and variant: keepalive lets it finish even if the visitor leaves. */
  function sendVisit(endpoint, visit) {
    const key = [endpoint, visit.campaign, visit.landingPage, visit.variant].join('|');
    if (visitsSent.has(key)) return;
    visitsSent.add(key);
    post(endpoint + '/api/visits', visit, true).catch(() => {});
  }

  /** The honeypot: a field only bots fill in, off-screen and hidden from assistive technology. */
  function addHoneypot(form) {
    if (form.elements.website) return;
    const box = document.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden';
    const label = document.createElement('label');
    label.textContent = 'Website';
    const input = document.createElement('input');
    input.type = 'text';
    input.name = 'website';
    input.tabIndex = -1;
    input.autocomplete = 'off';
    label.appendChild(input);
    box.appendChild(label);
    form.appendChild(box);
  }

  /** The element that shows a field's errors, linked to it with aria-describedby; made if the page has none. */
  function errorElement(form, input, index) {
    let error = form.querySelector('[data-faro-error-for="' + input.name + '"]');
    if (!error) {
      error = document.createElement('span');
      error.className = 'faro-error';
      // A checkbox sits inside its label: the message goes after the label, not into its accessible name.
      (input.closest('label') || input).after(error);
    }
    error.id = error.id || 'faro-' + index + '-' + input.name.replace(/\W/g, '-') + '-error';
    error.setAttribute('aria-live', 'polite');
    const described = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!described.includes(error.id)) input.setAttribute('aria-describedby', described.concat(error.id).join(' '));
    return error;
  }

  function enhance(form) {
    if (form.dataset.faroReady) return;
    const index = ++formCount;
    const endpoint = (form.dataset.faroEndpoint || scriptOrigin).replace(/\/+$/, '');
    const texts = TEXTS[(document.documentElement.lang || '').slice(0, 2) === 'es' ? 'es' : 'en'];

    const fields = {};
    FIELDS.forEach((name) => {
      const input = form.elements[name];
      if (input && input.name) fields[name] = { input: input, error: errorElement(form, input, index) };
    });
    customInputs(form).forEach((input) => {
      fields[input.name] = { input: input, error: errorElement(form, input, index) };
    });
    let status = form.querySelector('[data-faro-status]');
    if (!status) {
      status = document.createElement('p');
      status.className = 'faro-status';
      form.appendChild(status);
    }
    status.setAttribute('role', 'status');
    addHoneypot(form);

    /** kind is success, too-many, invalid or failure: the page may word each (data-faro-<kind>), '' clears. */
    function showStatus(kind) {
      status.dataset.faroStatus = kind;
      status.textContent = kind ? form.getAttribute('data-faro-' + kind) || texts[kind] : '';
    }

    function clearErrors() {
      Object.values(fields).forEach((field) => {
        field.input.removeAttribute('aria-invalid');
        field.error.textContent = '';
      });
      showStatus('');
    }

    /** Puts each refused field's message next to it; false when none of the errors is about a visible field. */
    function showErrors(errors) {
      const refused = [];
      errors.forEach((error) => {
        const field = fields[error.field];
        if (!field) return;
        field.input.setAttribute('aria-invalid', 'true');
        // The page may word the message in its language; otherwise the server's message is shown.
        field.error.textContent = field.input.dataset.faroMessage || String(error.message || '');
        refused.push(field.input);
      });
      if (refused.length) refused[0].focus();
      return refused.length > 0;
    }

    async function send(body, retried) {
      const response = await post(endpoint + '/api/leads', body, false);
      if (response.ok) return showStatus('success');
      if (response.status === 429) return showStatus('too-many');
      const problem = response.status === 400 ? await response.json().catch(() => ({})) : {};
      const errors = Array.isArray(problem.errors) ? problem.errors : [];
      const attributionOnly = errors.length > 0 && errors.every((error) => ATTRIBUTION.includes(error.field));
      if (attributionOnly && !retried) {
        errors.forEach((error) => {
          const [outer, inner] = error.field.split('.');
          if (inner) delete body[outer][inner];
          else delete body[outer];
        });
        return send(body, true);
      }
      if (showErrors(errors)) return showStatus('invalid');
      showStatus('failure');
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      // One submission at a time. The button is not disabled: a disabled button loses the keyboard focus.
      if (form.getAttribute('aria-busy') === 'true') return;
      form.setAttribute('aria-busy', 'true');
      clearErrors();
      try {
        const body = attribution(form);
        body.locale = locale(form);
        body.timeZone = timeZone();
        ['email', 'name', 'phone', 'company', 'website'].forEach((name) => {
          const input = form.elements[name];
          if (input && input.value) body[name] = input.value;
        });
        customInputs(form).forEach((input) => {
          const value = input.type === 'checkbox' ? input.checked : input.value;
          if (value !== '') (body.customFields = body.customFields || {})[input.name.slice(CUSTOM.length)] = value;
        });
        const consent = form.elements['consent.marketing'];
        body.consent = { marketing: !!(consent && consent.checked), textVersion: await consentTextVersion(form) };
        await send(body, false);
        if (status.dataset.faroStatus === 'success') form.reset();
      } catch (e) {
        showStatus('failure'); // offline, or the endpoint is unreachable
      } finally {
        form.removeAttribute('aria-busy');
      }
    });

    form.dataset.faroReady = 'true';
    sendVisit(endpoint, attribution(form));
  }

  function start() {
    document.querySelectorAll('form[data-faro-campaign]').forEach(enhance);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
