// Hand-drawn SVG charts. Every text goes in through textContent, every attribute through setAttribute: nothing
// from the API is ever parsed as markup. Charts are drawn at the container's pixel width, so text keeps its size
// on a phone and on a desktop; app.js redraws them when the window is resized or the language changes.

import { integer, nextDay, percent, shortDay } from './format.js';
import { t } from './language.js';

const SVG = 'http://www.w3.org/2000/svg';
const FONT = 13;

function node(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) {
    element.setAttribute(key, String(value));
  }
  if (text !== undefined) element.textContent = text;
  return element;
}

function canvas(container, height, label) {
  const width = Math.max(260, Math.floor(container.clientWidth || 320));
  const svg = node('svg', {
    viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label,
  });
  svg.append(node('title', {}, label));
  container.replaceChildren(svg);
  return { svg, width };
}

/** A drawn text's width in pixels, or {@code fallback} where the browser cannot measure it (not laid out). */
function measured(text, fallback) {
  try {
    return text.getComputedTextLength() || fallback;
  } catch (error) {
    return fallback;
  }
}

function message(container, text) {
  const paragraph = document.createElement('p');
  paragraph.className = 'detail';
  paragraph.textContent = text;
  container.replaceChildren(paragraph);
}

/** Horizontal bars, one per stage, each with its count and its share of the stage before. */
export function drawFunnel(container, stages) {
  const row = 42;
  const label = stages.map((stage) => `${stage.label}: ${integer(stage.value)}`).join(', ');
  const { svg, width } = canvas(container, stages.length * row, t('chart.funnel', { stages: label }));
  const max = Math.max(1, ...stages.map((stage) => Number(stage.value) || 0));
  stages.forEach((stage, index) => {
    const y = index * row;
    const value = Number(stage.value) || 0;
    const previous = index > 0 ? Number(stages[index - 1].value) || 0 : null;
    const share = previous ? ` · ${percent((100 * value) / previous, 1)}` : '';
    svg.append(node('text', { x: 0, y: y + FONT, 'font-size': FONT }, stage.label));
    svg.append(node('text', {
      x: width, y: y + FONT, 'font-size': FONT, 'text-anchor': 'end', 'font-weight': 700,
    }, `${integer(value)}${share}`));
    svg.append(node('rect', { class: 'track', x: 0, y: y + 19, width, height: 14, rx: 3 }));
    const barWidth = value > 0 ? Math.max(2, (width * value) / max) : 0;
    svg.append(node('rect', { class: 'bar', x: 0, y: y + 19, width: barWidth, height: 14, rx: 3 }));
  });
}

/** Every day from the first to the last with leads, days without leads included at zero. */
function continuousDays(groups) {
  const byDay = new Map(groups.map((group) => [group.key, group]));
  const days = [];
  let cumulative = 0;
  for (let day = groups[0].key; day <= groups[groups.length - 1].key; day = nextDay(day)) {
    const group = byDay.get(day);
    if (group && group.cumulativeLeads !== undefined && group.cumulativeLeads !== null) {
      cumulative = Number(group.cumulativeLeads);
    }
    days.push({ day, leads: group ? Number(group.leads) || 0 : 0, cumulative });
    if (days.length > 800) break;
  }
  return days;
}

/** Leads per day as bars (left scale) and the cumulative lead base as a line (right scale). */
export function drawTrend(container, groups) {
  if (!groups || groups.length === 0) {
    message(container, t('chart.trendEmpty'));
    return;
  }
  const days = continuousDays(groups);
  const last = days[days.length - 1];
  const height = 210;
  const { svg, width } = canvas(container, height, t('chart.trend', {
    from: shortDay(days[0].day), to: shortDay(last.day), total: integer(last.cumulative),
  }));
  const left = 34;
  const right = 44;
  const top = 26;
  const bottom = 24;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const maxLeads = Math.max(1, ...days.map((d) => d.leads));
  const maxCumulative = Math.max(1, ...days.map((d) => d.cumulative));
  const slot = plotWidth / days.length;
  const barWidth = Math.min(28, Math.max(1, slot * 0.7));

  svg.append(node('rect', { class: 'bar', x: 0, y: 4, width: 10, height: 10 }));
  const daily = node('text', { x: 14, y: 13, 'font-size': FONT - 1 }, t('chart.trendDaily'));
  svg.append(daily);
  // The second legend entry starts after the first one's text, whose width depends on the language.
  const after = 14 + Math.ceil(measured(daily, 96)) + 14;
  svg.append(node('line', { class: 'line', x1: after, y1: 9, x2: after + 16, y2: 9 }));
  svg.append(node('text', { x: after + 20, y: 13, 'font-size': FONT - 1 }, t('chart.trendCumulative')));

  const base = top + plotHeight;
  svg.append(node('line', { class: 'axis', x1: left, y1: base, x2: left + plotWidth, y2: base }));
  svg.append(node('text', { class: 'muted', x: left - 4, y: top + 4, 'font-size': FONT - 2, 'text-anchor': 'end' },
    integer(maxLeads)));
  svg.append(node('text', { class: 'muted', x: left - 4, y: base, 'font-size': FONT - 2, 'text-anchor': 'end' }, '0'));
  svg.append(node('text', {
    class: 'muted', x: left + plotWidth + 4, y: top + 4, 'font-size': FONT - 2,
  }, integer(maxCumulative)));

  const points = [];
  days.forEach((d, index) => {
    const x = left + index * slot;
    const barHeight = (plotHeight * d.leads) / maxLeads;
    const bar = node('rect', {
      class: 'bar', x: x + (slot - barWidth) / 2, y: base - barHeight, width: barWidth, height: barHeight,
    });
    bar.append(node('title', {}, t('chart.trendDay', {
      day: shortDay(d.day), leads: integer(d.leads), cumulative: integer(d.cumulative),
    })));
    svg.append(bar);
    points.push(`${(x + slot / 2).toFixed(1)},${(base - (plotHeight * d.cumulative) / maxCumulative).toFixed(1)}`);
  });
  svg.append(node('polyline', { class: 'line', points: points.join(' ') }));
  if (days.length <= 31) {
    const [lastX, lastY] = points[points.length - 1].split(',');
    svg.append(node('circle', { class: 'dot', cx: lastX, cy: lastY, r: 3.5 }));
  }

  svg.append(node('text', { class: 'muted', x: left, y: height - 6, 'font-size': FONT - 2 }, shortDay(days[0].day)));
  if (days.length > 1) {
    svg.append(node('text', {
      class: 'muted', x: left + plotWidth, y: height - 6, 'font-size': FONT - 2, 'text-anchor': 'end',
    }, shortDay(last.day)));
  }
}

/** A progress bar toward the target, with the deadline's share of the way marked when it is known. */
export function drawGoal(container, goal) {
  if (!goal || goal.targetLeads === null || goal.targetLeads === undefined) {
    container.replaceChildren();
    return;
  }
  const height = 46;
  const share = Math.min(100, Math.max(0, Number(goal.percentOfTarget) || 0));
  const { svg, width } = canvas(container, height, t('chart.goal', {
    leads: integer(goal.leadsSoFar), target: integer(goal.targetLeads), share: percent(goal.percentOfTarget, 1),
  }));
  svg.append(node('rect', { class: 'track', x: 0, y: 4, width, height: 18, rx: 4 }));
  svg.append(node('rect', { class: 'bar', x: 0, y: 4, width: (width * share) / 100, height: 18, rx: 4 }));
  svg.append(node('text', { x: 0, y: 40, 'font-size': FONT - 1 },
    t('chart.goalLeads', { leads: integer(goal.leadsSoFar) })));
  svg.append(node('text', { x: width, y: 40, 'font-size': FONT - 1, 'text-anchor': 'end' },
    t('chart.goalTarget', { target: integer(goal.targetLeads) })));
}

/** Each variant's conversion rate as a dot on its 95 % interval, all on one scale. */
export function drawVariants(container, variants) {
  if (!variants || variants.length === 0) {
    message(container, t('chart.variantsEmpty'));
    return;
  }
  const row = 40;
  const top = 8;
  const height = top + variants.length * row + 22;
  const { svg, width } = canvas(container, height, t('chart.variants', {
    variants: variants.map((v) => `${v.variant} ${percent(v.conversionRate)}`).join(', '),
  }));
  const left = 74;
  const plotWidth = width - left - 12;
  const max = Math.max(1, ...variants.map((v) => Number(v.conversionRateHigh) || 0)) * 1.1;
  const scale = (value) => left + (plotWidth * (Number(value) || 0)) / max;
  variants.forEach((variant, index) => {
    const y = top + index * row + row / 2;
    svg.append(node('text', { x: 0, y: y + 4, 'font-size': FONT },
      t('ab.variant', { variant: variant.variant, isControl: variant.control })));
    svg.append(node('line', { class: 'whisker', x1: scale(variant.conversionRateLow), y1: y, x2: scale(variant.conversionRateHigh), y2: y }));
    svg.append(node('line', { class: 'whisker', x1: scale(variant.conversionRateLow), y1: y - 6, x2: scale(variant.conversionRateLow), y2: y + 6 }));
    svg.append(node('line', { class: 'whisker', x1: scale(variant.conversionRateHigh), y1: y - 6, x2: scale(variant.conversionRateHigh), y2: y + 6 }));
    svg.append(node('circle', { class: variant.control ? 'control' : 'bar', cx: scale(variant.conversionRate), cy: y, r: 6 }));
  });
  const base = top + variants.length * row;
  svg.append(node('line', { class: 'axis', x1: left, y1: base, x2: left + plotWidth, y2: base }));
  svg.append(node('text', { class: 'muted', x: left, y: base + 16, 'font-size': FONT - 2 }, percent(0, 0)));
  svg.append(node('text', { class: 'muted', x: left + plotWidth, y: base + 16, 'font-size': FONT - 2, 'text-anchor': 'end' },
    percent(max, 1)));
}
