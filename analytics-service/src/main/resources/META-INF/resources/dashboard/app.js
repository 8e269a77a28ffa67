// The marketers' dashboard: sign-in with a pasted token, then one campaign's funnel, trend, goal and A/B test.

import { ApiProblem, SignInRequired, campaignPath, getJson, session } from './api.js';
import { drawFunnel, drawGoal, drawTrend, drawVariants } from './charts.js';
import {
  clock, decimal, integer, longDay, money, percent, ratioAsPercent,
} from './format.js';

const CAMPAIGN_KEY = 'faro.dashboard.campaign';
const PAGE_KEY = 'faro.dashboard.page';

const $ = (id) => document.getElementById(id);

let loadCounter = 0;
let lastReport = null;

function setText(id, text) {
  $(id).textContent = text;
}

function setState(state) {
  document.body.dataset.state = state;
}

function showSignIn(errorMessage) {
  $('dashboard').hidden = true;
  $('sign-out').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.textContent = errorMessage || '';
  error.hidden = !errorMessage;
  $('token').value = '';
  $('token').focus();
  setState(errorMessage ? 'signed-out-error' : 'signed-out');
}

function showDashboard() {
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('dashboard').hidden = false;
  $('campaign').value = localStorage.getItem(CAMPAIGN_KEY) || '';
  $('page').value = localStorage.getItem(PAGE_KEY) || '';
  setState('signed-in');
}

const STAGES = [
  ['visitors', 'Visitantes'],
  ['leads', 'Leads'],
  ['confirmed', 'Confirmados'],
  ['incentivesIssued', 'Incentivos'],
  ['emailsSent', 'Emails enviados'],
  ['redemptions', 'Canjeados'],
];

function renderFigures(campaign, funnel) {
  setText('campaign-name', campaign);
  setText('figure-visitors', integer(funnel.visitors));
  setText('figure-leads', integer(funnel.leads));
  setText('figure-conversion', percent(funnel.conversionRate));
  setText('figure-cost-per-lead', money(funnel.costPerLead, funnel.spendCurrency));
  setText('figure-spend', money(funnel.spend, funnel.spendCurrency));
  // Without a single order currency (none recorded, or several) the revenue is shown as a bare amount.
  setText('figure-revenue', money(funnel.revenue, funnel.currency));
  setText('figure-roi', ratioAsPercent(funnel.roi));
  setText('figure-lead-to-customer', percent(funnel.leadToCustomerRate));
}

const GOAL_STATUS = {
  'no-goal': ['La campaña no tiene objetivo de leads.', ''],
  'on-track': ['En camino', 'good'],
  'at-risk': ['En riesgo', 'warn'],
  reached: ['Objetivo alcanzado', 'good'],
  missed: ['Objetivo no alcanzado', 'bad'],
};

function renderGoal(goal) {
  const [label, tone] = GOAL_STATUS[goal.status] || [goal.status, ''];
  const summary = $('goal-summary');
  summary.className = `verdict ${tone}`;
  if (goal.status === 'no-goal') {
    summary.textContent = label;
    setText('goal-detail', '');
    drawGoal($('goal-chart'), null);
    return;
  }
  const share = document.createElement('span');
  share.id = 'goal-percent';
  share.textContent = percent(goal.percentOfTarget, 1);
  summary.replaceChildren(
    `${label}: ${integer(goal.leadsSoFar)} de ${integer(goal.targetLeads)} leads (`, share, ')');
  drawGoal($('goal-chart'), goal);
  const parts = [];
  if (goal.reachedOn) parts.push(`Alcanzado el ${longDay(goal.reachedOn)}.`);
  parts.push(`Fecha límite: ${longDay(goal.deadlineDay)} (quedan ${integer(goal.daysLeft)} días).`);
  parts.push(`Ritmo: ${decimal(goal.leadsPerDay, 2)} leads al día en los últimos ${integer(goal.paceDays)} días.`);
  if (!goal.reachedOn) {
    parts.push(goal.projectedDate
      ? `A este ritmo se alcanza el ${longDay(goal.projectedDate)}.`
      : 'Sin leads recientes no hay fecha prevista.');
  }
  parts.push('Días en UTC.');
  setText('goal-detail', parts.join(' '));
}

const OUTCOMES = {
  better: 'mejor que el control', worse: 'peor que el control', equivalent: 'equivalente', undecided: 'sin decidir',
};

function verdictText(ab) {
  const decided = ab.decidedOn ? ` (decidido el ${longDay(ab.decidedOn)})` : '';
  if (ab.verdict === 'winner') {
    const control = ab.winner === ab.control ? ' (el control)' : '';
    return [`Ganadora: variante ${ab.winner}${control}${decided}`, 'good'];
  }
  if (ab.verdict === 'no-difference') {
    return [`Sin diferencia relevante entre variantes${decided}`, 'good'];
  }
  return ['Sin conclusión todavía: faltan datos para decidir', 'warn'];
}

function renderAb(ab) {
  const [text, tone] = verdictText(ab);
  const verdict = $('ab-verdict');
  verdict.className = `verdict ${tone}`;
  verdict.textContent = text;
  drawVariants($('ab-chart'), ab.variants);
  const rows = ab.variants.map((variant) => {
    const row = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = variant.control ? `${variant.variant} (control)` : variant.variant;
    row.append(name);
    for (const value of [
      integer(variant.visitors),
      integer(variant.leads),
      `${percent(variant.conversionRate)} (${decimal(variant.conversionRateLow, 2)} – ${percent(variant.conversionRateHigh)})`,
    ]) {
      const cell = document.createElement('td');
      cell.textContent = value;
      row.append(cell);
    }
    return row;
  });
  $('ab-table').tBodies[0].replaceChildren(...rows);
  $('ab-table').hidden = false;
  const comparisons = ab.comparisons.map((comparison) => {
    const item = document.createElement('li');
    const sign = comparison.difference > 0 ? '+' : '';
    item.textContent = `${comparison.variant} frente a ${ab.control}: ${sign}${decimal(comparison.difference, 2)} puntos`
      + ` (intervalo ${decimal(comparison.differenceLow, 2)} a ${decimal(comparison.differenceHigh, 2)}),`
      + ` p = ${decimal(comparison.pValue, 4)}: ${OUTCOMES[comparison.outcome] || comparison.outcome}`;
    return item;
  });
  $('ab-comparisons').replaceChildren(...comparisons);
  setText('ab-reason', ab.reason ? `Cálculo: ${ab.reason}` : '');
}

function renderAbUnavailable(error) {
  const verdict = $('ab-verdict');
  verdict.className = 'verdict warn';
  verdict.textContent = error instanceof ApiProblem && error.status === 400
    ? `Elige la página de aterrizaje del test: ${error.messageFor('page')}`
    : 'El test A/B no está disponible ahora mismo.';
  $('ab-chart').replaceChildren();
  $('ab-table').hidden = true;
  $('ab-comparisons').replaceChildren();
  setText('ab-reason', '');
}

function drawCharts() {
  if (!lastReport) return;
  const { funnel, daily, goal, ab } = lastReport;
  drawFunnel($('funnel-chart'), STAGES.map(([key, label]) => ({ label, value: funnel[key] })));
  drawTrend($('trend-chart'), daily.groups || []);
  if (goal) drawGoal($('goal-chart'), goal.status === 'no-goal' ? null : goal);
  if (ab) drawVariants($('ab-chart'), ab.variants);
}

async function load(campaign, page) {
  const mine = ++loadCounter;
  setState('loading');
  setText('status', `Cargando «${campaign}»…`);
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
    lastReport = null;
    $('report').hidden = true;
    showSignIn(refused.reason.message);
    return;
  }
  if (funnel.status === 'rejected' || daily.status === 'rejected') {
    const error = funnel.status === 'rejected' ? funnel.reason : daily.reason;
    lastReport = null;
    $('report').hidden = true;
    setText('status', error instanceof ApiProblem && error.status === 404
      ? `No hay datos de la campaña «${campaign}». Revisa el id.`
      : `No se pudo cargar la campaña «${campaign}»: ${error.message}`);
    setState('error');
    return;
  }
  $('report').hidden = false;
  renderFigures(campaign, funnel.value);
  if (goal.status === 'fulfilled') {
    renderGoal(goal.value);
  } else {
    $('goal-summary').className = 'verdict warn';
    setText('goal-summary', 'El objetivo no está disponible ahora mismo.');
    setText('goal-detail', '');
  }
  if (ab.status === 'fulfilled') {
    renderAb(ab.value);
  } else {
    renderAbUnavailable(ab.reason);
  }
  lastReport = {
    funnel: funnel.value,
    daily: daily.value,
    goal: goal.status === 'fulfilled' ? goal.value : null,
    ab: ab.status === 'fulfilled' ? ab.value : null,
  };
  drawCharts();
  setText('status', `Actualizado a las ${clock(new Date())}. Totales de toda la campaña; días en UTC.`);
  setState('loaded');
}

function start() {
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const pasted = $('token').value;
    if (!pasted.trim()) {
      showSignIn('Pega tu token para entrar.');
      return;
    }
    session.signIn(pasted);
    showDashboard();
    const remembered = localStorage.getItem(CAMPAIGN_KEY);
    if (remembered) load(remembered, localStorage.getItem(PAGE_KEY) || '');
    else $('campaign').focus();
  });

  $('campaign-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const campaign = $('campaign').value.trim().toLowerCase();
    const page = $('page').value.trim();
    if (!campaign) {
      setText('status', 'Escribe el id de una campaña.');
      return;
    }
    localStorage.setItem(CAMPAIGN_KEY, campaign);
    localStorage.setItem(PAGE_KEY, page);
    load(campaign, page);
  });

  $('sign-out').addEventListener('click', () => {
    session.signOut();
    lastReport = null;
    $('report').hidden = true;
    setText('status', '');
    showSignIn();
  });

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawCharts, 150);
  });

  if (session.token()) {
    showDashboard();
    const remembered = localStorage.getItem(CAMPAIGN_KEY);
    if (remembered) load(remembered, localStorage.getItem(PAGE_KEY) || '');
  } else {
    showSignIn();
  }
}

start();
