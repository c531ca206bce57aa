// A visit to another terminal's shelf (FIG. 13, 15): asks that terminal, through the center, for
// the contents list it arranges for this visitor, shows it once the engine verified its checksum,
// and receives from that terminal what the visitor chooses. The page runs the terminal engine, so
// it also serves what this browser shares (and answers its own visitors) while it is open.
import { api } from '../platform/api.js';
import { startTerminal } from './swarm.js';
import { format, yen } from './texts.js';
import { renderPaid, renderTransfer } from './transfer-view.js';

const $ = (id) => document.getElementById(id);
const text = $('shelf-page').dataset;
const context = document.documentElement.dataset.context ?? '';
const of = text.of;
const genres = new Map([...$('genre-names').children].map((g) => [g.dataset.genre, g.textContent]));
const paid = new Map();  // content id → what this media paid for it so far
let terminal = null;
let balance = Number($('balance').dataset.yen);
// The content the transfer view shows: {content, unitCost}.
let receiving = null;

function say(message) {
  $('shelf-message').textContent = message;
  $('shelf-message').hidden = !message;
}

/** What the visitor's balance covers, as on the top page: the unit cost against the balance. */
function showMeans(line) {
  const short = Number(line.dataset.unitCost) - balance;
  line.classList.toggle('affordable', short <= 0);
  line.classList.toggle('unaffordable', short > 0);
  const means = line.querySelector('.means');
  means.className = short <= 0 ? 'means badge ok' : 'means shortfall';
  means.textContent = short <= 0 ? text.affordable : format(text.shortfall, yen(text.yenFormat, short));
}

function showBalance(amount) {
  balance = amount;
  $('balance').dataset.yen = amount;
  $('balance').textContent = yen(text.yenFormat, amount);
  for (const line of $('shelf').children) showMeans(line);
}

function shelfLine(item, details, distributor) {
  const line = $('shelf-line').content.firstElementChild.cloneNode(true);
  const id = encodeURIComponent(item.content);
  line.dataset.content = item.content;
  line.dataset.unitCost = details.unitCost;
  line.querySelector('img.thumb').src = `${context}/api/contents/${id}/thumbnail`;
  const name = line.querySelector('a.name');
  name.textContent = details.name;
  name.href = `${context}/content?id=${id}`;
  if (!item.recommended) line.querySelector('.badge.recommended').remove();
  line.querySelector('.genre').textContent = genres.get(details.genre) ?? '';
  line.querySelector('.cost').textContent = yen(text.yenFormat, details.unitCost);
  showMeans(line);
  line.querySelector('button.receive').addEventListener('click', () => receive(item.content, details, distributor));
  return line;
}

function showShelf({ list, details, terminal: distributor }) {
  $('shelf-news').textContent = list.news;
  $('shelf-news-box').hidden = list.news === '';
  // The center describes every line it passes on; one it did not describe is not offered.
  const lines = list.items.filter((item) => Object.hasOwn(details, item.content))
    .map((item) => shelfLine(item, details[item.content], distributor));
  $('shelf').replaceChildren(...lines);
  $('shelf-empty').hidden = lines.length > 0;
  document.body.dataset.shelf = 'shown';
}

function failure(error) {
  if (error.reason === 'shelf.noAnswer') return format(text.noAnswer, of);
  if (error.reason === 'shelf.damaged') return format(text.damaged, of);
  return error.message;  // the center's refusal, in the page's language
}

/** Asks for the shelf (the engine asks twice at most); when none verified, says why and offers to visit again. */
async function visitShelf() {
  $('shelf-retry').hidden = true;
  $('shelf-status').hidden = false;
  try {
    showShelf(await terminal.visit(of));
  } catch (e) {
    say(failure(e));
    $('shelf-retry').hidden = false;
  } finally {
    $('shelf-status').hidden = true;
  }
}

function show(transfer) {
  if (!transfer || transfer.content !== receiving?.content) return;
  $('transfer').hidden = false;
  renderTransfer(transfer);
}

/** Receives the content from the visited terminal (the engine never rejects: refusals come as events). */
async function receive(contentId, details, distributor) {
  say('');
  receiving = { content: contentId, unitCost: details.unitCost };
  $('shelf-receiving').textContent = format(text.receiving, details.name);
  $('shelf-receive').hidden = false;
  renderPaid(paid.get(contentId) ?? 0, details.unitCost);
  show(await terminal.choose(contentId, distributor));
}

function listen() {
  const mine = (event) => receiving !== null && event.detail.content === receiving.content;
  terminal.addEventListener('progress', (event) => show(event.detail));
  terminal.addEventListener('complete', (event) => show(event.detail));
  terminal.addEventListener('alert', (event) => { if (mine(event)) say(event.detail.message); });
  terminal.addEventListener('settled', (event) => {
    showBalance(event.detail.balance);
    if (event.detail.role !== 'receiver') return;
    paid.set(event.detail.content, (paid.get(event.detail.content) ?? 0) + event.detail.amount);
    if (mine(event)) renderPaid(paid.get(receiving.content), receiving.unitCost);
  });
  terminal.addEventListener('error', (event) => {
    // Refusals of this terminal's answers to its own visitors are not this visit's business.
    if (event.detail.reason?.startsWith('shelf.')) return;
    if (event.detail.content === undefined || mine(event)) say(event.detail.message);
  });
}

async function init() {
  // Read before the engine connects, so that every settlement after it arrives as an event.
  try {
    for (const r of await api('GET', '/api/terminal/receptions')) paid.set(r.content, r.paid);
  } catch (e) {
    say(e.message);
  }
  terminal = await startTerminal();
  listen();
  $('shelf-retry').addEventListener('click', () => { say(''); visitShelf(); });
  $('pause').addEventListener('click', async () => show(await terminal.pause(receiving.content)));
  $('resume').addEventListener('click', async () => show(await terminal.resume(receiving.content)));
  visitShelf();
}

init().catch((e) => say(e.message)).finally(() => { document.body.dataset.ready = 'true'; });
