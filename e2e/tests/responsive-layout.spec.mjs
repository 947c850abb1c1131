// The screen at real widths: from a phone to a wide desktop, the row's Edit Credentials is in
// the window and nothing scrolls sideways; the dialog fits too. Screenshots of each width land
// in the test's output folder (e2e/test-results/), named after the width.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInAs, row, requestTable } from './support.mjs';

const WIDTHS = [390, 768, 1024, 1280, 1440, 1920];

/** Whether the document is wider than the window (something would scroll sideways). */
async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const width of WIDTHS) {
  test(`at ${width} px the table fits and Edit Credentials is in the window`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
    await signInAs(page, 'Alice Andersen');
    const edit = row(page, 'EU Production Portal').getByRole('link', { name: 'Edit Credentials for EU Production Portal' });
    await expect(edit).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const box = await edit.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    if (width >= 1024) {
      await expect(requestTable(page).getByRole('columnheader', { name: 'Actions' })).toBeInViewport();
    } else {
      // A card: the status and the actions of the request are there, in words (the labels are
      // drawn by the stylesheet, and screen readers hear them: the accessibility tree has them).
      expect(await row(page, 'EU Production Portal').ariaSnapshot()).toContain('cell "Status: Submitted"');
    }
    // The status cell is the badge: its icon is drawn by the stylesheet, before its words in the
    // table and between its label and its words in a card.
    const icon = await row(page, 'EU Production Portal').getByRole('cell', { name: /Submitted$/ }).evaluate((cell, card) => {
      const style = getComputedStyle(cell, card ? '::after' : '::before');
      return { mask: style.maskImage, width: style.width, float: style.float, order: style.order };
    }, width < 1024);
    expect(icon.mask).toContain('url(');
    expect(icon.width).toBe('16px');
    if (width < 1024) expect(icon.order).toBe('-1');
    else expect(icon.float).not.toBe('none');
    // What moved out of the columns is still on screen. In a card, as "label: value" (the label
    // drawn by the stylesheet, and heard: the cell's name has it).
    const portalHeader = requestTable(page).getByRole('columnheader', { name: 'API portal', exact: true });
    if (width < 1024) {
      await expect(row(page, 'EU Production Portal').getByRole('cell', { name: /^API portal: eu10apiportal/ })).toBeVisible();
    } else {
      // In the table, the API portal is under the alias, as its header is under the alias's
      // header: seen and heard, with no label of its own. Every cell keeps its own header.
      await expect(row(page, 'EU Production Portal').getByRole('cell', { name: /^eu10apiportal/ })).toBeVisible();
      await expect(portalHeader).toBeVisible();
      await expect(requestTable(page).getByRole('columnheader')).toHaveCount(8);
      if (width < 1600) {
        const portal = await portalHeader.boundingBox();
        const alias = await requestTable(page).getByRole('columnheader', { name: 'API Portal Alias Name' }).boundingBox();
        expect(Math.round(portal.x)).toBe(Math.round(alias.x));
        expect(portal.y).toBeGreaterThanOrEqual(alias.y + alias.height - 1);
      }
    }
    const table = testInfo.outputPath(`table-${width}.png`);
    await page.screenshot({ path: table, fullPage: true });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit Credentials for EU Production Portal' });
    await expect(dialog).toBeVisible();
    // Title on top, Save at the bottom, both in the window; only the body scrolls.
    await expect(dialog.getByRole('heading', { name: 'Edit Credentials for EU Production Portal' })).toBeInViewport();
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeInViewport();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const saveBox = await dialog.getByRole('button', { name: 'Save' }).boundingBox();
    const cancelBox = await dialog.getByRole('button', { name: 'Cancel' }).boundingBox();
    expect(cancelBox.x - (saveBox.x + saveBox.width)).toBeGreaterThanOrEqual(4);
    if (width < 640) {
      const dialogBox = await dialog.boundingBox();
      expect(Math.round(dialogBox.width)).toBe(width);
    }
    const dialogShot = testInfo.outputPath(`dialog-${width}.png`);
    await page.screenshot({ path: dialogShot });
    console.log(`screenshots at ${width} px: ${table} ${dialogShot}`);
  });
}

// German words are longer: the same widths hold in German too.
for (const width of WIDTHS) {
  test(`in German at ${width} px the table fits and Edit Credentials is in the window`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
    await page.goto('/connections?sap-language=de');
    await page.getByRole('button', { name: 'Als Alice Andersen anmelden' }).click();
    const edit = page.getByRole('table', { name: 'Verbindungsanfragen' })
      .getByRole('row', { name: /^EU Production Portal\b/ })
      .getByRole('link', { name: 'Anmeldedaten bearbeiten: EU Production Portal' });
    await expect(edit).toBeVisible();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const box = await edit.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`table-de-${width}.png`), fullPage: true });
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Anmeldedaten bearbeiten: EU Production Portal' });
    await expect(dialog.getByRole('button', { name: 'Speichern' })).toBeInViewport();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`dialog-de-${width}.png`) });
  });
}

// Cards have no column headers to click: a "Sort by" select sorts them instead, and only they
// have it (the wide table's headers do it there).
test('the cards of a narrow window sort by "Sort by"; the wide table by its headers', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, 'Alice Andersen');
  await expect(requestTable(page).getByRole('button', { name: 'API Portal Alias Name' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  const sortBy = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sortBy).toBeVisible();
  await sortBy.selectOption({ label: 'Alias, A to Z' });
  await expect(page).toHaveURL(/sort=apiPortalAlias%20asc/);
  // The cards follow when the sorted page has come.
  const aliases = () => requestTable(page).getByRole('rowheader').allTextContents();
  await expect.poll(async () => {
    const shown = await aliases();
    return shown.length > 1 && shown.every((alias, index) => index === 0 || shown[index - 1].localeCompare(alias) <= 0);
  }).toBe(true);
  await expect(sortBy).toHaveValue('2');
});
