import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { SCREENSHOT_DIR } from './chromium';

/** A screenshot of an overlay page with its background left out: what OBS lays over the camera. */
export function overlayShot(page: Page): Promise<Buffer> {
  return page.screenshot({ omitBackground: true });
}

/** The alpha of the four corner pixels of a PNG (0: transparent). */
export function cornerAlphas(png: Buffer): number[] {
  const image = PNG.sync.read(png);
  const alpha = (x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];
  const [right, bottom] = [image.width - 1, image.height - 1];
  return [alpha(0, 0), alpha(right, 0), alpha(0, bottom), alpha(right, bottom)];
}

/** How many pixels of a PNG are not fully transparent: 0 for an overlay that shows nothing. */
export function opaquePixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] > 0) count++;
  return count;
}

/**
 * Lays an overlay's screenshot over a synthetic camera frame (a hall with a lit arena, drawn on a
 * canvas: no downloaded picture) and saves tests/artifacts/screenshots/<name>.png, to look at how
 * the overlay reads over a real picture.
 */
export async function saveOverCamera(
  browser: Browser,
  overlay: Buffer,
  name: string,
): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const data = await page.evaluate(async (base64) => {
      const canvas = document.createElement('canvas');
      canvas.width = 1920;
      canvas.height = 1080;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      const wall = g.createLinearGradient(0, 0, 0, 1080);
      wall.addColorStop(0, '#5a6b7d');
      wall.addColorStop(0.55, '#9aa7b3');
      wall.addColorStop(0.56, '#6b5138');
      wall.addColorStop(1, '#3b2a1c');
      g.fillStyle = wall;
      g.fillRect(0, 0, 1920, 1080);
      // The arena: a white table with a black maze, lit from above, and a few spectators.
      g.fillStyle = '#f2f2ee';
      g.fillRect(560, 520, 800, 360);
      g.strokeStyle = '#111';
      g.lineWidth = 14;
      for (let i = 0; i < 6; i++) {
        g.beginPath();
        g.moveTo(600 + i * 130, 540 + (i % 2) * 120);
        g.lineTo(600 + i * 130, 860 - ((i + 1) % 2) * 120);
        g.stroke();
      }
      const light = g.createRadialGradient(960, 600, 40, 960, 600, 700);
      light.addColorStop(0, 'rgba(255,250,220,0.45)');
      light.addColorStop(1, 'rgba(255,250,220,0)');
      g.fillStyle = light;
      g.fillRect(0, 0, 1920, 1080);
      for (let i = 0; i < 14; i++) {
        g.fillStyle = ['#c0392b', '#2e86c1', '#f1c40f', '#27ae60'][i % 4];
        g.beginPath();
        g.arc(80 + i * 135, 470, 38, 0, Math.PI * 2);
        g.fill();
        g.fillRect(50 + i * 135, 505, 60, 90);
      }
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      g.drawImage(image, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1];
    }, overlay.toString('base64'));
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
    return file;
  } finally {
    await context.close();
  }
}

/** Whether the page scrolls in either direction (an OBS source must not show a scrollbar). */
export function scrolls(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollHeight > root.clientHeight || root.scrollWidth > root.clientWidth;
  });
}
