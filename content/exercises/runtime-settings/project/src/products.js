/** The catalogue; a real service would read it from a database. */
const PRODUCTS = [
  { id: 'kettle', name: 'Kettle', price: 39 },
  { id: 'teapot', name: 'Teapot', price: 25 },
  { id: 'mug', name: 'Mug', price: 9 },
];

export function listProducts(query = '') {
  const q = query.trim().toLowerCase();
  return q ? PRODUCTS.filter((p) => p.name.toLowerCase().includes(q)) : PRODUCTS;
}
