// One campaign's report drawn from the API's answers, in the page's current language. Drawing it again (after a
// language switch) needs the same answers only, never a new request.

import { ApiProblem } from './api.js';
import { drawFunnel, drawGoal, drawTrend, drawVariants } from './charts.js';
import {
  decimal, integer, longDay, money, percent, ratioAsPercent,
} from './format.js';
import { t } from './language.js';

const $ = (id) => document.getElementById(id);

function setText(id, text) {
  $(id).textContent = text;
}

const STAGES = ['visitors', 'leads', 'confirmed', 'incentivesIssued', 'emailsSent', 'redemptions'];

const TONES = {
  'no-goal': '', 'on-track': 'good', 'at-risk': 'warn', reached: 'good', missed: 'bad',
};

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

function renderGoal(goal) {
  // A status this page does not know yet shows in the API's own word.
  const label = Object.hasOwn(TONES, goal.status) ? t(`goal.status.${goal.status}`) : goal.status;
  const summary = $('goal-summary');
  summary.className = `verdict ${TONES[goal.status] || ''}`;
  if (goal.status === 'no-goal') {
    summary.textContent = label;
    setText('goal-detail', '');
    return;
  }
  const share = document.createElement('span');
  share.id = 'goal-percent';
  share.textContent = percent(goal.percentOfTarget, 1);
  summary.replaceChildren(
    t('goal.summary', { status: label, leads: integer(goal.leadsSoFar), target: integer(goal.targetLeads) }),
    share,
    ')');
  const parts = [];
  if (goal.reachedOn) parts.push(t('goal.reachedOn', { day: longDay(goal.reachedOn) }));
  parts.push(t('goal.deadline', {
    day: longDay(goal.deadlineDay), days: integer(goal.daysLeft), count: Number(goal.daysLeft),
  }));
  parts.push(t('goal.pace', { perDay: decimal(goal.leadsPerDay, 2), days: integer(goal.paceDays) }));
  if (!goal.reachedOn) {
    parts.push(goal.projectedDate
      ? t('goal.projected', { day: longDay(goal.projectedDate) })
      : t('goal.noProjection'));
  }
  parts.push(t('goal.utc'));
  setText('goal-detail', parts.join(' '));
}

function renderGoalUnavailable() {
  $('goal-summary').className = 'verdict warn';
  setText('goal-summary', t('goal.unavailable'));
  setText('goal-detail', '');
}

const OUTCOMES = ['better', 'worse', 'equivalent', 'undecided'];

function verdictText(ab) {
  const decidedOn = ab.decidedOn ? longDay(ab.decidedOn) : null;
  if (ab.verdict === 'winner') {
    return [t('ab.winner', { variant: ab.winner, isControl: ab.winner === ab.control, decidedOn }), 'good'];
  }
  if (ab.verdict === 'no-difference') {
    return [t('ab.noDifference', { decidedOn }), 'good'];
  }
  return [t('ab.undecided'), 'warn'];
}

function comparisonText(ab, comparison) {
  const sign = comparison.difference > 0 ? '+' : '';
  return t('ab.comparison', {
    variant: comparison.variant,
    control: ab.control,
    difference: `${sign}${decimal(comparison.difference, 2)}`,
    low: decimal(comparison.differenceLow, 2),
    high: decimal(comparison.differenceHigh, 2),
    p: decimal(comparison.pValue, 4),
    outcome: OUTCOMES.includes(comparison.outcome) ? t(`ab.outcome.${comparison.outcome}`) : comparison.outcome,
  });
}

function renderAb(ab) {
  const [text, tone] = verdictText(ab);
  const verdict = $('ab-verdict');
  verdict.className = `verdict ${tone}`;
  verdict.textContent = text;
  const rows = ab.variants.map((variant) => {
    const row = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = t('ab.variant', { variant: variant.variant, isControl: variant.control });
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
    item.textContent = comparisonText(ab, comparison);
    return item;
  });
  $('ab-comparisons').replaceChildren(...comparisons);
  // The reason is the API's own explanation, in its own words.
  setText('ab-reason', ab.reason ? t('ab.reason', { reason: ab.reason }) : '');
}

function renderAbUnavailable(error) {
  const verdict = $('ab-verdict');
  verdict.className = 'verdict warn';
  verdict.textContent = error instanceof ApiProblem && error.status === 400
    ? t('ab.choosePage', { detail: error.messageFor('page') })
    : t('ab.unavailable');
  $('ab-chart').replaceChildren();
  $('ab-table').hidden = true;
  $('ab-comparisons').replaceChildren();
  setText('ab-reason', '');
}

/** The charts at the containers' current widths. */
export function drawCharts(report) {
  if (!report) return;
  const {
    funnel, daily, goal, ab,
  } = report;
  drawFunnel($('funnel-chart'), STAGES.map((key) => ({ label: t(`stage.${key}`), value: funnel[key] })));
  drawTrend($('trend-chart'), daily.groups || []);
  drawGoal($('goal-chart'), goal && goal.status !== 'no-goal' ? goal : null);
  if (ab) drawVariants($('ab-chart'), ab.variants);
}

/**
 * Fills the shown report from the API's answers: {@code funnel} and {@code daily} always; {@code goal} and
 * {@code ab} null when they failed, with {@code abError} saying why. The report must be visible, as the charts
 * take its width.
 */
export function renderReport(report) {
  renderFigures(report.campaign, report.funnel);
  if (report.goal) renderGoal(report.goal);
  else renderGoalUnavailable();
  if (report.ab) renderAb(report.ab);
  else renderAbUnavailable(report.abError);
  drawCharts(report);
}
