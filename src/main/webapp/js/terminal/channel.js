// The terminal channel: tells the center this terminal is online, what it holds and how it is
// doing (hello, then a heartbeat every few seconds), and reconnects when the link drops.

const context = () => document.documentElement.dataset.context ?? '';
const openedAt = Date.now();
let visibleMs = 0;
let visibleSince = document.visibilityState === 'visible' ? Date.now() : null;
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') visibleSince = Date.now();
  else if (visibleSince !== null) { visibleMs += Date.now() - visibleSince; visibleSince = null; }
});

// Browsers do not expose the processor's load; how late a 100 ms timer fires is a fair estimate.
let lag = 0;
(function measureLag() {
  const planned = performance.now() + 100;
  setTimeout(() => {
    const late = Math.max(0, performance.now() - planned);
    lag = 0.8 * lag + 0.2 * Math.min(1, late / 100);
    measureLag();
  }, 100);
})();

function state() {
  const shown = visibleMs + (visibleSince !== null ? Date.now() - visibleSince : 0);
  const downlinkMbps = navigator.connection?.downlink ?? 0;
  return {
    cpuLoad: Math.round(lag * 100) / 100,
    linkBytesPerSecond: Math.round(downlinkMbps * 125000),
    operatingRate: Math.round(Math.min(1, shown / Math.max(1, Date.now() - openedAt)) * 100) / 100,
    transfers: 0,
  };
}

/** Opens the channel; `held` lists {id, pieces} (a bitfield per content) verified in this browser. */
export function connect(held = [], onFrame = () => {}) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${context()}/terminal/channel`;
  const socket = new WebSocket(url);
  let beat = null;
  socket.addEventListener('open', () => {
    socket.send(JSON.stringify({
      type: 'hello',
      equipment: { cores: navigator.hardwareConcurrency || 1, userAgent: navigator.userAgent.slice(0, 300) },
      contents: held,
    }));
  });
  socket.addEventListener('message', (event) => {
    const frame = JSON.parse(event.data);
    if (frame.type === 'welcome') {
      beat = setInterval(() => socket.send(JSON.stringify({ type: 'heartbeat', ...state() })), frame.heartbeatSeconds * 1000);
    }
    onFrame(frame);
  });
  socket.addEventListener('close', (event) => {
    clearInterval(beat);
    // Refused (not signed in, foreign page): do not insist. Otherwise come back after a pause.
    if (event.code !== 1008) setTimeout(() => connect(held, onFrame), 5000);
  });
  return socket;
}
