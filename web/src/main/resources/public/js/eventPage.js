// The event page works without this script (crawlers read the HTML); it only adds the Share button's
// copy to the clipboard.

import { copyText } from './share.js';

const button = document.getElementById('share-button');
const status = document.getElementById('share-status');
if (button && status) {
  button.addEventListener('click', async () => {
    const url = button.dataset.shareUrl;
    const ok = await copyText(url);
    status.textContent = ok ? 'Link copied' : `Copy this link: ${url}`;
    status.dataset.url = url;
  });
}
