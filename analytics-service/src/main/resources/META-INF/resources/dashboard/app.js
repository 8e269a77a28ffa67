// The marketers' dashboard: sign-in with a pasted token, then one campaign's funnel, trend, goal and A/B test, in
// Spanish or English.

import { ApiProblem, SignInRequired, campaignPath, getJson, session } from './api.js';
import { clock } from './format.js';
import {
  onLanguageChange, startLanguage, switchLanguage, t,
} from './language.js';
import { drawCharts, renderReport } from './report.js';

const CAMPAIGN_KEY = 'faro.dashboard.campaign';
const PAGE_KEY = 'faro.dashboard.page';

const $ = (id) => document.getElementById(id);

let loadCounter = 0;
// What is on screen, kept so that a language switch writes it again in the new language without a new request.
let lastReport = null;
let signInErrorKey = null;
let statusText = () => '';

function setState(state) {
  document.body.dataset.state = state;
}

function showStatus(text) {
  statusText = text;
  $('status').textContent = statusText();
}

function showSignInError() {
  const error = $('sign-in-error');
  error.textContent = signInErrorKey ? t(signInErrorKey) : '';
  error.hidden = !signInErrorKey;
}

function showSignIn(errorKey) {
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  signInErrorKey = errorKey || null;
  showSignInError();
  $('token').value = '';
  $('token').focus();
  setState(errorKey ? 'signed-out-error' : 'signed-out');
}

function showDashboard() {
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('dashboard').hidden = false;
  $('campaign').value = localStorage.getItem(CAMPAIGN_KEY) || '';
  $('page').value = localStorage.getItem(PAGE_KEY) || '';
  setState('signed-in');
}

function hideReport() {
  lastReport = null;
  $('report').hidden = true;
}

function failureDetail(error) {
  return error.messageKey ? t(error.messageKey) : error.message;
}

async function load(campaign, page) {
  const mine = ++loadCounter;
  setState('loading');
  showStatus(() => t('status.loading', { campaign }));
  const abQuery = page ? { page } : {};
  const [funnel, daily, goal, ab] = await Promise.allSettled([
    getJson(campaignPath(campaign, 'funnel')),
    getJson(campaignPath(campaign, 'funnel', { groupBy: 'day' })),
    getJson(campaignPath(campaign, 'goal')),
    getJson(campaignPath(campaign, 'ab', abQuery)),
  ]);
  if (mine !== loadCounter) return;
  const refused = [funnel, daily, goal, ab].find(
    (answer) => answer.status === 'rejected' && answer.reason instanceof SignInRequired);
  if (refused) {
    hideReport();
    showSignIn(refused.reason.messageKey);
    return;
  }
  if (funnel.status === 'rejected' || daily.status === 'rejected') {
    const error = funnel.status === 'rejected' ? funnel.reason : daily.reason;
    hideReport();
    showStatus(error instanceof ApiProblem && error.status === 404
      ? () => t('status.notFound', { campaign })
      : () => t('status.failed', { campaign, detail: failureDetail(error) }));
    setState('error');
    return;
  }
  lastReport = {
    campaign,
    funnel: funnel.value,
    daily: daily.value,
    goal: goal.status === 'fulfilled' ? goal.value : null,
    ab: ab.status === 'fulfilled' ? ab.value : null,
    abError: ab.status === 'rejected' ? ab.reason : null,
  };
  $('report').hidden = false;
  renderReport(lastReport);
  const loadedAt = new Date();
  showStatus(() => t('status.updated', { time: clock(loadedAt) }));
  setState('loaded');
}

function loadRemembered() {
  const remembered = localStorage.getItem(CAMPAIGN_KEY);
  if (remembered) load(remembered, localStorage.getItem(PAGE_KEY) || '');
  return Boolean(remembered);
}

function start() {
  startLanguage();

  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => switchLanguage(button.dataset.language));
  }
  onLanguageChange(() => {
    showSignInError();
    $('status').textContent = statusText();
    if (lastReport) renderReport(lastReport);
  });

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = $('token').value;
    if (!pasted.trim()) {
      showSignIn('signIn.pasteToken');
      return;
    }
    session.signIn(pasted);
    showDashboard();
    if (!loadRemembered()) $('campaign').focus();
  });

  $('campaign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const campaign = $('campaign').value.trim().toLowerCase();
    const page = $('page').value.trim();
    if (!campaign) {
      showStatus(() => t('status.campaignMissing'));
      return;
    }
    localStorage.setItem(CAMPAIGN_KEY, campaign);
    localStorage.setItem(PAGE_KEY, page);
    load(campaign, page);
  });

  $('sign-out').addEventListener('click', () => {
    session.signOut();
    hideReport();
    showStatus(() => '');
    showSignIn();
  });

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => drawCharts(lastReport), 150);
  });

  if (session.token()) {
    showDashboard();
    loadRemembered();
  } else {
    showSignIn();
  }
}

start();
