// A page from another origin that embeds a Layerwise exercise, for the embed's end-to-end tests.
// Serves /host.html on HOST_PORT and /third.html (a frame that tries to command the widget) on
// THIRD_PORT: three origins in all, with Layerwise's preview on LAYERWISE_PORT.
import { createServer } from 'node:http';

const layerwise = `http://127.0.0.1:${process.env.LAYERWISE_PORT}`;
const hostOrigin = `http://127.0.0.1:${process.env.HOST_PORT}`;
const thirdOrigin = `http://127.0.0.1:${process.env.THIRD_PORT}`;

const hostPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog post</title>
<script src="${layerwise}/embed.js" defer></script></head>
<body><main><h1>A blog post about Docker images</h1>
<p>Try it yourself:</p>
<layerwise-exercise id="widget" exercise="non-root" theme="light" height="400" origins="${hostOrigin}">
  <a href="${layerwise}/exercises/non-root/">Open the exercise on Layerwise</a>
</layerwise-exercise>
<iframe id="third" title="third party" src="${thirdOrigin}/third.html" style="width:10px;height:10px"></iframe>
<div style="height:3000px">Scroll on for a second exercise.</div>
<div id="upgraded" data-layerwise-exercise="cache-order" data-theme="dark" data-origins="${hostOrigin}"><a href="${layerwise}/exercises/cache-order/">Open the second exercise</a></div>
</main>
<script>
  window.received = [];
  for (const type of ['ready', 'resize', 'change', 'graded']) {
    document.addEventListener('layerwise:' + type, (event) => window.received.push({ type, detail: event.detail }));
  }
</script></body></html>`;

// Posts a well-formed command to every frame of its parent, with the channel it cannot know
// and with a guessed one: the widget must ignore both (wrong source, wrong origin).
const thirdPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>third</title></head><body><script>
  window.addEventListener('message', (event) => {
    if (event.data !== 'attack') return;
    for (let i = 0; i < parent.frames.length; i++) {
      parent.frames[i].postMessage({ protocol: 'layerwise-embed', version: 1, channel: event.origin, type: 'setDockerfile', payload: { dockerfile: 'FROM evil' } }, '*');
    }
  });
</script></body></html>`;

function serve(port, routes) {
  createServer((req, res) => {
    const body = routes[new URL(req.url, 'http://x').pathname];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  }).listen(Number(port), '127.0.0.1');
}

serve(process.env.HOST_PORT, { '/host.html': hostPage, '/': 'host' });
serve(process.env.THIRD_PORT, { '/third.html': thirdPage, '/': 'third' });
