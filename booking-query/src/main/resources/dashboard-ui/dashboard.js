'use strict';
// The bookings dashboard: signs in at the user service, reads booking-query's API, and follows
// /api/dashboard/stream (Server-Sent Events, read with fetch so that the token travels in a header).

const OUTCOMES = ['placed', 'confirmed', 'rejected', 'cancelled', 'refunded'];
const COLOURS = {placed: '#0969da', confirmed: '#1a7f37', rejected: '#cf222e', cancelled: '#6e7781', refunded: '#8250df'};
const LATEST = 50;
const DAYS = 14;

const state = {token: null, filters: {status: '', showId: ''}, bookings: new Map(), lastEventId: null};

const $ = (id) => document.getElementById(id);
// Display only: amounts arrive exact from the API and are never computed with here.
const money = (amount, currency) => `${new Intl.NumberFormat('en', {minimumFractionDigits: 2, maximumFractionDigits: 2}).format(amount)} ${currency}`;

async function api(path, options = {}) {
  const response = await fetch(path, {...options, headers: {...(options.headers || {}), Authorization: `Bearer ${state.token}`}});
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `${response.status} ${response.statusText}`);
  }
  return response.json();
}

async function signIn(event) {
  event.preventDefault();
  $('login-error').hidden = true;
  try {
    const {tokenUrl} = await (await fetch('/api/dashboard/config')).json();
    const response = await fetch(tokenUrl, {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({email: $('email').value, password: $('password').value}),
    });
    if (!response.ok) throw new Error((await response.json()).detail || 'Sign-in failed');
    state.token = (await response.json()).accessToken;
    $('login').hidden = true;
    $('dashboard').hidden = false;
    await Promise.all([refreshSummary(), loadBookings()]);
    follow();
  } catch (failure) {
    $('login-error').textContent = failure.message;
    $('login-error').hidden = false;
  }
}

async function refreshSummary() {
  let summary;
  try {
    summary = await api(`/api/dashboard/summary?days=${DAYS}`);
  } catch (notAllowed) {
    $('totals').textContent = 'Totals are for admins and auditors.';
    return;
  }
  $('totals').replaceChildren(...Object.entries(summary.bookingsByStatus).map(([status, count]) => {
    const item = document.createElement('div');
    item.innerHTML = `<dt>${status}</dt><dd data-status="${status}">${count}</dd>`;
    return item;
  }));
  $('revenue').textContent = Object.entries(summary.revenue).map(([currency, amount]) => money(amount, currency)).join(', ') || '–';
  drawChart(summary.days);
}

// One slot a day for the last DAYS days (UTC), so that quiet days show as gaps rather than vanish.
function drawChart(reported) {
  const byDay = new Map(reported.map((day) => [day.day, day]));
  const today = new Date();
  const days = Array.from({length: DAYS}, (_, back) => {
    const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (DAYS - 1 - back)));
    const key = date.toISOString().slice(0, 10);
    return byDay.get(key) || {day: key, placed: 0, confirmed: 0, rejected: 0, cancelled: 0, refunded: 0};
  });
  const svg = $('chart');
  const width = 720, height = 180, slot = width / Math.max(days.length, 1);
  const highest = Math.max(1, ...days.flatMap((day) => OUTCOMES.map((outcome) => day[outcome])));
  const bar = (slot - 8) / OUTCOMES.length;
  svg.innerHTML = days.map((day, i) => OUTCOMES.map((outcome, j) => {
    const h = (day[outcome] / highest) * (height - 20);
    return `<rect x="${i * slot + 4 + j * bar}" y="${height - h}" width="${bar - 1}" height="${h}" fill="${COLOURS[outcome]}"><title>${day.day} ${outcome}: ${day[outcome]}</title></rect>`;
  }).join('') + `<text x="${i * slot + 4}" y="198" font-size="9">${day.day.slice(5)}</text>`).join('');
  // Coloured through the DOM: a style attribute in markup is inline style, which the page's Content-Security-Policy refuses.
  $('legend').replaceChildren(...OUTCOMES.map((outcome) => {
    const swatch = document.createElement('i');
    swatch.style.background = COLOURS[outcome];
    const entry = document.createElement('span');
    entry.append(swatch, outcome);
    return entry;
  }));
}

async function loadBookings() {
  const query = new URLSearchParams({size: String(LATEST)});
  if (state.filters.status) query.set('status', state.filters.status);
  if (state.filters.showId) query.set('showId', state.filters.showId);
  const page = await api(`/api/bookings?${query}`);
  state.bookings = new Map(page.items.map((booking) => [booking.bookingId, booking]));
  render();
}

function matches(booking) {
  return (!state.filters.status || booking.status === state.filters.status)
    && (!state.filters.showId || booking.showId === state.filters.showId);
}

function render(changedId) {
  const rows = [...state.bookings.values()].filter(matches)
    .sort((a, b) => b.placedAt.localeCompare(a.placedAt)).slice(0, LATEST);
  $('bookings').replaceChildren(...rows.map((booking) => {
    const row = document.createElement('tr');
    row.dataset.bookingId = booking.bookingId;
    if (booking.bookingId === changedId) row.className = 'changed';
    const cells = [new Date(booking.placedAt).toLocaleString(), booking.bookingId, booking.userEmail || booking.userId,
      booking.showName || booking.showId, booking.tickets, booking.amount == null ? '' : money(booking.amount, booking.currency),
      booking.status, booking.reason || ''];
    cells.forEach((value, i) => {
      const cell = document.createElement('td');
      cell.textContent = value;
      if (i === 1) cell.className = 'id';
      if (i === 6) cell.className = `status status-${value}`;
      row.appendChild(cell);
    });
    return row;
  }));
}

// Follows the live stream; on a broken connection it reconnects with the last event id and misses nothing.
async function follow() {
  for (;;) {
    try {
      const headers = {Authorization: `Bearer ${state.token}`, Accept: 'text/event-stream'};
      if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
      const response = await fetch('/api/dashboard/stream', {headers});
      if (!response.ok) throw new Error(`stream answered ${response.status}`);
      $('connection').textContent = 'live';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          received(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (broken) {
      $('connection').textContent = `reconnecting (${broken.message})`;
    }
    await new Promise((resume) => setTimeout(resume, 1000));
  }
}

function received(event) {
  const fields = Object.fromEntries(event.split('\n').map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  }));
  if (fields.event !== 'booking') return;
  state.lastEventId = fields.id;
  const booking = JSON.parse(fields.data);
  state.bookings.set(booking.bookingId, booking);
  render(booking.bookingId);
  refreshSummarySoon();
}

// Totals follow the stream, but at most once a second however many bookings move.
let summaryDue = false;
function refreshSummarySoon() {
  if (summaryDue) return;
  summaryDue = true;
  setTimeout(() => { summaryDue = false; refreshSummary(); }, 1000);
}

$('login').addEventListener('submit', signIn);
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  state.filters = {status: $('status-filter').value, showId: $('show-filter').value.trim()};
  loadBookings();
});
