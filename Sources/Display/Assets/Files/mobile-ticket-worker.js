// Rathaus: the service worker of a ticket's page. It only shows the call notifications the page
// asks for (Chrome on Android shows notifications only through a service worker) and brings the
// ticket's page to the front when one is tapped. It caches nothing and intercepts no request.
'use strict';

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = event.notification.data && event.notification.data.url;
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    for (const client of windows) {
      if (target && new URL(client.url).pathname === target && 'focus' in client) return client.focus();
    }
    return target ? self.clients.openWindow(target) : undefined;
  }));
});
