// The terminal channel: tells the center this terminal is online, what it holds and how it is
// doing (hello, then a heartbeat every few seconds), carries the swarm's frames both ways, and
// reconnects when the link drops.

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

function state(transfers) {
  const shown = visibleMs + (visibleSince !== null ? Date.now() - visibleSince : 0);
  const downlinkMbps = navigator.connection?.downlink ?? 0;
  return {
    cpuLoad: Math.round(lag * 100) / 100,
    linkBytesPerSecond: Math.round(downlinkMbps * 125000),
    operatingRate: Math.round(Math.min(1, shown / Math.max(1, Date.now() - openedAt)) * 100) / 100,
    transfers,
  };
}

const equipment = () => ({ cores: navigator.hardwareConcurrency || 1, userAgent: navigator.userAgent.slice(0, 300) });

/**
 * Opens the channel and keeps it open. At every (re)connection `hello()` gives the hello's fields
 * ({contents, comment, uploadCap}); `onFrame` gets every JSON frame, `onBinary` every binary one
 * (an ArrayBuffer), `onClose` each time the connection drops; `transfers()` counts the links under way.
 * Returns `{send(frame), sendBinary(data), hello(fields), bufferedAmount}`; sends return false while closed.
 */
export function connect({ hello, onFrame, onBinary = () => {}, onClose = () => {}, transfers = () => 0 }) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${context()}/terminal/channel`;
  let socket = null;
  const isOpen = () => socket?.readyState === WebSocket.OPEN;
  const channel = {
    send(frame) {
      if (!isOpen()) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    sendBinary(data) {
      if (!isOpen()) return false;
      socket.send(data);
      return true;
    },
    hello(fields) {
      return channel.send({ type: 'hello', equipment: equipment(), ...fields });
    },
    get bufferedAmount() {
      return socket?.bufferedAmount ?? 0;
    },
  };

  function open() {
    const current = new WebSocket(url);
    current.binaryType = 'arraybuffer';
    socket = current;
    let beat = null;
    current.addEventListener('open', async () => {
      const fields = await hello();
      if (socket === current) channel.hello(fields);
    });
    current.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') { onBinary(event.data); return; }
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame.type === 'welcome') {
        clearInterval(beat);
        beat = setInterval(() => channel.send({ type: 'heartbeat', ...state(transfers()) }), frame.heartbeatSeconds * 1000);
      }
      onFrame(frame);
    });
    current.addEventListener('close', (event) => {
      clearInterval(beat);
      onClose(event);
      // The media was revoked (the alert before said so): the insertion page says why again.
      if (event.code === 1008 && event.reason === 'media.refused.revoked') { location.assign(`${context()}/terminal`); return; }
      // Refused (not signed in, foreign page): do not insist. Otherwise come back after a pause.
      if (event.code !== 1008) setTimeout(open, 5000);
    });
  }
  open();
  return channel;
}
