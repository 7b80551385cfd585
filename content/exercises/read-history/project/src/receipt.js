import PDFDocument from 'pdfkit';

/** Formats cents as "12.50 EUR". */
export function money(cents, currency = 'EUR') {
  if (!Number.isInteger(cents)) throw new TypeError('amounts are integer cents');
  return `${(cents / 100).toFixed(2)} ${currency}`;
}

/** The total of an order's lines, in cents. */
export function total(lines) {
  return lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0);
}

/** Streams a one-page PDF receipt for `order` into `out` (an HTTP response or a file). */
export function renderReceipt(order, out) {
  const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `Receipt ${order.id}` } });
  doc.pipe(out);
  doc.fontSize(16).text(`Receipt ${order.id}`);
  doc.fontSize(9).fillColor('#555').text(new Date(order.paidAt).toISOString().slice(0, 10)).moveDown();
  doc.fillColor('#000').fontSize(10);
  for (const line of order.lines) {
    doc.text(`${line.quantity} x ${line.name}`, { continued: true }).text(money(line.quantity * line.unitCents, order.currency), { align: 'right' });
  }
  doc.moveDown().fontSize(12).text(`Total ${money(total(order.lines), order.currency)}`, { align: 'right' });
  doc.end();
}
