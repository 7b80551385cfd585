// In-memory invoices: the exercise is about the image, not the database.
const invoices = [
  { id: 'INV-1001', customer: 'Northwind', cents: 125000, paid: true },
  { id: 'INV-1002', customer: 'Contoso', cents: 48000, paid: false },
  { id: 'INV-1003', customer: 'Fabrikam', cents: 99900, paid: false },
];

function listInvoices() {
  return invoices.map((i) => ({ ...i }));
}

/** The unpaid total, in cents. */
function totalDue(list) {
  return list.filter((i) => !i.paid).reduce((sum, i) => sum + i.cents, 0);
}

module.exports = { listInvoices, totalDue };
