// The operator's charts, drawn as inline SVG from the console's JSON figures: one stacked bar
// per time bucket, one colour per series, with a legend giving each series' total. Every bar
// segment carries its series and value (data-series, data-value) and the legend its total
// (data-total), so what the chart shows can be read back exactly.
import { api } from '../platform/api.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#2f6fb0', '#d08a1e', '#7a4fb3', '#3b9c5a'];
const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 70;
const BOTTOM = 24;
const EVERY = 5000;
const language = document.documentElement.lang || undefined;
const bucket = document.getElementById('bucket');

function element(name, attributes, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function labelsOf(figure) {
  return Object.fromEntries(figure.dataset.labels.split(';').map((pair) => pair.split('=')));
}

function tick(iso, kind) {
  const d = new Date(iso);
  return kind === 'day' ? d.toLocaleDateString(language, { month: 'numeric', day: 'numeric' })
    : d.toLocaleTimeString(language, { hour: '2-digit' });
}

function draw(figure, figures) {
  const labels = labelsOf(figure);
  const names = Object.keys(figures.series);
  const count = figures.buckets.length;
  const stacks = figures.buckets.map((_, i) => names.reduce((sum, n) => sum + Math.max(0, figures.series[n][i]), 0));
  const top = Math.max(1, ...stacks);
  const slot = (WIDTH - LEFT) / count;
  const plot = HEIGHT - BOTTOM;
  const svg = element('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: '100%', role: 'img', 'data-bucket': figures.bucket });
  svg.append(element('line', { x1: LEFT, y1: plot, x2: WIDTH, y2: plot, stroke: '#888' }));
  svg.append(element('text', { x: LEFT - 6, y: 12, 'text-anchor': 'end', 'font-size': 11 },
    `${top.toLocaleString(language)} ${figure.dataset.unit}`));
  svg.append(element('text', { x: LEFT - 6, y: plot, 'text-anchor': 'end', 'font-size': 11 }, '0'));
  figures.buckets.forEach((start, i) => {
    let y = plot;
    names.forEach((name, s) => {
      const value = figures.series[name][i];
      if (value <= 0) return;
      const h = (value / top) * (plot - 16);
      y -= h;
      const bar = element('rect', { x: LEFT + i * slot + 2, y, width: Math.max(1, slot - 4), height: h,
        fill: COLOURS[s % COLOURS.length], 'data-series': name, 'data-value': value, 'data-bucket': start });
      bar.append(element('title', {}, `${labels[name] ?? name} ${tick(start, figures.bucket)}: ${value.toLocaleString(language)} ${figure.dataset.unit}`));
      svg.append(bar);
    });
    if (i % Math.ceil(count / 8) === 0) {
      svg.append(element('text', { x: LEFT + i * slot + slot / 2, y: HEIGHT - 6, 'text-anchor': 'middle', 'font-size': 10 },
        tick(start, figures.bucket)));
    }
  });
  const legend = document.createElement('ul');
  legend.className = 'legend';
  names.forEach((name, s) => {
    const item = document.createElement('li');
    item.dataset.series = name;
    item.dataset.total = String(figures.totals[name]);
    const swatch = element('svg', { width: 12, height: 12 });
    swatch.append(element('rect', { width: 12, height: 12, fill: COLOURS[s % COLOURS.length] }));
    item.append(swatch, ` ${labels[name] ?? name}: ${figures.totals[name].toLocaleString(language)} ${figure.dataset.unit}`);
    legend.append(item);
  });
  figure.replaceChildren(svg, legend);
  figure.dataset.drawn = String(Date.now());
}

async function refresh() {
  for (const figure of document.querySelectorAll('figure.chart')) {
    try {
      draw(figure, await api('GET', `${figure.dataset.source}?bucket=${bucket.value}`));
    } catch (e) {
      console.warn('chart', figure.id, e.message);  // the chart stays as it was drawn last
    }
  }
}

async function loop() {
  await refresh();
  setTimeout(loop, EVERY);
}

bucket.addEventListener('change', refresh);
await refresh();
document.body.dataset.ready = 'true';
setTimeout(loop, EVERY);
